import { randomUUID } from 'node:crypto';
import type { Person } from '../../../../core/contract/ops/review-threads.js';
import { HostError } from '../../../common/host-error.js';
import type { PgDatabase, PgQueryable } from '../../../db/pg/pg-database.js';
import * as q from '../../../db/pg/queries/review-threads.js';
import type { PersonRow } from '../../../db/queries/review-threads.js';
import { PROFILE_REQUIRED_MESSAGE, toPerson, unknownPerson, type PersonOf } from '../../../review-threads/views.js';
import type { Actor, SpecRepository } from '../../contract/store-contract.js';

/** What the PostgreSQL review modules work on: the pool, the spec repository, the acting person, the clock. */
export interface PgReviewDb {
  db: PgDatabase;
  specs: SpecRepository;
  /** The signed-in account; absent, the acting person is the stored profile (as on SQLite). */
  actor?: Actor;
  now: () => string;
  newId: () => string;
  /** The actor's people row, made once per repository (see `ensureActor`). */
  actorReady?: Promise<void>;
}

/**
 * Makes sure the actor is a person with id = account id. A person already known by the account's
 * email (added as a reviewer before the account existed, or by a package) is re-keyed to the
 * account id — every reference follows (ON UPDATE CASCADE) — and takes the account's name and
 * address, as SQLite's "a known email keeps the person and takes the new name". An existing row is left as is,
 * so a name set with setProfile stays.
 */
async function ensureActor(r: PgReviewDb, actor: Actor): Promise<void> {
  // The common case (the account has acted before) costs one read, no transaction.
  if (await q.personById(r.db, actor.id)) return;
  await r.db.tx(async (t) => {
    if (await q.personById(t, actor.id)) return;
    const at = r.now();
    const byEmail = await q.personByEmail(t, actor.email);
    if (byEmail) await q.rekeyPerson(t, byEmail.id, actor, at);
    else await q.insertPerson(t, { id: actor.id, name: actor.name, email: actor.email, created_at: at, updated_at: at });
  });
}

/** The acting person's row, or null (no actor and no profile yet). */
export async function actingRow(r: PgReviewDb, t: PgQueryable = r.db): Promise<PersonRow | null> {
  if (!r.actor) return q.profile(t);
  const actor = r.actor;
  r.actorReady ??= ensureActor(r, actor).catch((error: unknown) => {
    r.actorReady = undefined;
    throw error;
  });
  await r.actorReady;
  return q.personById(t, actor.id);
}

export async function acting(r: PgReviewDb, t?: PgQueryable): Promise<Person | null> {
  const row = await actingRow(r, t);
  return row ? toPerson(row) : null;
}

/** The acting person, or a refusal naming where to set it: no action goes unattributed. */
export async function requireActing(r: PgReviewDb, t?: PgQueryable): Promise<Person> {
  const me = await acting(r, t);
  if (!me) throw new HostError('PROFILE_REQUIRED', PROFILE_REQUIRED_MESSAGE);
  return me;
}

/** Loads `ids` at once and answers lookups from them (unknown ids read as "unknown person"). */
export async function peopleLookup(t: PgQueryable, ids: Iterable<string | null>): Promise<PersonOf> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const people = new Map((await q.peopleByIds(t, wanted)).map((p) => [p.id, toPerson(p)]));
  return (id) => people.get(id) ?? unknownPerson(id);
}

export async function recordEvent(r: PgReviewDb, t: PgQueryable, specId: number, threadId: string | null, actorId: string, action: string, detail: Record<string, unknown> = {}): Promise<void> {
  await q.insertEvent(t, { id: r.newId(), spec_id: specId, thread_id: threadId, actor_id: actorId, action, detail: JSON.stringify(detail), at: r.now() });
}

/** Finds or creates the person with this email; a known email keeps its id and takes the new name (SQLite's upsertPerson). */
export async function upsertPerson(r: PgReviewDb, t: PgQueryable, input: { name: string; email: string }, id?: string): Promise<PersonRow> {
  const existing = (await q.personByEmail(t, input.email)) ?? (id ? await q.personById(t, id) : null);
  const at = r.now();
  if (existing) {
    if (existing.name !== input.name || existing.email !== input.email) await q.updatePerson(t, existing.id, input.name, input.email, at);
    return { ...existing, name: input.name, email: input.email, updated_at: at };
  }
  const row: PersonRow = { id: id ?? r.newId(), name: input.name, email: input.email, created_at: at, updated_at: at };
  await q.insertPerson(t, row);
  // A concurrent request may have added the same email first: that person is the one.
  return (await q.personByEmail(t, input.email)) ?? row;
}

export function pgReviewDb(db: PgDatabase, specs: SpecRepository, actor: Actor | undefined, now: () => string): PgReviewDb {
  return { db, specs, actor, now, newId: randomUUID };
}
