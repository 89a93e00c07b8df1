import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { EventName, PayloadOf, ResultOf } from '../../../core/contract/operations.js';
import type { Severity } from '../../../core/review/finding.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { appRoot } from '../../../host/paths.js';
import { sha256 } from '../../../host/ai/review-service.js';
import { shownFindings } from '../../../renderer/src/review/collect.js';
import { adoptRun, reviewEventHandlers } from '../../../renderer/src/review/review-events.js';
import { useWorkbench } from '../../../renderer/src/state/store.js';
import { modelFinding, tempDir } from '../ai/helpers.js';
import { testContext } from '../ai/host-context.js';
import { findingChunks, StandinServer } from '../ai/standin-server.js';

const SAMPLE = 'samples/magic-link-draft.md';
const draft = readFileSync(join(appRoot, SAMPLE), 'utf8');

interface CliFinding {
  id: string;
  severity: Severity;
  pass: string;
}

/** The real CLI, as a user runs it: `specbench review <file> --all --format json`. */
async function cliReview(env: Record<string, string>, extra: string[] = []): Promise<CliFinding[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(appRoot, 'host/cli/bin.mjs'), 'review', SAMPLE, '--all', '--format', 'json', ...extra], {
    cwd: appRoot,
    env: { ...process.env, SPECBENCH_HOME: tempDir('specbench-ac5-cli-'), ANTHROPIC_API_KEY: '', ANTHROPIC_BASE_URL: '', ...env },
  });
  return (JSON.parse(stdout) as { findings: CliFinding[] }).findings;
}

/**
 * What the Review panel lists for the same run: the host's handlers run the review, their
 * events reach the renderer's store through the panel's own event handlers, the run is adopted
 * as the panel adopts it, and the list is the selector FindingList renders from.
 */
async function panelReview(env: Record<string, string>, args: { offline?: true; baseURL?: string } = {}) {
  const on = reviewEventHandlers(() => useWorkbench.getState()) as Partial<Record<EventName, (payload: unknown) => void>>;
  const ctx = testContext(tempDir('specbench-ac5-host-'), { env, onEvent: (name, payload) => on[name]?.(payload) });
  const handlers = createHandlers(ctx);
  const call = async <T>(name: string, callArgs: unknown): Promise<T> => {
    const envelope = await dispatch(handlers, name, callArgs);
    assert.ok(envelope.ok, `${name}: ${JSON.stringify(envelope)}`);
    return envelope.value as T;
  };
  if (args.baseURL) await call('review.settings.set', { baseURL: args.baseURL });
  useWorkbench.getState().reviewClear();
  useWorkbench.getState().reviewPatch({ reviewPasses: (await call<ResultOf<'review.passes'>>('review.passes', {})).passes });
  const contentHash = sha256(draft);
  const result = await call<ResultOf<'review.run'>>('review.run', { all: true, specMarkdown: draft, versionHash: contentHash, ...(args.offline ? { offline: true } : {}) });
  adoptRun(() => useWorkbench.getState(), result, { specId: null, contentHash });
  await new Promise<void>((resolve) => {
    const ended = () => useWorkbench.getState().reviewRuns[result.runId]?.status === 'done';
    if (ended()) return resolve();
    const stop = useWorkbench.subscribe(() => ended() && (stop(), resolve()));
  });
  ctx.store.close();
  return shownFindings(useWorkbench.getState());
}

const bySeverity = (list: Array<{ id: string; severity: Severity }>) => Object.fromEntries(list.map((f) => [f.id, f.severity]));

describe('AC-5: the CLI review and the Review panel show the same severity for every finding', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('offline, on the draft sample', async () => {
    const [cli, panel] = await Promise.all([cliReview({}, ['--offline']), panelReview({}, { offline: true })]);
    assert.ok(cli.length >= 5, `${cli.length} findings from the CLI`);
    assert.deepEqual(bySeverity(panel.map((f) => f.finding)), bySeverity(cli));
  });

  it('with a key, when two passes rate the same passage of the draft differently', async () => {
    // Both review passes quote the same sentence; the first to ask says medium, the second high.
    const shared = modelFinding('Tokens must be secure.', { section: 'nonFunctional', severity: 'medium' });
    const replies = () => [
      { kind: 'tool' as const, name: 'report_findings', chunks: findingChunks({ findings: [shared] }) },
      { kind: 'tool' as const, name: 'report_findings', chunks: findingChunks({ findings: [{ ...shared, severity: 'high' }, modelFinding('Log the important events.', { section: 'nonFunctional', severity: 'low' })] }) },
    ];
    standin.enqueue(...replies());
    const cli = await cliReview({ ANTHROPIC_API_KEY: 'sk-ac5', ANTHROPIC_BASE_URL: standin.url, SPECBENCH_ALLOW_LOOPBACK_AI: '1' });
    standin.enqueue(...replies());
    const panel = await panelReview({ ANTHROPIC_API_KEY: 'sk-ac5', ANTHROPIC_BASE_URL: standin.url, SPECBENCH_ALLOW_LOOPBACK_AI: '1' });
    assert.equal(standin.pending, 0);
    assert.equal(cli.length, 2);
    assert.equal(cli.find((f) => f.severity !== 'low')?.severity, 'high', 'the worse severity wins');
    assert.deepEqual(bySeverity(panel.map((f) => f.finding)), bySeverity(cli));
  });
});

describe('specbench review, text output without a key', () => {
  it('tells the user to set ANTHROPIC_API_KEY (not Settings) and lists findings high to low', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(appRoot, 'host/cli/bin.mjs'), 'review', SAMPLE, '--all'], {
      cwd: appRoot,
      env: { ...process.env, SPECBENCH_HOME: tempDir('specbench-cli-text-'), ANTHROPIC_API_KEY: '', ANTHROPIC_BASE_URL: '' },
    });
    assert.match(stderr, /Set ANTHROPIC_API_KEY/);
    assert.doesNotMatch(stderr + stdout, /Settings/);
    const severities = [...stdout.matchAll(/^(HIGH|MEDIUM|LOW)\s/gm)].map((m) => m[1]);
    assert.ok(new Set(severities).size >= 2, `several severities to order: ${severities.join(',')}`);
    const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as Record<string, number>;
    assert.deepEqual(severities, [...severities].sort((a, b) => rank[a] - rank[b]));
  });
});
