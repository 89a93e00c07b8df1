import { test } from 'node:test';
import { issueAcceptanceChecks } from './support/checks.js';
import { scanLogsAtEnd } from './support/log-scan-test.js';
import { useTestServer } from './support/test-server.js';

// The issue's own requirements beyond the seed's criteria (concurrency, normalisation, failures…).
const server = useTestServer();

for (const check of issueAcceptanceChecks) {
  test(`${check.name} [${check.covers}]`, () => check.run(server().baseUrl, server().dev));
}

scanLogsAtEnd(server);
