import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAvailability, isDatabaseUnavailableError } from '../../embedded-server/db/availability.js';
import { createLogger } from '../../embedded-server/log.js';

test('connection-class errors count as "database unavailable"; query errors do not', () => {
  const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });
  for (const error of [
    withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'),
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('the database system is starting up', '57P03'),
    withCode('connection failure', '08006'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    Object.assign(new Error('wrapped'), { cause: withCode('x', 'ECONNRESET') }),
  ]) {
    assert.equal(isDatabaseUnavailableError(error), true, error.message);
  }
  for (const error of [withCode('relation "users" does not exist', '42P01'), withCode('duplicate key', '23505'), new Error('boom'), 'ECONNREFUSED']) {
    assert.equal(isDatabaseUnavailableError(error), false, String(error));
  }
});

test('down is logged once however often it is reported; recovery retries with capped exponential backoff and is logged once', async () => {
  const lines: string[] = [];
  const logger = createLogger({ destination: { write: (l: string) => void lines.push(l) } });
  const probes: number[] = [];
  let failuresLeft = 6;
  const availability = createAvailability({
    logger,
    initialDelayMs: 10,
    maxDelayMs: 40,
    probe: async () => {
      probes.push(Date.now());
      if (failuresLeft-- > 0) throw new Error('still down');
    },
  });
  assert.equal(availability.available, true);
  for (let i = 0; i < 5; i += 1) availability.reportDown('connection refused');
  assert.equal(availability.available, false);
  const deadline = Date.now() + 5_000;
  while (!availability.available && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  assert.equal(availability.available, true, 'recovered');
  availability.stop();

  assert.equal(probes.length, 7);
  const gaps = probes.slice(1).map((t, i) => t - probes[i]!);
  // 10, 20, 40, then capped at 40 (timers may fire a little late, never early).
  for (const [i, expected] of [10, 20, 40, 40, 40, 40].entries()) assert.ok(gaps[i]! >= expected - 2, `gap ${i} was ${gaps[i]} ms, expected ≥ ${expected}`);
  assert.ok(gaps.every((g) => g < 40 + 200), `no gap far beyond the cap: ${gaps.join(', ')}`);
  assert.equal(lines.filter((l) => l.includes('"msg":"database unavailable"')).length, 1);
  assert.equal(lines.filter((l) => l.includes('"msg":"database available again"')).length, 1);
});

test('stop ends the recovery loop: no probe after it', async () => {
  let probes = 0;
  const availability = createAvailability({
    logger: createLogger({ level: 'silent' }),
    initialDelayMs: 10,
    maxDelayMs: 10,
    probe: async () => {
      probes += 1;
      throw new Error('down');
    },
  });
  availability.reportDown('gone');
  await new Promise((r) => setTimeout(r, 50));
  availability.stop();
  const after = probes;
  await new Promise((r) => setTimeout(r, 60));
  assert.ok(after > 0);
  assert.equal(probes, after);
  assert.equal(availability.available, false);
});
