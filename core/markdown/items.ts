import type { List, Paragraph, RootContent, Table } from 'mdast';
import type { CanonicalKind, DeltaOp, SpecItem } from '../spec/model.js';
import type { TemplateId } from '../templates/types.js';
import {
  ACCEPTANCE_CRITERIA,
  ACCEPTANCE_SCENARIOS,
  ENUM_PREFIX,
  ID_PREFIX,
  KIRO_REQUIREMENT,
  NATIVE_ID,
  OPENSPEC_REQUIREMENT,
  PRIMARY_STORY,
  SCENARIO,
  USER_STORY,
  USER_STORY_LABEL,
  lintKindOf,
  nativeRole,
  slug,
  styleOf,
} from './item-shapes.js';
import type { LineIndex } from './lines.js';
import { endOffset, plainText, startOffset } from './tree.js';

export interface ItemContext {
  source: string;
  bodyStart: number;
  lines: LineIndex;
  /** The section's template key: id-less list items under acceptance-type sections are criteria. */
  sectionKey?: string | null;
  /** Set inside an OpenSpec delta block (`## ADDED Requirements` …). */
  delta?: DeltaOp;
  /** Item shapes of other formats found here are recorded for the mixed-format finding. */
  shapes?: Set<TemplateId>;
}

/** Sections whose id-less list items are criteria, never dropped (FR-2 of issue 11). */
const CRITERIA_SECTIONS: Record<string, CanonicalKind> = { acceptance: 'criterion', successCriteria: 'success-criterion' };

interface Requirement {
  format: 'kiro' | 'openspec';
  depth: number;
  id: string;
  native: boolean;
  label?: string;
  statementDone: boolean;
  criteriaDepth?: number;
  count: number;
}

interface Scenario {
  depth: number;
  id: string;
  native: boolean;
  from: number;
  to: number;
}

interface Story {
  n: number;
  depth: number;
  scenarios: boolean;
  count: number;
}

interface Draft {
  id: string;
  role: CanonicalKind;
  parent?: string;
  derived: boolean;
  number: number;
  label?: string;
  table?: boolean;
}

/**
 * Requirement and criterion items among one section's top-level nodes, in every format the
 * templates know: native ids anywhere (FR-1, **AC-2**, SC-001, table rows), Kiro requirements
 * and their numbered criteria (R3.2), spec-kit user-story scenarios (US2-AS1), OpenSpec
 * requirements and scenarios (`req/scenario`), and id-less criteria under Acceptance Criteria.
 * Item text is always a verbatim slice of the source, so offsets stay exact.
 */
