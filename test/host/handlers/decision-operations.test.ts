import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../../core/contract/define.js';
import type { ResultOf } from '../../../core/contract/operations.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import type { HostContext } from '../../../host/handlers/context.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';
import { sample, tempDir } from '../store/helpers.js';

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) assert.fail(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

test('meeting, ADR, lifecycle, metrics and spec-required operations work through dispatch, and bad arguments are refused', async (t) => {
  const dataDir = tempDir(t);
  const services = createHostServices({ dataDir, emit: () => undefined, reviewEnv: {} });
  t.after(() => disposeHostServices(services));
  const ctx: HostContext = { mode: 'browser', version: 'test', dataDir, initialPath: null, dialogs: null, emit: () => undefined, ...services };
  const handlers = createHandlers(ctx);
  const call = (name: Parameters<typeof dispatch>[1], args: unknown) => dispatch(handlers, name, args);

  const spec = ctx.store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' } }).spec;
  const meeting = value<ResultOf<'meeting.open'>>(await call('meeting.open', { specId: spec.id, manualItems: [{ title: 'Token lifetime' }] }));
  assert.deepEqual(meeting.items.map((i) => [i.sourceKind, i.title, i.minutes]), [['manual', 'Token lifetime', 30]]);
  const refused = await call('meeting.decide', { itemId: meeting.items[0].id, outcome: 'accepted', rationale: '  ' });
  assert.equal(refused.ok, false);
  assert.match(!refused.ok ? refused.error.message : '', /a decision needs its rationale/);
  value(await call('meeting.decide', { itemId: meeting.items[0].id, outcome: 'accepted', rationale: '15 minutes', people: ['Priya'] }));
  const md = value<ResultOf<'meeting.agendaMarkdown'>>(await call('meeting.agendaMarkdown', { id: meeting.id }));
  assert.match(md.markdown, /1\. \*\*Token lifetime\*\* — 30 min · manual\n   \*Accepted:\* 15 minutes/);
  const closed = value<ResultOf<'meeting.close'>>(await call('meeting.close', { id: meeting.id }));
  assert.deepEqual(closed.adrs.map((a) => [a.number, a.status]), [[1, 'accepted']]);

  const adr = value<ResultOf<'adr.get'>>(await call('adr.get', { id: closed.adrs[0].id }));
  const edited = value<ResultOf<'adr.save'>>(await call('adr.save', { id: adr.id, text: adr.text.replace('status: accepted', 'status: deprecated'), actor: 'Lena' }));
  assert.deepEqual(edited.statusChanges.map((c) => [c.from, c.to]), [[null, 'accepted'], ['accepted', 'deprecated']]);
  assert.equal(edited.revisions.length, 2);
  value(await call('adr.delete', { id: adr.id }));
  assert.deepEqual(value<ResultOf<'adr.list'>>(await call('adr.list', {})), []);
  value(await call('adr.undoDelete', { id: adr.id }));
  assert.equal(value<ResultOf<'adr.list'>>(await call('adr.list', {})).length, 1);

  value(await call('lifecycle.set', { specId: spec.id, state: 'approved', at: '2026-10-01' }));
  value(await call('lifecycle.set', { specId: spec.id, state: 'implementation-started', at: '2026-10-10' }));
  const metrics = value<ResultOf<'metrics.flow'>>(await call('metrics.flow', {}));
  assert.deepEqual(metrics.specs.map((s) => [s.daysToStart, s.flagged]), [[9, true]]);
  assert.equal((await call('lifecycle.set', { specId: spec.id, state: 'shipped' })).ok, false);

  const answers = { architecture: false, teams: false, security: false, alternatives: true, integration: false, engineers: 2, lastsMonths: 3 };
  const saved = value<ResultOf<'specRequired.save'>>(await call('specRequired.save', { specId: spec.id, answers }));
  assert.deepEqual([saved.recommendation, saved.reasons], ['spec', ['meaningful alternatives with different long-term trade-offs']]);
  assert.deepEqual(value<ResultOf<'specRequired.get'>>(await call('specRequired.get', { specId: spec.id }))?.answers, answers);
});
