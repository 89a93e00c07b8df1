import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../../core/contract/define.js';
import type { ResultOf } from '../../../core/contract/operations.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import type { HostContext } from '../../../host/handlers/context.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';
import { tempDir } from '../store/helpers.js';

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) assert.fail(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const NO = { architecture: false, teams: false, security: false, alternatives: false, integration: false, engineers: 1, lastsMonths: 1 };

test('specs.list carries each spec\'s latest "spec required?" recommendation with its reasons, or null', async (t) => {
  const dataDir = tempDir(t);
  const services = createHostServices({ dataDir, emit: () => undefined, reviewEnv: {} });
  t.after(() => disposeHostServices(services));
  const ctx: HostContext = { mode: 'browser', version: 'test', dataDir, initialPath: null, dialogs: null, emit: () => undefined, ...services };
  const handlers = createHandlers(ctx);
  const call = (name: Parameters<typeof dispatch>[1], args: unknown) => dispatch(handlers, name, args);
  const create = (title: string) => ctx.store.createSpec({ source: { kind: 'markdown', markdown: `# ${title}\n` } }).spec.id;
  const [a, b, c] = [create('Alpha'), create('Beta'), create('Gamma')];

  value(await call('specRequired.save', { specId: a, answers: NO }));
  // The newest answer wins over an earlier one for the same spec.
  value(await call('specRequired.save', { specId: a, answers: { ...NO, integration: true } }));
  value(await call('specRequired.save', { specId: b, answers: NO }));
  // An answer not tied to a spec (the CLI's) shows on no row.
  value(await call('specRequired.save', { answers: { ...NO, teams: true } }));

  const listed = value<ResultOf<'specs.list'>>(await call('specs.list', { sort: 'title', direction: 'asc' })).specs;
  assert.deepEqual(
    listed.map((s) => [s.id, s.specRequired]),
    [
      [a, { recommended: true, reasons: ['a new third-party integration'] }],
      [b, { recommended: false, reasons: ['none of the five criteria applies and input from 1 engineer (two or fewer): move directly to implementation'] }],
      [c, null],
    ],
  );
});
