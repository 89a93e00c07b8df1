import type { EventName, PayloadOf } from '../core/contract/operations.js';
import type { KeyVault } from './ai/key-vault.js';
import { ReviewService } from './ai/review-service.js';
import { ComputePool } from './compute/compute-pool.js';
import type { ServerLauncher } from './server/server-launcher.js';
import { ServerManager } from './server/server-manager.js';
import { createSpecStore, type SpecStore } from './store/spec-store.js';
import { DecisionStore } from './store/decisions.js';
import { MeetingService } from './meeting/meeting-service.js';
import { findingsProvider } from './meeting/providers.js';
import { blockingThreadsProvider, failingCriteriaProvider, reviewLatencySource, verdictsProvider } from './meeting/review-providers.js';
import { FlowService } from './flow/flow-service.js';
import { ReviewThreadService } from './review-threads/service.js';
import { ValidateService } from './validate/validate-service.js';
import { TeamClient } from './team-client/team-client.js';

type Env = Record<string, string | undefined>;
type Emit = <K extends EventName>(name: K, payload: PayloadOf<K>) => void;

/**
 * Every long-lived service of a host process, created once by the entry point that owns the
 * process (electron/main.ts, host/web/serve.ts, the CLI) and handed to the handlers in the
 * host context. Handlers use these; they never construct one. Services that later work adds
 * (the validator, the team client) get a field here and a step in `disposeHostServices`.
 */
export interface HostServices {
  /** The spec database in the data folder; opens on first use. */
  store: SpecStore;
  /** AI review runs, Clarify, settings and the API key. */
  review: ReviewService;
  /** The one embedded magic-link server of this process. */
  embeddedServer: ServerManager;
  /** Parsing, linting and diffing of user text in worker threads, each job with a time budget and an output cap. */
  compute: ComputePool;
  /** Asynchronous review: profile, reviewers, anchored threads, rounds, verdicts, `.specreview` packages (in the store's database). */
  reviewThreads: ReviewThreadService;
  /** Live validation of a spec's criteria against the embedded server variants (issue 12). */
  validator: ValidateService;
  /** The desktop app's OS-encrypted key store; null in browser mode and the CLI (key from ANTHROPIC_API_KEY only). */
  keyVault: KeyVault | null;
  /** Decisions, ADRs, meetings and the spec lifecycle on the store's database (issue 14). */
  decisions: DecisionStore;
  /** The decision meeting: agenda providers, decisions, closing into ADRs. */
  meetings: MeetingService;
  /** Spec lifecycle, flow metrics, git detection of implementation start, "spec required?". */
  flow: FlowService;
  /** The signed-in connection to a team server ("Connect to team…", publish); holds its session in memory only. */
  teamClient: TeamClient;
}

export interface HostServiceOptions {
  dataDir: string;
  /** Where services push events (review progress, server status and logs). */
  emit: Emit;
  /** Electron main passes its safeStorage vault; default none. */
  keyVault?: KeyVault | null;
  /** Where the review service reads ANTHROPIC_API_KEY (default: process.env). */
  reviewEnv?: Env;
  /** A store the caller already built (say, with other open options); default `createSpecStore(dataDir)`. */
  store?: SpecStore;
  /** A compute pool the caller configured (another budget, say); default `new ComputePool()`. The set owns and disposes it. */
  compute?: ComputePool;
  /** How the embedded server's process starts (default: a Node child process). Electron main injects its utilityProcess launcher. */
  serverLauncher?: ServerLauncher;
  /** A team client with another HTTP client or deadline (tests); default one on the global fetch. */
  teamClient?: TeamClient;
}

/** Builds the service set of one host process. Nothing is started: each service begins on first use. */
export function createHostServices(options: HostServiceOptions): HostServices {
  const keyVault = options.keyVault ?? null;
  const compute = options.compute ?? new ComputePool();
  const store = options.store ?? createSpecStore(options.dataDir);
  const decisions = new DecisionStore(store);
  // Every parse of a spec under review runs in the pool, so a hostile text cannot stall the host.
  const review = new ReviewService({
    dataDir: options.dataDir,
    env: options.reviewEnv ?? process.env,
    keyVault,
    emit: options.emit,
    parse: (markdown) => compute.run('parse', { markdown }),
  });
  const reviewThreads = new ReviewThreadService(store);
  // The agenda is built from what is still open: blocking threads, verdicts, AI findings, failing criteria.
  const meetings = new MeetingService({
    specs: store,
    decisions,
    threads: reviewThreads,
    providers: [blockingThreadsProvider(reviewThreads), verdictsProvider(reviewThreads), failingCriteriaProvider(store), findingsProvider({ findings: (specId) => review.lastFindings(`spec:${specId}`), states: (specId, hash) => store.listFindingStates(specId, hash) })],
  });
  const flow = new FlowService({ specs: store, decisions });
  flow.setReviewLatencySource(reviewLatencySource(reviewThreads, () => store.listSpecs({}).map((s) => s.id)));
  return {
    store,
    reviewThreads,
    compute,
    review,
    decisions,
    meetings,
    flow,
    embeddedServer: new ServerManager({
      status: (status) => options.emit('server.status', status),
      log: (line) => options.emit('server.log', line),
    }, process.env, options.serverLauncher),
    validator: new ValidateService({ emit: options.emit, store }),
    keyVault,
    teamClient: options.teamClient ?? new TeamClient(),
  };
}

/** One shutdown step that failed; the others still ran. */
export interface DisposeFailure {
  service: string;
  error: Error;
}

/**
 * The shutdown order: runs first (a pass may still write through the store), then the embedded
 * server's process group, then the compute workers, the store last. Each step is idempotent.
 */
const DISPOSE_STEPS: ReadonlyArray<readonly [string, (services: HostServices) => Promise<void> | void]> = [
  ['review', (s) => s.review.dispose()],
  ['validator', (s) => s.validator.dispose()],
  ['embeddedServer', (s) => s.embeddedServer.dispose()],
  ['compute', (s) => s.compute.dispose()],
  ['store', (s) => s.store.close()],
];

const disposals = new WeakMap<HostServices, Promise<DisposeFailure[]>>();

/**
 * Disposes every service in `DISPOSE_STEPS` order and resolves once all have ended. Never
 * rejects: a failing step is reported in the result and the later steps still run. Calling it
 * again with the same object returns the same promise.
 */
export function disposeHostServices(services: HostServices): Promise<DisposeFailure[]> {
  let disposal = disposals.get(services);
  if (!disposal) {
    disposal = (async () => {
      const failures: DisposeFailure[] = [];
      for (const [service, dispose] of DISPOSE_STEPS) {
        try {
          await dispose(services);
        } catch (error) {
          failures.push({ service, error: error instanceof Error ? error : new Error(String(error)) });
        }
      }
      return failures;
    })();
    disposals.set(services, disposal);
  }
  return disposal;
}
