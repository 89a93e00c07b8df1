import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventName, PayloadOf } from '../../core/contract/operations.js';
import type { PassSnapshot, ReviewSettingsView, RunSnapshot } from '../../core/contract/ops/review.js';
import { LineIndex } from '../../core/markdown/lines.js';
import { parseSpec } from '../../core/markdown/parse.js';
import { anchorFinding } from '../../core/review/anchor.js';
import { offlineClarifyQuestions, type ClarifyQuestion } from '../../core/review/clarify.js';
import { addUsage, estimateCost, ZERO_USAGE, type CostEstimate, type PassUsage } from '../../core/review/cost.js';
import type { Finding } from '../../core/review/finding.js';
import { mergeDuplicates } from '../../core/review/merge.js';
import { offlineFindings } from '../../core/review/offline/offline-findings.js';
import { OFFLINE_PASS } from '../../core/review/offline/reviewer.js';
import { PRICES_TAKEN } from '../../core/review/price-table.js';
import type { PassPrompt, PromptLibrary } from '../../core/review/prompt-file.js';
import { checklistsFor, classifyWithChecklists, renderChecklistBlock } from '../../core/review/checklists/match.js';
import type { Checklist } from '../../core/review/checklists/checklist-file.js';
import type { DomainClassification } from '../../core/review/domains/classify.js';
import { createRunLabeller, findingKey, isDismissed, type KeyedFinding } from '../../core/review/finding-key.js';
import { passFitsTemplate } from '../../core/review/prompt-file.js';
import type { SpecDocument } from '../../core/spec/model.js';
import { HostError } from '../common/host-error.js';
import { createAnthropicClient } from './anthropic-client.js';
import { loadChecklists } from './checklist-loader.js';
import { MemoryFindingHistory, type FindingHistory } from './finding-history.js';
import { buildPassRequest } from './build-request.js';
import { assertBaseUrlAllowed, baseUrlProblem, DEFAULT_BASE_URL, loopbackAllowed, originOf } from './base-url.js';
import type { KeySource, KeyVault } from './key-vault.js';
import { Limiter } from './limiter.js';
import { SUGGESTED_MODELS, DEFAULT_MODEL } from './models.js';
import type { PassError } from './pass-error.js';
import { loadPromptLibrary, userPromptsDir } from './prompt-loader.js';
import { MemoryPassResultCache, type PassResultCache } from './result-cache.js';
import { runModelPass } from './run-pass.js';
import { loadReviewSettings, reviewSettingsSchema, saveReviewSettings, type ReviewSettings } from './settings.js';
import { contentHash } from '../store/content-hash.js';

type Emit = <K extends EventName>(name: K, payload: PayloadOf<K>) => void;

export interface ReviewServiceOptions {
  dataDir: string;
  /** Where ANTHROPIC_API_KEY is read (browser mode, CLI); never logged, never returned. */
  env: Record<string, string | undefined>;
  /** The desktop app's key vault; null where the key comes only from the environment. */
  keyVault: KeyVault | null;
  emit: Emit;
  cache?: PassResultCache;
  builtinPromptsDir?: string;
  /** Null: no user prompt folder (tests). Defaults to `<dataDir>/prompts`. */
  userPromptsDir?: string | null;
  /** Settings that win over the saved ones (the CLI's ANTHROPIC_BASE_URL). */
  settingsOverride?: Partial<ReviewSettings>;
  /** The app's checklist folder; defaults to `prompts/checklists/`. */
  builtinChecklistsDir?: string;
  /** Null: no user checklists (tests). Defaults to `<user prompts folder>/checklists`. */
  userChecklistsDir?: string | null;
  /** Where earlier runs and dismissals are kept (FR-4); in memory unless the caller persists it. */
  findingHistory?: FindingHistory;
  /** Parses the spec under review; the handlers pass the compute pool's, so a hostile text cannot stall the host. */
  parse?: (markdown: string) => Promise<SpecDocument>;
  /** Plain http to a loopback address (a local stand-in); default: SPECBENCH_ALLOW_LOOPBACK_AI=1 in `env`. */
  allowLoopbackHttp?: boolean;
}

