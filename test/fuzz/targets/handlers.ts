import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import type { Envelope } from '../../../core/contract/define.js';
import { operationNames, operations, type OperationName } from '../../../core/contract/operations.js';
import type { HostContext } from '../../../host/handlers/context.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { samplesDir } from '../../../host/paths.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';
import { adversarialText } from '../support/adversarial.js';
import { argsFromSchema, type JsonSchema } from '../support/from-schema.js';
import { withinBudget, type FuzzTarget } from '../support/harness.js';

/**
 * Operations that would start a process (the embedded server) or call the network (a review run)
 * get only arguments their schema refuses: they are still called, through the same dispatch, and
 * must answer INVALID_ARGUMENTS, but never start anything.
 */
const INVALID_ARGS_ONLY = new Set<OperationName>(['server.start', 'review.run', 'validate.run']);

/** Operations that change the library: when one fails, the library must be exactly as before. */
const MUTATING = /^(specs\.(create|rename|archive|trash|restore|emptyTrash|import)|versions\.(save|restore)|drafts\.(save|discard)|store\.restoreBackup)$/;

/**
 * Every contract operation through `dispatch` over `createHandlers` on a temp data dir, with
 * arguments derived from its own schema. Properties: an envelope within the budget, never
 * INTERNAL, a result that matches the contract, and a failed change leaves the library unchanged.
 */
export const handlersTarget: FuzzTarget = {
  name: 'handlers',
  async setup(scale) {
    const sandbox = await mkdtemp(path.join(os.tmpdir(), 'specbench-fuzz-handlers-'));
    const dataDir = path.join(sandbox, 'data');
    const files = path.join(sandbox, 'files');
    await mkdir(files, { recursive: true });
    await writeFile(path.join(files, 'spec.md'), '# Spec\n\n## Acceptance Criteria\n- **AC-1:** It works.\n');
    await writeFile(path.join(files, 'binary.md'), Buffer.from([0xff, 0xfe, 0x00, 0xed, 0xa0, 0x80]));
    await mkdir(path.join(files, 'dir.md'));
    await symlink(path.join(files, 'spec.md'), path.join(files, 'link.md'));
    await writeFile(path.join(files, '.specbench.json'), '{"rules":{"x":');
    const previousCwd = process.cwd();
    // Belt and braces: a relative path from a fuzzed argument resolves inside the sandbox.
    process.chdir(files);
    const savedKey = process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;

    const emit = () => undefined;
    const ctx: HostContext = { mode: 'browser', version: 'fuzz', dataDir, initialPath: null, dialogs: null, emit, ...createHostServices({ dataDir, emit, reviewEnv: {} }) };
    const store = ctx.store;
    const handlers = createHandlers(ctx);
    const imported = await dispatch(handlers, 'specs.import', { path: samplesDir });
    assert.ok(imported.ok, 'the samples import');

    const sandboxPath = fc.oneof(
      fc.constantFrom('spec.md', 'binary.md', 'dir.md', 'link.md', 'missing.md', '.specbench.json', 'nested/deeper/new.md', 'out.md', '').map((f) => path.join(files, f)),
      fc.string({ minLength: 1, maxLength: 30 }).map((s) => path.join(files, s.replace(/[/\\]|\.\./g, '_'))),
      fc.constant(files),
    );
    const ids = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(Number.MAX_SAFE_INTEGER));
    const markdown = adversarialText(scale).map((t) => t.slice(0, scale === 'test' ? 20_000 : 400_000));
    const hints = {
      byName: { path: sandboxPath, id: ids, specId: ids, number: fc.integer({ min: 1, max: 5 }), from: fc.integer({ min: 1, max: 5 }), to: fc.integer({ min: 1, max: 5 }), markdown, specMarkdown: markdown, content: markdown, source: markdown },
      exclusive: new Set(['path']),
    };
    const perOperation = new Map<OperationName, fc.Arbitrary<unknown>>();
    for (const name of operationNames) {
      const schema = z.toJSONSchema(operations[name].args as z.ZodType, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
      perOperation.set(name, argsFromSchema(schema, scale, hints));
    }
    const input = fc.constantFrom(...operationNames).chain((name) => perOperation.get(name)!.map((args) => ({ name, args })));

    const library = async (): Promise<string> => {
      const states = [];
      for (const state of ['active', 'archived', 'trashed'] as const) {
        const listed = await dispatch(handlers, 'specs.list', { state });
        assert.ok(listed.ok);
        states.push(listed.value);
      }
      return JSON.stringify(states);
    };

    const outcomes = new Map<string, number>();
    const count = (key: string): void => void outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    return {
      input,
      summary: () => {
        const reached = [...outcomes].filter(([k]) => !k.endsWith(' INVALID_ARGUMENTS')).length;
        const ops = new Set([...outcomes.keys()].map((k) => k.split(' ')[0]));
        return `${ops.size}/${operationNames.length} operations called, ${reached} (operation, outcome) pairs past validation: ${[...outcomes].map(([k, v]) => `${k}×${v}`).join(', ')}`;
      },
      async check(raw) {
        let { name, args } = raw as { name: OperationName; args: unknown };
        if (INVALID_ARGS_ONLY.has(name) && operations[name].args.safeParse(args ?? {}).success) {
          args = { ...(typeof args === 'object' && args !== null ? args : {}), fuzzUnknownField: true };
        }
        const before = MUTATING.test(name) ? await library() : null;
        const envelope: Envelope<unknown> = await withinBudget(dispatch(handlers, name, args), scale === 'test' ? 10_000 : 30_000, name);
        count(`${name} ${envelope.ok ? 'ok' : envelope.error.code}`);
        if (envelope.ok) {
          assert.ok(!INVALID_ARGS_ONLY.has(name), `${name} must not run in the fuzz`);
          const checked = operations[name].result.safeParse(envelope.value);
          assert.ok(checked.success, `${name}: the result breaks the contract: ${checked.success ? '' : checked.error.message.slice(0, 300)}`);
          return;
        }
        assert.notEqual(envelope.error.code, 'INTERNAL', `${name} answered INTERNAL: ${envelope.error.message}`);
        assert.ok(typeof envelope.error.message === 'string' && envelope.error.message.length > 0, 'the error says what went wrong');
        if (before !== null) assert.equal(await library(), before, `${name} failed (${envelope.error.code}) but changed the library`);
      },
      async teardown() {
        await disposeHostServices(ctx);
        process.chdir(previousCwd);
        if (savedKey !== undefined) process.env.ANTHROPIC_API_KEY = savedKey;
        await rm(sandbox, { recursive: true, force: true });
      },
    };
  },
};