export function extractItems(nodes: RootContent[], ctx: ItemContext): SpecItem[] {
  const items: SpecItem[] = [];
  let group: string | undefined;
  let req: Requirement | undefined;
  let scenario: Scenario | undefined;
  let story: Story | undefined;
  let lastStory = 0;
  let loose = 0;
  const criteriaRole = ctx.sectionKey ? CRITERIA_SECTIONS[ctx.sectionKey] : undefined;

  const push = (item: SpecItem | null) => {
    if (item) items.push(item);
  };
  const flushScenario = () => {
    if (!scenario) return;
    if (scenario.to > scenario.from) {
      push(makeItem(scenario.from, scenario.to, ctx, group, {
        id: scenario.id,
        role: 'scenario',
        parent: req?.id,
        derived: !scenario.native,
        number: req ? ++req.count : 1,
      }));
    }
    scenario = undefined;
  };

  for (const node of nodes) {
    if (node.type === 'heading' && node.depth >= 3) {
      const text = plainText(node).trim();
      if (scenario && node.depth <= scenario.depth) flushScenario();
      if (req && node.depth <= req.depth) req = undefined;
      if (req?.criteriaDepth !== undefined && node.depth <= req.criteriaDepth) req.criteriaDepth = undefined;
      if (story && node.depth <= story.depth && !(ACCEPTANCE_SCENARIOS.test(text) && story.depth === node.depth && !story.scenarios)) story = undefined;
      // Kiro's "#### Acceptance Criteria" keeps its requirement as the group.
      if (!(req?.format === 'kiro' && ACCEPTANCE_CRITERIA.test(text))) group = text || undefined;
      let m: RegExpExecArray | null;
      if ((m = OPENSPEC_REQUIREMENT.exec(text))) {
        ctx.shapes?.add('openspec');
        const native = NATIVE_ID.exec(m[1]);
        req = { format: 'openspec', depth: node.depth, id: native ? `${native[1]}-${native[2]}` : slug(m[1]), native: Boolean(native), label: native?.[3]?.trim() || undefined, statementDone: false, count: 0 };
      } else if ((m = KIRO_REQUIREMENT.exec(text))) {
        ctx.shapes?.add('kiro-requirements');
        req = { format: 'kiro', depth: node.depth, id: `R${Number(m[1])}`, native: false, statementDone: false, count: 0 };
      } else if ((m = SCENARIO.exec(text))) {
        ctx.shapes?.add('openspec');
        const native = NATIVE_ID.exec(m[1]);
        const id = native ? `${native[1]}-${native[2]}` : req ? `${req.id}/${slug(m[1])}` : slug(m[1]);
        scenario = { depth: node.depth, id, native: Boolean(native), from: -1, to: -1 };
      } else if (req?.format === 'kiro' && ACCEPTANCE_CRITERIA.test(text)) {
        req.criteriaDepth = node.depth;
      } else if ((m = USER_STORY.exec(text))) {
        ctx.shapes?.add('speckit');
        story = { n: Number(m[1]), depth: node.depth, scenarios: false, count: 0 };
        lastStory = story.n;
      } else if (PRIMARY_STORY.test(text)) {
        ctx.shapes?.add('speckit');
        story = { n: lastStory + 1, depth: node.depth, scenarios: false, count: 0 };
        lastStory = story.n;
      } else if (ACCEPTANCE_SCENARIOS.test(text)) {
        ctx.shapes?.add('speckit');
        // The older spec-kit layout puts "### Acceptance Scenarios" beside "### Primary User Story".
        if (!story) story = { n: Math.max(1, lastStory), depth: node.depth, scenarios: true, count: 0 };
        else story.scenarios = true;
        lastStory = story.n;
      }
      continue;
    }
    if (node.type === 'paragraph') {
      const text = plainText(node).trim();
      if (ACCEPTANCE_SCENARIOS.test(text) && node.children[0]?.type === 'strong') {
        ctx.shapes?.add('speckit');
        if (!story) story = { n: lastStory + 1, depth: 99, scenarios: true, count: 0 };
        else story.scenarios = true;
        lastStory = story.n;
        continue;
      }
      if (req?.format === 'kiro' && ACCEPTANCE_CRITERIA.test(text) && node.children[0]?.type === 'strong') {
        req.criteriaDepth = 99;
        continue;
      }
      if (isGroupLabel(node)) {
        group = text.replace(/:$/, '');
        continue;
      }
    }
    if (scenario && (node.type === 'list' || node.type === 'paragraph')) {
      // An OpenSpec scenario's steps are one criterion: its text runs from the first step to the last.
      const from = node.type === 'list' ? firstContent(node) : startOffset(node);
      if (scenario.from < 0) scenario.from = from;
      scenario.to = trimEnd(ctx.source, scenario.from, endOffset(node));
      continue;
    }
    if (req && req.criteriaDepth !== undefined) {
      const parent = req.id;
      const r = req;
      const draft = () => draftFor(`${parent}.${++r.count}`, 'criterion', parent, r.count);
      if (node.type === 'list') for (const li of node.children) push(listEntry(li, ctx, group, draft, true));
      else if (node.type === 'paragraph') for (const [from, to] of lineEntries(startOffset(node), endOffset(node), ctx, true)) push(entryItem(from, to, ctx, group, draft, true));
      else if (node.type === 'table') items.push(...tableItems(node, ctx, group));
      continue;
    }
    if (req && !req.statementDone && node.type === 'paragraph') {
      req.statementDone = true;
      const natives = paragraphItems(startOffset(node), endOffset(node), ctx, group);
      if (natives.length > 0) {
        items.push(...natives);
        continue;
      }
      let from = startOffset(node);
      const label = USER_STORY_LABEL.exec(ctx.source.slice(from, endOffset(node)));
      if (label && label[0].length > 0 && /user story/i.test(label[0])) from += label[0].length;
      const n = req.format === 'kiro' ? Number(req.id.slice(1)) : 0;
      push(makeItem(from, endOffset(node), ctx, group, { id: req.id, role: 'requirement', derived: !req.native, number: n, label: req.label }));
      continue;
    }
    if (story?.scenarios && (node.type === 'list' || node.type === 'paragraph')) {
      const s = story;
      const draft = () => draftFor(`US${s.n}-AS${++s.count}`, 'scenario', `US${s.n}`, s.count);
      if (node.type === 'list') for (const li of node.children) push(listEntry(li, ctx, group, draft, true));
      else for (const [from, to] of lineEntries(startOffset(node), endOffset(node), ctx, true)) push(entryItem(from, to, ctx, group, draft, true));
      continue;
    }
    if (node.type === 'list' && ctx.delta === 'renamed') {
      items.push(...renamedItems(node, ctx, group));
      continue;
    }
    if (node.type === 'list') {
      if (criteriaRole) {
        const role = criteriaRole;
        for (const li of node.children) push(listEntry(li, ctx, group, () => draftFor(`${role === 'criterion' ? 'C' : 'SC'}${++loose}`, role, undefined, loose), false));
      } else {
        items.push(...listItems(node, ctx, group));
      }
    } else if (node.type === 'paragraph') {
      items.push(...paragraphItems(startOffset(node), endOffset(node), ctx, group));
    } else if (node.type === 'table') {
      items.push(...tableItems(node, ctx, group));
    }
  }
  flushScenario();
  if (ctx.delta) for (const item of items) item.delta = ctx.delta;
  return items;
}

