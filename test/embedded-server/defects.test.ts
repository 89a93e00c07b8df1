import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { DEFECT_NAMES, formatDefectList, type DefectName } from '../../embedded-server/defects.js';
import { allChecks } from './support/checks.js';
import { startTestServer } from './support/test-server.js';

/**
 * Issue AC-3: every defect is caught by at least one of the suite's checks. Each defect gets a
 * server of its own and the checks run against it in order until one fails (catches it).
 */
async function firstFailingCheck(defect: DefectName): Promise<{ check: string; reason: string } | null> {
  const server = await startTestServer({ defect });
  try {
    for (const check of allChecks) {
      try {
        await check.run(server.baseUrl, server.dev);
      } catch (error) {
        return { check: check.name, reason: describe(error) };
      }
    }
    return null;
  } finally {
    await server.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof assert.AssertionError && error.generatedMessage) {
    return `expected ${inspect(error.expected, { breakLength: Infinity })}, got ${inspect(error.actual, { breakLength: Infinity })}`.slice(0, 300);
  }
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** At most `n` of the given jobs run at once. */
function limit(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    while (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await job();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

// Three servers at a time keep both cores busy without starving the checks' own event loop.
const lane = limit(3);
const results = new Map(DEFECT_NAMES.map((defect) => [defect, lane(() => firstFailingCheck(defect))] as const));
// Each result is awaited by its test; until then a rejection must not count as unhandled.
for (const result of results.values()) result.catch(() => undefined);

test('there are twelve defects, each with a one-line description', () => {
  assert.equal(DEFECT_NAMES.length, 12);
  const lines = formatDefectList().trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => l.split(/\s+/)[0]), [...DEFECT_NAMES]);
  for (const line of lines) assert.match(line, /^\S+\s{2,}\S.{10,}$/, line);
});

for (const defect of DEFECT_NAMES) {
  test(`defect ${defect} is caught by at least one check`, async (t) => {
    const caught = await results.get(defect)!;
    assert.ok(caught, `no check fails against --defect ${defect}`);
    t.diagnostic(`caught by "${caught.check}": ${caught.reason}`);
  });
}
