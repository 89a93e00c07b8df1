import { answerLinksOf, parseAdr, serializeAdr } from '../../core/adr/index.js';
import type { AdrDetail } from '../../core/contract/ops/decisions.js';
import type { DecisionStore } from '../store/decisions.js';

/**
 * Saves an edited ADR text. The earlier text stays as a revision; when the edit adds a supersede
 * or amend link, the other record gets its reverse link (and superseded status) in the same
 * transaction, so the links it adds are two-way.
 */
export function saveAdrText(store: DecisionStore, id: number, text: string, actor?: string): AdrDetail {
  return store.transaction(() => {
    const current = store.getAdr(id);
    const edited = parseAdr(current.fileName, text);
    store.updateAdr(id, { number: edited.number, fileName: current.fileName, title: edited.title, status: edited.status, date: edited.date, text }, actor);
    const rows = store.adrTexts(current.logId);
    const records = rows.map((r) => parseAdr(r.fileName, r.text));
    // Only the edited record's links are answered; one-way links elsewhere in an imported log stay as written.
    const linked = answerLinksOf(records, current.fileName);
    linked.forEach((r, i) => {
      const row = rows[i];
      if (row.id === id) return;
      const next = serializeAdr(r);
      if (next !== row.text) store.updateAdr(row.id, { number: r.number, fileName: row.fileName, title: r.title, status: r.status, date: r.date, text: next }, actor);
    });
    return store.getAdr(id);
  });
}
