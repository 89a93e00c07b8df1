import { randomUUID } from 'node:crypto';
import type { Person } from '../../core/contract/ops/review-threads.js';
import { createPackageSpecQuery, createReviewThreadQueries, type PersonRow, type ReviewThreadQueries } from '../db/queries/review-threads.js';
import type { SqliteDatabase } from '../db/connection.js';
import { HostError } from '../common/host-error.js';
import { nowIso } from '../store/session.js';
import { PROFILE_REQUIRED_MESSAGE, toPerson, unknownPerson } from './views.js';
import type { SpecStore } from '../store/spec-store.js';

/** What the review-thread modules work on: the store's connection, its review statements and the acting person. */
export interface ReviewDb {
  db: SqliteDatabase;
  q: ReviewThreadQueries;
  specWithHash: (hash: string) => number | null;
  store: SpecStore;
  now: () => string;
  newId: () => string;
}

const prepared = new WeakMap<SqliteDatabase, { q: ReviewThreadQueries; specWithHash: (hash: string) => number | null }>();

/** Statements are prepared per connection: a restored backup reopens the store with a new one. */
export function reviewDb(store: SpecStore, now: () => string = nowIso): ReviewDb {
  const db = store.connection;
  let entry = prepared.get(db);
  if (!entry) {
    entry = { q: createReviewThreadQueries(db), specWithHash: createPackageSpecQuery(db) };
    prepared.set(db, entry);
  }
  return { db, ...entry, store, now, newId: randomUUID };
}

export { toPerson };

/** The local profile, or a refusal naming where to set it: no action goes unattributed. */
export function requireProfile(r: ReviewDb): Person {
  const row = r.q.profile();
  if (!row) throw new HostError('PROFILE_REQUIRED', PROFILE_REQUIRED_MESSAGE);
  return toPerson(row);
}

export function personOrUnknown(r: ReviewDb, id: string): Person {
  const row = r.q.personById(id);
  return row ? toPerson(row) : unknownPerson(id);
}

export { bodyHash, derivedUuid } from './hash.js';

export function recordEvent(r: ReviewDb, specId: number, threadId: string | null, actorId: string, action: string, detail: Record<string, unknown> = {}): void {
  r.q.insertEvent({ id: r.newId(), spec_id: specId, thread_id: threadId, actor_id: actorId, action, detail: JSON.stringify(detail), at: r.now() });
}

/** Finds or creates the person with this email; a known email keeps its id and takes the new name. */
export function upsertPerson(r: ReviewDb, input: { name: string; email: string }, id?: string): PersonRow {
  const existing = r.q.personByEmail(input.email) ?? (id ? r.q.personById(id) : undefined);
  const at = r.now();
  if (existing) {
    if (existing.name !== input.name || existing.email !== input.email) r.q.updatePerson(existing.id, input.name, input.email, at);
    return { ...existing, name: input.name, email: input.email, updated_at: at };
  }
  const row: PersonRow = { id: id ?? r.newId(), name: input.name, email: input.email, created_at: at, updated_at: at };
  r.q.insertPerson(row);
  return row;
}
