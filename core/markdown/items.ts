import type { List, Paragraph, RootContent } from 'mdast';
import type { ItemKind, SpecItem } from '../spec/model.js';
import type { LineIndex } from './lines.js';
import { endOffset, plainText, startOffset } from './tree.js';

/**
 * An id at the start of an item, in the styles authors use: "FR-1: …", "**FR-1:** …",
 * "**AC-2**: …", "NFR-1 (Token generation): …", "- AC-3 — …", and checklist items "- [ ] AC-4: …".
 */
const ID_PREFIX =
  /^(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?[ \t]*(FR|NFR|AC)-(\d+)\b(?:[ \t]*\(([^)\n]*)\))?[ \t]*(?:\*\*|__)?[ \t]*[:.\u2013\u2014-]?[ \t]*(?:\*\*|__)?[ \t]*/;

const KINDS: Record<string, ItemKind> = { FR: 'fr', NFR: 'nfr', AC: 'ac' };

interface ItemContext {
  source: string;
  bodyStart: number;
  lines: LineIndex;
}

/** Requirement items and their groups among one section's top-level nodes. */
export function extractItems(nodes: RootContent[], ctx: ItemContext): SpecItem[] {
  const items: SpecItem[] = [];
  let group: string | undefined;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth >= 3) {
      group = plainText(node).trim() || undefined;
    } else if (node.type === 'paragraph' && isGroupLabel(node)) {
      group = plainText(node).trim().replace(/:$/, '');
    } else if (node.type === 'list') {
      items.push(...listItems(node, ctx, group));
    } else if (node.type === 'paragraph') {
      items.push(...paragraphItems(startOffset(node), endOffset(node), ctx, group));
    }
  }
  return items;
}

/** "**Happy Path**" alone on a line labels the items below it, like an H3. */
function isGroupLabel(node: Paragraph): boolean {
  return node.children.length === 1 && node.children[0].type === 'strong' && !ID_PREFIX.test(plainText(node));
}

function listItems(list: List, ctx: ItemContext, group: string | undefined): SpecItem[] {
  const found: SpecItem[] = [];
  for (const listItem of list.children) {
    const first = listItem.children[0];
    if (!first) continue;
    // Lazy continuation lines ("AC-2: …" right under "- AC-1: …") belong to the list item in
    // CommonMark, but the author meant separate items.
    found.push(...paragraphItems(startOffset(first), endOffset(listItem), ctx, group));
  }
  return found;
}

/** A paragraph may hold several items, one per line, when authors skip the list markers. */
function paragraphItems(from: number, to: number, ctx: ItemContext, group: string | undefined): SpecItem[] {
  const starts: number[] = [];
  let lineStart = from;
  while (lineStart < to) {
    const nl = ctx.source.indexOf('\n', lineStart);
    const lineEnd = nl === -1 || nl >= to ? to : nl;
    const indent = /^[ \t]*/.exec(ctx.source.slice(lineStart, lineEnd))![0].length;
    if (ID_PREFIX.test(ctx.source.slice(lineStart + indent, lineEnd))) starts.push(lineStart + indent);
    lineStart = lineEnd + 1;
  }
  const found: SpecItem[] = [];
  starts.forEach((start, i) => {
    const item = makeItem(start, i + 1 < starts.length ? starts[i + 1] : to, ctx, group);
    if (item) found.push(item);
  });
  return found;
}

function makeItem(from: number, to: number, ctx: ItemContext, group: string | undefined): SpecItem | null {
  const raw = ctx.source.slice(from, to);
  const match = ID_PREFIX.exec(raw);
  if (!match) return null;
  const text = raw.slice(match[0].length).replace(/\s+$/, '');
  const textStart = from + match[0].length;
  const position = ctx.lines.position(textStart);
  const item: SpecItem = {
    id: `${match[1]}-${match[2]}`,
    kind: KINDS[match[1]],
    number: Number(match[2]),
    text,
    start: textStart - ctx.bodyStart,
    end: textStart - ctx.bodyStart + text.length,
    line: position.line,
    column: position.column,
  };
  if (match[3]?.trim()) item.label = match[3].trim();
  if (group) item.group = group;
  return item;
}
