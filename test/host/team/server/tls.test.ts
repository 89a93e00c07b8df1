import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { test } from 'node:test';
import { openPgStore } from '../../../../host/store/pg/pg-store.js';
import { createPgEvents } from '../../../../host/team/events/pg-events.js';
import { createTeamLogger } from '../../../../host/team/server/request-log.js';
import { startTeamServer } from '../../../../host/team/server/team-server.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { tempDir } from '../../../support/temp-dir.js';
import { fakeApi, fakeAuth } from './support.js';

// FR-2: with --tls-cert/--tls-key the team server speaks HTTPS itself, and tells browsers to keep doing so (HSTS).

function selfSigned(dir: string): { cert: Buffer; key: Buffer } {
  const run = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `openssl: ${run.stderr}`);
  return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
}

test('HTTPS with the given certificate: /readyz answers over TLS with HSTS', async (t) => {
  const dir = tempDir('specbench-team-tls-', t);
  const tls = selfSigned(dir);
  const database = await acquireDatabase('team_tls');
  const store = await openPgStore(database.url, { max: 2 });
  const events = await createPgEvents(store.db);
  const server = await startTeamServer({ store, auth: fakeAuth(), api: fakeApi(), events, staticDir: dir, listen: { host: '127.0.0.1', port: 0 }, publicUrl: 'https://127.0.0.1', tls, trustProxy: false, log: createTeamLogger({ level: 'silent' }) });
  t.after(async () => {
    await server.close();
    await events.close();
    await store.close();
    await database.release();
  });
  assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
  const answer = await new Promise<{ status: number; hsts: string | undefined; body: string }>((resolve, reject) => {
    const req = request(`${server.url}readyz`, { ca: tls.cert }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, hsts: res.headers['strict-transport-security'] as string | undefined, body }));
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(answer.status, 200, answer.body);
  assert.match(answer.hsts ?? '', /max-age=31536000/);
});