interface Credentials {
  key: string | null;
  source: KeySource;
  /** Where requests go: the saved base URL, else ANTHROPIC_BASE_URL, else the SDK's default. */
  baseURL: string;
  /** Why no request may be sent there (plain http, say); null when it may. */
  refused: string | null;
}

export interface StartRunArgs {
  passId?: string;
  all?: true;
  specMarkdown: string;
  specId?: number;
  versionHash?: string;
  code?: string;
  offline?: boolean;
  /** Names the spec across runs when there is no library id (the CLI passes the file path). */
  specKey?: string;
}

/** What `start` tells the caller besides the run id: the spec's domains and unusable checklists. */
export interface StartedRun {
  runId: string;
  mode: 'online' | 'offline';
  passIds: string[];
  notice: string | null;
  domains: DomainClassification;
  /** Checklist files that could not be used, each with why; the others ran. */
  checklistErrors: string[];
}

interface RunState {
  snapshot: RunSnapshot;
  controller: AbortController;
  done: Promise<RunSnapshot>;
}

const MAX_RUNS_KEPT = 50;

/** SHA-256 hex of the text: the same content address the store gives a version. */
export function sha256(text: string): string {
  return contentHash(text).hash;
}

function offlineCost(): CostEstimate {
  return { usd: 0, family: null, pricesTaken: PRICES_TAKEN.date };
}

/**
 * Runs AI passes for the handlers and the CLI: picks online or offline, streams findings as
 * events, limits concurrency, caches results per (text, pass, model, prompt), labels
 * findings against the previous version, and keeps a snapshot of every recent run.
 */
export class ReviewService {
  private readonly runs = new Map<string, RunState>();
  private readonly cache: PassResultCache;
  private readonly history: FindingHistory;
  /** Findings each run left out because the author dismissed them and their quote is unchanged. */
  private readonly dismissedByRun = new Map<string, KeyedFinding[]>();
  /** Aborted by `dispose()`: cancels every run and Clarify call still in flight. */
  private readonly lifetime = new AbortController();
  /** Clarify calls in flight; runs are tracked in `runs`. */
  private readonly clarifying = new Set<Promise<unknown>>();
  private disposing: Promise<void> | null = null;

  private readonly allowLoopbackHttp: boolean;
  /** The origin an ANTHROPIC_API_KEY belongs to: the endpoint configured when the host started. */
  private envKeyOrigin: Promise<string> | null = null;

  constructor(private readonly options: ReviewServiceOptions) {
    this.cache = options.cache ?? new MemoryPassResultCache();
    this.history = options.findingHistory ?? new MemoryFindingHistory();
    this.allowLoopbackHttp = options.allowLoopbackHttp ?? loopbackAllowed(options.env);
  }

  /** The checklists (FR-2): the app's and the user's, with the files that could not be used. */
  async checklists(): Promise<{ checklists: Checklist[]; errors: string[] }> {
    const userPrompts = this.options.userPromptsDir === undefined ? userPromptsDir(this.options.dataDir) : this.options.userPromptsDir;
    const userDir = this.options.userChecklistsDir !== undefined ? this.options.userChecklistsDir : userPrompts ? join(userPrompts, 'checklists') : null;
    const library = await loadChecklists({ builtinDir: this.options.builtinChecklistsDir, userDir });
    return { checklists: library.checklists, errors: library.errors.map((e) => e.error) };
  }

  /** The domains of a spec as the review sees them (classifier, front matter, checklist files). */
  async domains(specMarkdown: string): Promise<DomainClassification & { checklistErrors: string[] }> {
    const doc = await this.parse(specMarkdown);
    const { checklists, errors } = await this.checklists();
    return { ...classifyWithChecklists(doc.source, doc.frontMatter, checklists), checklistErrors: errors };
  }

  /**
   * Dismisses a finding on this spec (FR-4): later runs leave it out for as long as its quote
   * reads the same; once the quoted text changes it comes back.
   */
  async dismiss(specKey: string, key: string, quote: string): Promise<void> {
    await this.history.dismiss(specKey, key, quote);
  }

  /** The last recorded findings of every pass on a spec (the decision meeting's agenda reads the high ones). */
  async lastFindings(specKey: string): Promise<Array<KeyedFinding['finding']>> {
    const { passes } = await this.library();
    const runs = await Promise.all(passes.map((p) => this.history.lastRun(specKey, p.id)));
    return runs.flatMap((run) => run?.findings.map((k) => k.finding) ?? []);
  }

