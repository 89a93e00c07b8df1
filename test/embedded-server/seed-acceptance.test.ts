import { test } from 'node:test';
import { seedAcceptanceChecks } from './support/checks.js';
import { scanLogsAtEnd } from './support/log-scan-test.js';
import { useTestServer } from './support/test-server.js';

// Every acceptance criterion of the seed spec (AC-1..AC-10), against the correct server.
const server = useTestServer();

for (const check of seedAcceptanceChecks) {
  test(`${check.name} [${check.covers}]`, () => check.run(server().baseUrl, server().dev));
}

scanLogsAtEnd(server);
