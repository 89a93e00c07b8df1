import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { findFreePort } from '../../../embedded-server/db/free-port.js';
import { openSpecStore, type SpecStore } from '../../../host/store/spec-store.js';
import { publishSpec } from '../../../host/team-client/publish.js';
import { TeamClient } from '../../../host/team-client/team-client.js';
import { createTeamAuth } from '../../../host/team/auth/team-auth.js';
import { serveTeam, type RunningTeamServer } from '../../../host/team/serve-team.js';
import { resolveListenPolicy } from '../../../host/team/server/listen-policy.js';
import { createTeamLogger } from '../../../host/team/server/request-log.js';
import { acquireDatabase } from '../../embedded-server/support/cluster.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * "Connect to team…" and "Publish" (issue 15 FR-7) against the real team server on a real
 * PostgreSQL: the desktop/browser-mode host signs in like a browser, keeps the session to
 * itself, and copies a local spec with its history.
 */
const PASSWORD = 'publisher-password-123';
let team: RunningTeamServer;
let base: string;
let release: () => Promise<void>;

before(async () => {
  const database = await acquireDatabase('team_client');
  release = database.release;
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  team = await serveTeam({
    databaseUrl: database.url,
    policy: resolveListenPolicy({ listen: `127.0.0.1:${port}`, publicUrl: base }),
    log: createTeamLogger({ level: 'error', destination: { write: () => {} } }),
  });
  const auth = createTeamAuth({ db: team.store.db, publicUrl: base, secureCookies: false });
  const { link } = await auth.inviteAccount({ email: 'ada@example.org', role: 'author', name: 'Ada' });
  const accepted = await fetch(`${base}${new URL(link).pathname}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ password: PASSWORD }) });
  assert.equal(accepted.status, 200);
  await auth.close();
});
after(async () => {
  await team?.close();
  await release?.();
});

function localLibrary(t: TestContext): SpecStore {
  const store = openSpecStore(tempDir('specbench-team-client-', t));
  t.after(() => store.close());
  return store;
}

test('a wrong password is refused with the server\'s reason, and nothing is kept', async () => {
  const client = new TeamClient();
  await assert.rejects(client.connect({ url: base, email: 'ada@example.org', password: 'not-the-password' }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'TEAM_SIGN_IN_FAILED');
    assert.match(error.message, /refused the sign-in/);
    return true;
  });
  assert.deepEqual(client.status(), { connected: false, url: null, account: null });
});

test('an unreachable team URL fails fast naming it', async () => {
  const port = await findFreePort();
  const client = new TeamClient({ timeoutMs: 3000 });
  await assert.rejects(client.connect({ url: `http://127.0.0.1:${port}`, email: 'ada@example.org', password: PASSWORD }), /cannot reach the team server at http:\/\/127\.0\.0\.1/);
});

test('publishing copies every version in order, byte for byte, as a spec the publisher owns on the team', async (t) => {
  const library = localLibrary(t);
  const v1 = '# Export audit log\n\n## Context\n\nAuditors need the log.\n';
  const v2 = `${v1}\n## Functional Requirements\n\n- FR-1: The export contains every event.\n`;
  const v3 = `\uFEFF${v2}- FR-2: The export is signed.\r\n`.slice(1);
  const created = library.createSpec({ source: { kind: 'markdown', markdown: v1 }, author: 'Ada', message: 'first' });
  library.saveVersion({ specId: created.spec.id, markdown: v2, author: 'Ada', message: 'requirements' });
  library.saveVersion({ specId: created.spec.id, markdown: v3, bom: true, author: 'Ada', message: 'signed' });

  const client = new TeamClient();
  const status = await client.connect({ url: base, email: 'ada@example.org', password: PASSWORD });
  assert.equal(status.connected, true);
  assert.deepEqual(status.account, { name: 'Ada', email: 'ada@example.org', role: 'author' });

  const published = await publishSpec(library, client, created.spec.id);
  assert.equal(published.versions, 3);
  assert.equal(published.url, `${base}/?spec=${published.teamSpecId}`);

  const versions = await client.call('versions.list', { specId: published.teamSpecId });
  assert.deepEqual(versions.versions.map((v) => [v.number, v.message]).sort(), [[1, 'first'], [2, 'requirements'], [3, 'signed']]);
  for (const [number, text, bom] of [[1, v1, false], [2, v2, false], [3, v3, true]] as const) {
    const version = await client.call('versions.get', { specId: published.teamSpecId, number });
    assert.equal(version.markdown, text, `version ${number} text`);
    assert.equal(version.bom, bom, `version ${number} BOM`);
  }
  // The local library is unchanged by publishing.
  assert.equal(library.listVersions(created.spec.id).length, 3);
});

test('disconnecting ends the session on the server, not just here', async () => {
  // The cookie and token the client sends, seen on the wire (the client never hands them out).
  let sent: { cookie: string; csrf: string } | null = null;
  const watching: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    if (String(input).includes('/api/')) sent = { cookie: headers.get('cookie')!, csrf: headers.get('x-specbench-token')! };
    return fetch(input, init);
  };
  const client = new TeamClient({ fetch: watching });
  await client.connect({ url: base, email: 'ada@example.org', password: PASSWORD });
  await client.call('specs.list', {});
  const { cookie, csrf } = sent!;
  await client.disconnect();
  assert.equal(client.status().connected, false);
  const reused = await fetch(`${base}/api/specs.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Specbench-Token': csrf }, body: '{}' });
  assert.equal(reused.status, 401, 'the old cookie no longer opens a session');
  await assert.rejects(client.call('specs.list', {}), /not connected to a team server/);
});