const RENAME = /^(FROM|TO):?\s*`?\s*(?:#+\s*)?Requirement:\s*([^`\n]+?)\s*`?\s*$/i;

/** "- FROM: `### Requirement: Old`" then "- TO: `### Requirement: New`": one renamed requirement per TO. */
function renamedItems(list: List, ctx: ItemContext, group: string | undefined): SpecItem[] {
  const found: SpecItem[] = [];
  let from: string | undefined;
  for (const li of list.children) {
    const first = li.children[0];
    if (!first) continue;
    const m = RENAME.exec(plainText(li).trim());
    if (!m) continue;
    if (m[1].toUpperCase() === 'FROM') {
      from = m[2];
      continue;
    }
    const item = makeItem(startOffset(first), endOffset(li), ctx, group, {
      id: slug(m[2]),
      role: 'requirement',
      derived: true,
      number: found.length + 1,
      label: from ? `renamed from ${from}` : undefined,
    });
    if (item) found.push(item);
    from = undefined;
  }
  return found;
}

function draftFor(id: string, role: CanonicalKind, parent: string | undefined, number: number): Draft {
  return { id, role, parent, derived: true, number };
}

/** "**Happy Path**" alone on a line labels the items below it, like an H3. */
function isGroupLabel(node: Paragraph): boolean {
  return node.children.length === 1 && node.children[0].type === 'strong' && !ID_PREFIX.test(plainText(node));
}

function firstContent(list: List): number {
  const first = list.children[0]?.children[0];
  return first ? startOffset(first) : startOffset(list);
}

function trimEnd(source: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(source[end - 1])) end--;
  return end;
}

/** One list item: its native id when it has one, else the derived draft. */
function listEntry(li: List['children'][number], ctx: ItemContext, group: string | undefined, derive: () => Draft, positional: boolean): SpecItem | null {
  const first = li.children[0];
  if (!first) return null;
  return entryItem(startOffset(first), endOffset(li), ctx, group, derive, positional);
}

/**
 * @param positional native items take a place in the numbering too (Kiro "criterion 2 of
 *   requirement 1" counts every criterion), and belong to the requirement or story around them.
 */
function entryItem(from: number, to: number, ctx: ItemContext, group: string | undefined, derive: () => Draft, positional: boolean): SpecItem | null {
  const raw = ctx.source.slice(from, to);
  if (ID_PREFIX.test(raw)) {
    const native = makeItem(from, to, ctx, group);
    if (native && positional) {
      const draft = derive();
      if (draft.parent && native.role !== 'requirement') native.parent = draft.parent;
      if (draft.role === 'scenario' && native.role === 'criterion') native.role = 'scenario';
    }
    return native;
  }
  if (!raw.trim()) return null;
  return makeItem(from, to, ctx, group, derive());
}

