import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { HostContext } from '../../../host/handlers/context.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { createHostServices } from '../../../host/services.js';
import { tempDir } from '../../support/temp-dir.js';

function handlers() {
  const dataDir = tempDir('specbench-lint-handler-');
  const ctx: HostContext = { mode: 'browser', version: '0.0.0-test', dataDir, initialPath: null, dialogs: null, emit: () => undefined, ...createHostServices({ dataDir, emit: () => undefined }) };
  return createHandlers(ctx);
}

describe('lint.config', () => {
  it('returns null and the defaults when the folder has no .specbench.json', async () => {
    const dir = tempDir('specbench-lint-');
    const result = await dispatch(handlers(), 'lint.config', { path: join(dir, 'spec.md') });
    assert.deepEqual(result, { ok: true, value: { configPath: null, config: {}, error: null } });
  });

  it('returns the config next to the spec', async () => {
    const dir = tempDir('specbench-lint-');
    writeFileSync(join(dir, '.specbench.json'), JSON.stringify({ rules: { 'ac/no-trigger': 'off' }, vagueTerms: { add: ['snazzy'] } }));
    const result = await dispatch(handlers(), 'lint.config', { path: join(dir, 'spec.md') });
    assert.deepEqual(result, {
      ok: true,
      value: { configPath: join(dir, '.specbench.json'), config: { rules: { 'ac/no-trigger': 'off' }, vagueTerms: { add: ['snazzy'] } }, error: null },
    });
  });

  it('reports a broken config with file, line and key instead of failing', async () => {
    const dir = tempDir('specbench-lint-');
    writeFileSync(join(dir, '.specbench.json'), '{\n  "rules": {\n    "ac/nope": "off"\n  }\n}');
    const result = await dispatch(handlers(), 'lint.config', { path: join(dir, 'spec.md') });
    assert.ok(result.ok);
    const value = result.value as { config: unknown; error: { file: string; line: number; key: string; message: string } };
    assert.deepEqual(value.config, {});
    assert.equal(value.error.file, join(dir, '.specbench.json'));
    assert.equal(value.error.line, 3);
    assert.equal(value.error.key, 'rules.ac/nope');
  });

  it('refuses bad arguments before the handler runs', async () => {
    const result = await dispatch(handlers(), 'lint.config', { path: '' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'INVALID_ARGUMENTS');
  });
});
