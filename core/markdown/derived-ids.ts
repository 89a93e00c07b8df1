import type { ParseDiagnostic, SpecItem, SpecSection } from '../spec/model.js';

/**
 * Two derived ids can collide (two "### Requirement 2" headings, two scenarios of one name).
 * Both items are kept; every later one gets `~2`, `~3`… in document order, so the first keeps
 * its id and the rest are stable while the text above them is unchanged. Children follow
 * their renamed parent (their own ids collide too, and are suffixed the same way). Native ids are never renamed: their duplicates are the author's to fix.
 */
export function disambiguateDerivedIds(sections: SpecSection[]): ParseDiagnostic[] {
  const seen = new Map<string, SpecItem[]>();
  for (const section of sections) {
    for (const item of section.items) {
      if (!item.derived) continue;
      const list = seen.get(item.id);
      if (list) list.push(item);
      else seen.set(item.id, [item]);
    }
  }
  const diagnostics: ParseDiagnostic[] = [];
  const renamedParents = new Map<SpecItem, string>();
  for (const [id, items] of seen) {
    if (items.length < 2) continue;
    items.forEach((item, i) => {
      if (i > 0) {
        item.id = `${id}~${i + 1}`;
        renamedParents.set(item, id);
      }
    });
    diagnostics.push({
      code: 'duplicate-id',
      severity: 'warning',
      message: `${id} is derived ${items.length} times (lines ${items.map((i) => i.line).join(' and ')}); all are kept, the later ones as ${items
        .slice(1)
        .map((i) => i.id)
        .join(', ')}.`,
      lines: items.map((i) => i.line),
    });
  }
  if (renamedParents.size > 0) relinkChildren(sections, renamedParents);
  return diagnostics;
}

/** A child's parent is the nearest preceding requirement with that original id. */
function relinkChildren(sections: SpecSection[], renamed: Map<SpecItem, string>): void {
  const current = new Map<string, string>();
  for (const section of sections) {
    for (const item of section.items) {
      const original = renamed.get(item);
      if (original !== undefined) current.set(original, item.id);
      else if (item.role === 'requirement' && item.derived) current.set(item.id, item.id);
      if (item.parent && item.role !== 'requirement') {
        const now = current.get(item.parent);
        if (now) item.parent = now;
      }
    }
  }
}