/** Lines of a paragraph that start an entry: numbered ("1.1.", "a)") or with a native id. */
function lineEntries(from: number, to: number, ctx: ItemContext, enumerated: boolean): Array<[number, number]> {
  const starts: number[] = [];
  let lineStart = from;
  while (lineStart < to) {
    const nl = ctx.source.indexOf('\n', lineStart);
    const lineEnd = nl === -1 || nl >= to ? to : nl;
    const line = ctx.source.slice(lineStart, lineEnd);
    const indent = /^[ \t]*/.exec(line)![0].length;
    const rest = line.slice(indent);
    const en = enumerated ? ENUM_PREFIX.exec(rest) : null;
    if (en) starts.push(lineStart + indent + en[0].length);
    else if (ID_PREFIX.test(rest)) starts.push(lineStart + indent);
    lineStart = lineEnd + 1;
  }
  // A numbered paragraph whose first line is not numbered ("1. …" was read as a list) keeps the rest.
  return starts.map((start, i) => [start, i + 1 < starts.length ? lineBefore(ctx.source, starts[i + 1]) : to]);
}

function lineBefore(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
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
  const found: SpecItem[] = [];
  for (const [start, end] of lineEntries(from, to, ctx, false)) {
    const item = makeItem(start, end, ctx, group);
    if (item) found.push(item);
  }
  return found;
}

/** Rows of a requirement table (`| FR-01 | The system must … |`): the id cell and the longest other cell. */
function tableItems(table: Table, ctx: ItemContext, group: string | undefined): SpecItem[] {
  const found: SpecItem[] = [];
  for (const row of table.children.slice(1)) {
    const cells = row.children.map((cell) => {
      const first = cell.children[0];
      const last = cell.children[cell.children.length - 1];
      return first && last ? { from: startOffset(first), to: endOffset(last) } : null;
    });
    const idCell = cells[0];
    if (!idCell) continue;
    const native = NATIVE_ID.exec(ctx.source.slice(idCell.from, idCell.to).trim());
    if (!native) continue;
    let text: { from: number; to: number } | null = null;
    for (const cell of cells.slice(1)) if (cell && (!text || cell.to - cell.from > text.to - text.from)) text = cell;
    if (!text) continue;
    const id = `${native[1]}-${native[2]}`;
    const item = makeItem(text.from, text.to, ctx, group, { id, role: nativeRole(native[1]), derived: false, number: Number(native[2]), label: native[3]?.trim() || undefined, table: true });
    if (item) found.push(item);
  }
  return found;
}

/**
 * An item from `from` to `to`: with a draft, its text is the whole slice; without one, the
 * slice must start with a native id, which is taken off the text.
 */
function makeItem(from: number, to: number, ctx: ItemContext, group: string | undefined, draft?: Draft): SpecItem | null {
  const raw = ctx.source.slice(from, to);
  let prefix = 0;
  let d = draft;
  let checkbox = false;
  if (!d) {
    const match = ID_PREFIX.exec(raw);
    if (!match) return null;
    prefix = match[0].length;
    checkbox = /^\[[ xX]\]/.test(raw);
    d = { id: `${match[1]}-${match[2]}`, role: nativeRole(match[1]), derived: false, number: Number(match[2]), label: match[3]?.trim() || undefined };
  } else {
    const box = /^\[[ xX]\][ \t]+/.exec(raw);
    if (box) {
      checkbox = true;
      // The engine reads the box from the line, as for native checklist items.
      prefix = box[0].length;
    }
  }
  const text = raw.slice(prefix).replace(/\s+$/, '');
  const textStart = from + prefix;
  const position = ctx.lines.position(textStart);
  const item: SpecItem = {
    id: d.id,
    kind: lintKindOf(d.role, d.id),
    role: d.role,
    style: styleOf(text, { checkbox, table: d.table }),
    number: d.number,
    text,
    start: textStart - ctx.bodyStart,
    end: textStart - ctx.bodyStart + text.length,
    line: position.line,
    column: position.column,
  };
  if (d.parent) item.parent = d.parent;
  if (d.derived) item.derived = true;
  if (d.label) item.label = d.label;
  if (group) item.group = group;
  return item;
}