  /** Findings a run left out because they were dismissed with the same quote. */
  dismissedIn(runId: string): KeyedFinding[] {
    return this.dismissedByRun.get(runId) ?? [];
  }

  private async parse(markdown: string): Promise<SpecDocument> {
    return this.options.parse ? this.options.parse(markdown) : parseSpec(markdown);
  }

  private baseUrlOf(settings: ReviewSettings): string {
    return settings.baseURL ?? (this.options.env.ANTHROPIC_BASE_URL?.trim() || DEFAULT_BASE_URL);
  }

  private envOrigin(): Promise<string> {
    this.envKeyOrigin ??= this.settings().then((s) => originOf(this.baseUrlOf(s)));
    return this.envKeyOrigin;
  }

  /**
   * The key for the configured endpoint, or none. A key goes only to the origin it was entered
   * for (the vault's when it was stored, the environment's when the host started), and never
   * over plain http unless the host was started with the loopback test flag.
   */
  private async credentials(settings: ReviewSettings): Promise<Credentials> {
    const baseURL = this.baseUrlOf(settings);
    const refused = baseUrlProblem(baseURL, this.allowLoopbackHttp);
    if (refused) return { key: null, source: 'none', baseURL, refused };
    const origin = originOf(baseURL);
    const stored = this.options.keyVault ? await this.options.keyVault.get() : null;
    if (stored && (settings.keyOrigin === null || settings.keyOrigin === origin)) return { key: stored, source: 'vault', baseURL, refused };
    const fromEnv = this.options.env.ANTHROPIC_API_KEY?.trim();
    if (fromEnv && (await this.envOrigin()) === origin) return { key: fromEnv, source: 'env', baseURL, refused };
    return { key: null, source: 'none', baseURL, refused };
  }

  /** A listener that throws (a closed window, a dropped socket) must not stop a run. */
  private emit<K extends EventName>(name: K, payload: PayloadOf<K>): void {
    try {
      this.options.emit(name, payload);
    } catch {
      // The snapshot keeps everything; review.status gives it back.
    }
  }

  async library(): Promise<PromptLibrary & { userPromptsDir: string }> {
    const userDir = this.options.userPromptsDir === undefined ? userPromptsDir(this.options.dataDir) : this.options.userPromptsDir;
    const library = await loadPromptLibrary({ builtinDir: this.options.builtinPromptsDir, userDir });
    return { ...library, userPromptsDir: userDir ?? '' };
  }

  async settings(): Promise<ReviewSettings> {
    return { ...(await loadReviewSettings(this.options.dataDir)), ...this.options.settingsOverride };
  }

  async settingsView(): Promise<ReviewSettingsView> {
    const { keyOrigin: _origin, ...settings } = await this.settings();
    const { key, source } = await this.credentials({ ...settings, keyOrigin: _origin });
    return {
      ...settings,
      keyConfigured: key !== null,
      keySource: source,
      canStoreKey: this.options.keyVault !== null,
      defaultModel: DEFAULT_MODEL,
      suggestedModels: [...SUGGESTED_MODELS],
      pricesTaken: PRICES_TAKEN.date,
    };
  }

  async updateSettings(patch: Partial<ReviewSettings> & { apiKey?: string | null }): Promise<ReviewSettingsView> {
    const { apiKey, keyOrigin: _ignored, ...rest } = patch;
    const vault = this.options.keyVault;
    if (apiKey !== undefined && !vault) throw new HostError('UNSUPPORTED', 'here the API key is read only from the ANTHROPIC_API_KEY environment variable');
    if (rest.baseURL) assertBaseUrlAllowed(rest.baseURL, this.allowLoopbackHttp);
    // The environment's key stays bound to the endpoint the host started with.
    await this.envOrigin();
    const saved = await loadReviewSettings(this.options.dataDir);
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const next = reviewSettingsSchema.parse({ ...saved, ...defined });
    const origin = originOf(this.baseUrlOf({ ...next, ...this.options.settingsOverride }));
    const originChanged = originOf(this.baseUrlOf({ ...saved, ...this.options.settingsOverride })) !== origin;
    // A key entered for one endpoint is never sent to another: a new origin needs the key again.
    if (vault && (apiKey === null || (originChanged && apiKey === undefined))) {
      await vault.clear();
      next.keyOrigin = null;
    }
    if (vault && typeof apiKey === 'string') {
      await vault.set(apiKey);
      next.keyOrigin = origin;
    }
    if (Object.keys(defined).length > 0 || apiKey !== undefined) await saveReviewSettings(this.options.dataDir, next);
    return this.settingsView();
  }

