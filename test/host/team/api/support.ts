import type { PgQueryable } from '../../../../host/db/pg/pg-database.js';
import type { TeamRole } from '../../../../core/team/roles.js';
import type { RequestActor } from '../../../../host/team/team-types.js';

/**
 * A spec row with nothing else, for the access checks: the PostgreSQL spec repository is built in
 * parallel (issue 15), so the walk must not depend on `specs.create` working. Ownership and
 * invitations are then recorded through the access queries under test.
 */
export async function insertBareSpec(db: PgQueryable): Promise<number> {
  const at = new Date().toISOString();
  const row = await db.one<{ id: number }>('INSERT INTO specs (created_at, updated_at) VALUES ($1, $1) RETURNING id', [at]);
  return row!.id;
}

/**
 * A digest of every row of every table: equal before and after a refused call proves it changed
 * nothing, whichever tables the parallel branches have added by then.
 */
export async function databaseFingerprint(db: PgQueryable): Promise<string> {
  const tables = await db.rows<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const parts = tables.map(({ name }) => `SELECT '${name}' AS t, coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') AS h FROM "${name}" r`);
  const rows = await db.rows<{ t: string; h: string }>(parts.join(' UNION ALL '));
  return rows.map((r) => `${r.t}:${r.h}`).sort().join(',');
}

let counter = 0;
export function actorFor(role: TeamRole, label: string = role): RequestActor {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return { account: { id, email: `${label}.${counter}@Example.com`, name: `${label} ${counter}`, role }, sessionId: `session-${counter}` };
}
