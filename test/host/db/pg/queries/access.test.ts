import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { migratePg } from '../../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase, type PgDatabase } from '../../../../../host/db/pg/pg-database.js';
import { addSpecMember, listSpecMembers, setSpecOwner, specAccess, specOfComment, specOfThread, specOwner } from '../../../../../host/db/pg/queries/access.js';
import { acquireDatabase } from '../../../../embedded-server/support/cluster.js';
import { insertBareSpec } from '../../../team/api/support.js';

let database: Awaited<ReturnType<typeof acquireDatabase>>;
let db: PgDatabase;
before(async () => {
  database = await acquireDatabase('access-queries');
  db = openPgDatabase(database.url, { max: 2 });
  await migratePg(db);
});
after(async () => {
  await db.close();
  await database.release();
});

test('a spec keeps its first owner; invitations match the address whatever its case', async () => {
  const specId = await insertBareSpec(db);
  await setSpecOwner(db, specId, 'owner-1', '2026-01-01T00:00:00.000Z');
  await setSpecOwner(db, specId, 'intruder', '2026-01-02T00:00:00.000Z');
  assert.equal(await specOwner(db, specId), 'owner-1');

  await addSpecMember(db, { specId, email: ' Rita@Example.COM ', addedBy: 'owner-1', at: '2026-01-03T00:00:00.000Z' });
  await addSpecMember(db, { specId, email: 'rita@example.com', addedBy: 'owner-1', at: '2026-01-04T00:00:00.000Z' });
  assert.deepEqual(await listSpecMembers(db, specId), [{ email: 'rita@example.com', role: 'reviewer', addedBy: 'owner-1', addedAt: '2026-01-03T00:00:00.000Z' }]);

  assert.deepEqual(await specAccess(db, specId, 'owner-1', 'owner@example.com'), { owner: true, invited: false });
  assert.deepEqual(await specAccess(db, specId, 'rita-id', 'RITA@example.com'), { owner: false, invited: true });
  assert.deepEqual(await specAccess(db, specId, 'someone', 'someone@example.com'), { owner: false, invited: false });
});

test('a spec without an owner row is nobody\'s; a spec that does not exist has no facts', async () => {
  const specId = await insertBareSpec(db);
  assert.deepEqual(await specAccess(db, specId, 'owner-1', 'owner@example.com'), { owner: false, invited: false });
  assert.equal(await specAccess(db, 999_999, 'owner-1', 'owner@example.com'), null);
});

test('a thread or comment that does not exist names no spec', async () => {
  assert.equal(await specOfThread(db, crypto.randomUUID()), null);
  assert.equal(await specOfComment(db, crypto.randomUUID()), null);
});

test('emptying a spec for good removes its owner and invitations with it', async () => {
  const specId = await insertBareSpec(db);
  await setSpecOwner(db, specId, 'owner-1', '2026-01-01T00:00:00.000Z');
  await addSpecMember(db, { specId, email: 'rita@example.com', addedBy: 'owner-1', at: '2026-01-01T00:00:00.000Z' });
  await db.rows('DELETE FROM specs WHERE id = $1', [specId]);
  assert.equal(await specOwner(db, specId), null);
  assert.deepEqual(await listSpecMembers(db, specId), []);
});
