import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../../embedded-server/db/embedded-postgres.js';
import { createLogger } from '../../../embedded-server/log.js';

/**
 * One embedded PostgreSQL per test process (node --test runs each file in its own process),
 * shared by reference count; every caller gets a database of its own.
 */
let cluster: Promise<EmbeddedCluster> | undefined;
let users = 0;

export async function acquireDatabase(prefix: string): Promise<{ url: string; release(): Promise<void> }> {
  users += 1;
  cluster ??= startEmbeddedCluster({ logger: createLogger({ level: 'silent' }) });
  const running = await cluster;
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: running.connectionString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  let released = false;
  return {
    url: running.connectionString(name),
    async release() {
      if (released) return;
      released = true;
      users -= 1;
      if (users === 0 && cluster) {
        const stopping = cluster;
        cluster = undefined;
        await (await stopping).stop();
      }
    },
  };
}