  /** Starts a run and returns at once; events carry the progress and the results. */
  async start(args: StartRunArgs): Promise<StartedRun> {
    this.refuseWhenDisposed();
    const doc = await this.parse(args.specMarkdown);
    const versionHash = args.versionHash ?? sha256(args.specMarkdown);
    const { passes } = await this.library();
    let prompts: PassPrompt[];
    if (args.passId !== undefined) {
      const prompt = passes.find((p) => p.id === args.passId);
      if (!prompt) throw new HostError('NOT_FOUND', `there is no pass "${args.passId}" (passes: ${passes.map((p) => p.id).join(', ')})`);
      if (prompt.kind === 'brief') throw new HostError('INVALID_ARGUMENTS', `"${prompt.id}" builds a brief locally; use review.brief`);
      prompts = [prompt];
    } else {
      // Each template gets the passes written for it (FR-3): six-part passes stay off Product Ops specs.
      prompts = passes.filter((p) => p.kind === 'review' && passFitsTemplate(p, doc.template));
    }
    const { checklists, errors: checklistErrors } = await this.checklists();
    const domains = classifyWithChecklists(doc.source, doc.frontMatter, checklists);
    const applicable = checklistsFor(domains.domains, checklists);
    const saved = await this.settings();
    const { key, baseURL, refused } = await this.credentials(saved);
    if (refused && args.offline !== true) throw new HostError('INVALID_BASE_URL', refused);
    const settings = { ...saved, baseURL };
    const offline = args.offline === true || key === null;
    if (offline && prompts.some((p) => p.kind !== 'review')) {
      throw new HostError('NO_KEY', `"${prompts[0].title}" needs the model: set an API key (draft and clarify passes have no offline version)`);
    }
    // Without a key vault (the CLI) there is no Settings dialog: the key can only come from the environment.
    const keyAdvice = this.options.keyVault ? 'Add a key in Settings' : 'Set ANTHROPIC_API_KEY';
    const modeNotice = !offline ? null : key === null ? `No API key is configured: showing the offline reviewer. ${keyAdvice} to run the AI passes.` : 'Offline review requested.';
    const problems = [...domains.warnings, ...checklistErrors.map((e) => `checklist skipped: ${e}`)];
    const notice = problems.length ? [modeNotice, ...problems].filter(Boolean).join('\n') : modeNotice;

    const runId = randomUUID();
    const specKey = args.specId !== undefined ? `spec:${args.specId}` : args.specKey !== undefined ? args.specKey : `title:${doc.meta.title}`;
    const passSnapshots: PassSnapshot[] = offline
      ? [emptyPass(OFFLINE_PASS, 'Offline reviewer', 'review', null, true)]
      : prompts.map((p) => emptyPass(p.id, p.title, p.kind, settings.model, false));
    const snapshot: RunSnapshot = {
      runId,
      mode: offline ? 'offline' : 'online',
      status: 'running',
      startedAt: new Date().toISOString(),
      passes: passSnapshots,
      merged: [],
      usage: ZERO_USAGE,
      cost: offline ? offlineCost() : estimateCost(settings.model, ZERO_USAGE),
    };
    // Checked again: the awaits above may have let a shutdown begin.
    this.refuseWhenDisposed();
    const controller = new AbortController();
    const context: RunContext = {
      runId,
      doc,
      lines: new LineIndex(doc.source),
      versionHash,
      specKey,
      settings,
      apiKey: key,
      code: args.code,
      snapshot,
      signal: controller.signal,
      checklists: applicable,
      checklistText: renderChecklistBlock(applicable),
      dismissals: await this.history.dismissals(specKey),
    };
    // The reply with the run id goes out before the first event, whatever the transport.
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => (offline ? this.executeOffline(context) : this.executeOnline(context, prompts)))
      .catch((error: unknown) => {
        // Our own bug, not the API's: every unfinished pass fails with the message, and the run still ends.
        for (const pass of snapshot.passes) {
          if (pass.status === 'queued' || pass.status === 'running') {
            pass.status = 'failed';
            pass.error = { code: 'API_ERROR', message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
          }
        }
        return this.finishRun(context);
      });
    this.runs.set(runId, { snapshot, controller, done });
    while (this.runs.size > MAX_RUNS_KEPT) {
      const oldest = this.runs.keys().next().value as string;
      this.runs.delete(oldest);
      this.dismissedByRun.delete(oldest);
    }
    return { runId, mode: snapshot.mode, passIds: passSnapshots.map((p) => p.passId), notice, domains, checklistErrors };
  }

