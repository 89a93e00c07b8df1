import { answerLinksOf, parseAdr, serializeAdr } from '../../core/adr/index.js';
import type { AdrDetail } from '../../core/contract/ops/decisions.js';
import type { DecisionRepository } from '../store/contract/store-contract.js';
import type { AdrFields, DecisionStore } from '../store/decisions.js';

/** The fields an edited text gives its record (the file name stays; number, title, status and date come from the text). */
export function editedFields(fileName: string, text: string): AdrFields {
  const edited = parseAdr(fileName, text);
  return { number: edited.number, fileName, title: edited.title, status: edited.status, date: edited.date, text };
}

/**
 * The other records of the log that answer the edited record's links (a reverse supersede or
 * amend link, superseded status), given the log's live records after the edit. Only the edited
 * record's links are answered; one-way links elsewhere in an imported log stay as written.
 */
export function reverseLinkEdits(rows: Array<{ id: number; fileName: string; text: string }>, editedId: number, editedFileName: string): Array<{ id: number; fields: AdrFields }> {
  const records = rows.map((r) => parseAdr(r.fileName, r.text));
  const linked = answerLinksOf(records, editedFileName);
  return linked.flatMap((r, i) => {
    const row = rows[i];
    if (row.id === editedId) return [];
    const next = serializeAdr(r);
    return next === row.text ? [] : [{ id: row.id, fields: { number: r.number, fileName: row.fileName, title: r.title, status: r.status, date: r.date, text: next } }];
  });
}

/**
 * Saves an edited ADR text. The earlier text stays as a revision; when the edit adds a supersede
 * or amend link, the other record gets its reverse link (and superseded status) in the same
 * transaction, so the links it adds are two-way.
 */
export function saveAdrText(store: DecisionStore, id: number, text: string, actor?: string): AdrDetail {
  return store.transaction(() => {
    const current = store.getAdr(id);
    store.updateAdr(id, editedFields(current.fileName, text), actor);
    for (const edit of reverseLinkEdits(store.adrTexts(current.logId), id, current.fileName)) store.updateAdr(edit.id, edit.fields, actor);
    return store.getAdr(id);
  });
}

/**
 * The same save through the asynchronous store contract (the team server). Each record's update
 * is atomic with its revision; the reverse links follow as separate writes, each idempotent, so
 * saving the text again completes links a lost connection interrupted.
 */
export async function saveAdrTextAsync(store: DecisionRepository, id: number, text: string, actor?: string): Promise<AdrDetail> {
  const current = await store.getAdr(id);
  await store.updateAdr(id, editedFields(current.fileName, text), actor);
  for (const edit of reverseLinkEdits(await store.adrTexts(current.logId), id, current.fileName)) await store.updateAdr(edit.id, edit.fields, actor);
  return store.getAdr(id);
}
