import { startEmbeddedCluster } from '../../../embedded-server/db/embedded-postgres.js';
import { createLogger } from '../../../embedded-server/log.js';

// Fixture for embedded-postgres.test.ts: starts a persistent cluster on argv[2], prints the
// postmaster's port, then waits to be killed with SIGKILL, leaving PostgreSQL orphaned.
const cluster = await startEmbeddedCluster({ dataDir: process.argv[2]!, logger: createLogger({ level: 'silent' }) });
process.stdout.write(`ready ${cluster.port}\n`);
setInterval(() => undefined, 60_000);