  cancel(runId: string): boolean {
    const run = this.runs.get(runId);
    if (!run || run.snapshot.status === 'done') return false;
    run.controller.abort();
    return true;
  }

  /**
   * Shutdown: cancels every unfinished run and Clarify call, waits until each has ended, and
   * refuses new ones. Idempotent: later calls return the same promise. Never rejects.
   */
  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      this.lifetime.abort();
      const runs = [...this.runs.values()];
      for (const run of runs) if (run.snapshot.status !== 'done') run.controller.abort();
      await Promise.allSettled([...runs.map((run) => run.done), ...this.clarifying]);
    })();
    return this.disposing;
  }

  private refuseWhenDisposed(): void {
    if (this.disposing) throw new HostError('SHUTTING_DOWN', 'the workbench is shutting down; no new review starts');
  }

  status(runId: string): RunSnapshot {
    const run = this.runs.get(runId);
    if (!run) throw new HostError('NOT_FOUND', `no run ${runId} (runs are kept while the app is open)`);
    return run.snapshot;
  }

  /** Resolves with the final snapshot once every pass of the run has ended. */
  async waitForRun(runId: string): Promise<RunSnapshot> {
    const run = this.runs.get(runId);
    if (!run) throw new HostError('NOT_FOUND', `no run ${runId}`);
    return run.done;
  }

  /** Clarify (FR-5a): questions from the model, or from the offline catalogue without a key. */
  async clarify(
    specMarkdown: string,
    offline = false,
  ): Promise<{ mode: 'online' | 'offline'; questions: ClarifyQuestion[]; usage: PassUsage; cost: CostEstimate; error: PassError | null }> {
    this.refuseWhenDisposed();
    const doc = await this.parse(specMarkdown);
    const { key, baseURL, refused } = await this.credentials(await this.settings());
    if (refused && !offline) throw new HostError('INVALID_BASE_URL', refused);
    if (offline || key === null) return { mode: 'offline', questions: offlineClarifyQuestions(doc), usage: ZERO_USAGE, cost: offlineCost(), error: null };
    const prompt = (await this.library()).passes.find((p) => p.kind === 'clarify');
    if (!prompt) throw new HostError('NOT_FOUND', 'no prompt file of kind "clarify" is available');
    const settings = { ...(await this.settings()), baseURL };
    const client = createAnthropicClient({ apiKey: key, baseURL: settings.baseURL, maxRetries: settings.maxRetries, timeoutMs: settings.timeoutMs });
    const request = buildPassRequest(doc, prompt, { model: settings.model, maxTokens: settings.maxTokens });
    this.refuseWhenDisposed();
    const pending = runModelPass(client, request, 'clarify', prompt.id, this.lifetime.signal);
    this.clarifying.add(pending);
    const result = await pending.finally(() => this.clarifying.delete(pending));
    return {
      mode: 'online',
      questions: result.questions.slice(0, 5),
      usage: result.usage,
      cost: estimateCost(settings.model, result.usage),
      error: result.error ?? null,
    };
  }

  /** Instructions of the brief prompt file (users may edit them), if there is one. */
  async briefInstructions(): Promise<string | undefined> {
    return (await this.library()).passes.find((p) => p.kind === 'brief')?.instructions;
  }

  private async executeOffline(ctx: RunContext): Promise<RunSnapshot> {
    const started = performance.now();
    const pass = ctx.snapshot.passes[0];
    pass.status = 'running';
    const { findings } = offlineFindings(ctx.doc, ctx.checklists);
    const labels = await this.labeller(ctx, OFFLINE_PASS);
    for (const finding of findings) this.publishFinding(ctx, pass, finding, labels);
    pass.resolved = labels.resolved();
    pass.status = 'succeeded';
    pass.durationMs = performance.now() - started;
    await this.remember(ctx, OFFLINE_PASS, labels.kept());
    this.emit('review.done', { ...pass, runId: ctx.runId });
    return this.finishRun(ctx);
  }

  private async executeOnline(ctx: RunContext, prompts: PassPrompt[]): Promise<RunSnapshot> {
    const limiter = new Limiter(ctx.settings.concurrency);
    const started = performance.now();
    const progress = (passId: string, phase: PayloadOf<'review.progress'>['phase'], attempt: number, findings: number, outputTokens: number) =>
      this.emit('review.progress', { runId: ctx.runId, passId, phase, attempt, findings, outputTokens, elapsedMs: performance.now() - started });
    for (const p of prompts) progress(p.id, 'queued', 0, 0, 0);
    await Promise.all(
      prompts.map((prompt, i) =>
        limiter.run(async () => {
          const pass = ctx.snapshot.passes[i];
          const passStarted = performance.now();
          try {
            await this.executeModelPass(ctx, prompt, pass, (phase, attempt, outputTokens) => progress(prompt.id, phase, attempt, pass.findings.length, outputTokens));
          } catch (error) {
            // Our own bug, not the API's: the pass fails with the message, the run goes on.
            pass.status = 'failed';
            pass.error = { code: 'API_ERROR', message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
          }
          pass.durationMs = performance.now() - passStarted;
          pass.cost = pass.cached ? { ...estimateCost(ctx.settings.model, ZERO_USAGE) } : estimateCost(ctx.settings.model, pass.usage);
          this.emit('review.done', { ...pass, runId: ctx.runId });
        }),
      ),
    );
    return this.finishRun(ctx);
  }

  private async executeModelPass(
    ctx: RunContext,
    prompt: PassPrompt,
    pass: PassSnapshot,
    progress: (phase: PayloadOf<'review.progress'>['phase'], attempt: number, outputTokens: number) => void,
  ): Promise<void> {
    if (ctx.signal.aborted) {
      pass.status = 'cancelled';
      pass.error = { code: 'CANCELLED', message: 'Cancelled before it started.' };
      return;
    }
    pass.status = 'running';
    const labels = await this.labeller(ctx, prompt.id);
    const cacheKey = sha256(JSON.stringify([sha256(ctx.doc.source), prompt.id, ctx.settings.model, sha256(prompt.instructions), sha256(ctx.code ?? ''), sha256(ctx.checklistText)]));
    const cached = this.cache.get(cacheKey);
    if (cached) {
      pass.cached = true;
      for (const finding of cached.findings) this.publishFinding(ctx, pass, finding, labels);
      pass.proposals = cached.proposals;
      pass.openQuestions = cached.openQuestions;
      pass.questions = cached.questions;
      pass.resolved = labels.resolved();
      pass.status = 'succeeded';
      await this.remember(ctx, prompt.id, labels.kept());
      return;
    }
    const client = createAnthropicClient({ apiKey: ctx.apiKey!, baseURL: ctx.settings.baseURL, maxRetries: ctx.settings.maxRetries, timeoutMs: ctx.settings.timeoutMs });
    const request = buildPassRequest(ctx.doc, prompt, { model: ctx.settings.model, maxTokens: ctx.settings.maxTokens, extras: { code: ctx.code, checklists: ctx.checklistText } });
    const kind = prompt.kind === 'brief' ? 'review' : prompt.kind;
    const result = await runModelPass(client, request, kind, prompt.id, ctx.signal, {
      onFinding: (finding) => this.publishFinding(ctx, pass, finding, labels),
      onProgress: (p) => {
        pass.usage = { ...pass.usage, outputTokens: p.outputTokens };
        progress(p.phase, p.attempt, p.outputTokens);
      },
    });
    pass.usage = result.usage;
    pass.proposals = result.proposals;
    pass.openQuestions = result.openQuestions;
    pass.questions = result.questions;
    pass.status = result.status;
    pass.error = result.error ?? null;
    pass.rawReply = result.rawReply ?? null;
    if (result.status === 'succeeded') {
      pass.resolved = labels.resolved();
      await this.remember(ctx, prompt.id, labels.kept());
      this.cache.set(cacheKey, {
        model: ctx.settings.model,
        findings: result.findings,
        proposals: result.proposals,
        openQuestions: result.openQuestions,
        questions: result.questions,
        usage: result.usage,
        createdAt: new Date().toISOString(),
      });
    }
  }

  private publishFinding(ctx: RunContext, pass: PassSnapshot, finding: Finding, labels: PassLabeller): void {
    const label = labels.take(finding);
    if (label === 'dismissed') return;
    const entry = { finding, label, anchor: anchorFinding(ctx.doc, finding, {}, ctx.lines) };
    pass.findings.push(entry);
    this.emit('review.finding', { ...entry, runId: ctx.runId, passId: pass.passId });
  }

  /**
   * Labels against the newest earlier run of this pass on this spec, whichever version it was
   * (FR-4): re-running an unchanged spec makes every finding persisting. Findings the author
   * dismissed, whose quote is unchanged, are held back and still count as seen.
   */
  private async labeller(ctx: RunContext, passId: string): Promise<PassLabeller> {
    const previous = (await this.history.lastRun(ctx.specKey, passId))?.findings ?? [];
    const labeller = createRunLabeller(previous);
    const kept: KeyedFinding[] = [];
    return {
      take: (finding) => {
        const keyed = { key: findingKey(ctx.doc, finding), finding };
        kept.push(keyed);
        const label = labeller.label(keyed);
        if (isDismissed(ctx.dismissals, keyed)) {
          this.dismissedByRun.set(ctx.runId, [...this.dismissedIn(ctx.runId), keyed]);
          return 'dismissed';
        }
        return label;
      },
      resolved: () => labeller.resolved().map((k) => k.finding),
      kept: () => kept,
    };
  }

  private async remember(ctx: RunContext, passId: string, findings: KeyedFinding[]): Promise<void> {
    await this.history.recordRun(ctx.specKey, passId, ctx.versionHash, findings);
  }

  private finishRun(ctx: RunContext): RunSnapshot {
    const snapshot = ctx.snapshot;
    snapshot.merged = mergeDuplicates(snapshot.passes.flatMap((p) => p.findings.map((f) => f.finding)));
    snapshot.usage = snapshot.passes.reduce((sum, p) => (p.cached ? sum : addUsage(sum, p.usage)), ZERO_USAGE);
    snapshot.cost = snapshot.mode === 'offline' ? offlineCost() : estimateCost(ctx.settings.model, snapshot.usage);
    snapshot.status = 'done';
    this.emit('review.runDone', snapshot);
    return snapshot;
  }
}

interface RunContext {
  runId: string;
  doc: SpecDocument;
  lines: LineIndex;
  versionHash: string;
  specKey: string;
  settings: ReviewSettings;
  apiKey: string | null;
  code: string | undefined;
  snapshot: RunSnapshot;
  signal: AbortSignal;
  /** The checklists of the spec's domains, and the same as text for the model. */
  checklists: Checklist[];
  checklistText: string;
  dismissals: Array<{ key: string; quoteHash: string }>;
}

interface PassLabeller {
  take(finding: Finding): 'new' | 'persisting' | 'dismissed';
  resolved(): Finding[];
  /** Every finding of the pass with its key, dismissed ones included, to record as the last run. */
  kept(): KeyedFinding[];
}

function emptyPass(passId: string, title: string, kind: PassPrompt['kind'], model: string | null, offline: boolean): PassSnapshot {
  return {
    passId,
    title,
    kind,
    status: 'queued',
    findings: [],
    resolved: [],
    proposals: [],
    openQuestions: [],
    questions: [],
    usage: ZERO_USAGE,
    cost: offline ? offlineCost() : estimateCost(model ?? '', ZERO_USAGE),
    model,
    durationMs: 0,
    cached: false,
    offline,
    error: null,
    rawReply: null,
  };
}
