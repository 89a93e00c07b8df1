import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leakingLines } from './log-scan.js';
import type { TestServer } from './test-server.js';

/**
 * Registers the file's last test: every log line its server wrote holds no full email address
 * and no raw token (issue AC-6). Tests in a file run in order, so this one sees the whole run.
 */
export function scanLogsAtEnd(server: () => TestServer): void {
  test('issue AC-6: the server log of this whole file holds no full email address and no raw token', () => {
    const lines = server().logLines;
    assert.ok(lines.length > 0, 'the server logged something');
    assert.deepEqual(leakingLines(lines), []);
  });
}
