import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { measureAccuracy } from '../../bench/accuracy-metrics.js';

const path = fileURLToPath(new URL('../../fixtures/real-style/criteria.jsonl', import.meta.url));
const entrySchema = z
  .object({ text: z.string().min(1), binary: z.boolean(), format: z.enum(['speckit', 'kiro', 'openspec']), kind: z.string().min(1), note: z.string().min(1) })
  .strict();
const entries = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const parsed = entrySchema.safeParse(JSON.parse(l));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0].message}`);
    return parsed.data;
  });

test('NFR-2: the real-style set covers spec-kit, Kiro and OpenSpec, both labels in each', () => {
  for (const format of ['speckit', 'kiro', 'openspec'] as const) {
    const part = entries.filter((e) => e.format === format);
    assert.ok(part.length >= 10, format);
    assert.ok(part.some((e) => e.binary) && part.some((e) => !e.binary), format);
  }
});

test('NFR-2: the verdict agrees with the expected verdicts on at least 90% of real-style criteria, in each format too', () => {
  const all = measureAccuracy(entries.map(({ text, binary, note }) => ({ text, binary, note, style: 'plain', area: 'real-style', hard: false })));
  assert.ok(all.accuracy >= 0.9, `agreement ${all.accuracy.toFixed(3)}; misses:\n${all.misses.map((m) => m.entry.text).join('\n')}`);
  for (const format of ['speckit', 'kiro', 'openspec'] as const) {
    const part = entries.filter((e) => e.format === format).map(({ text, binary, note }) => ({ text, binary, note, style: 'plain' as const, area: format, hard: false }));
    assert.ok(measureAccuracy(part).accuracy >= 0.85, format);
  }
});
