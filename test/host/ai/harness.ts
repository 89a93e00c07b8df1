/** Test scaffolding without node:test, so benches can use it too. */
import type { EventName, PayloadOf } from '../../../core/contract/operations.js';
import type { FindingDraft } from '../../../core/review/finding.js';
import type { KeyVault } from '../../../host/ai/key-vault.js';
import { ReviewService } from '../../../host/ai/review-service.js';
import { saveReviewSettings, reviewSettingsSchema, type ReviewSettings } from '../../../host/ai/settings.js';
import { promptsDir } from '../../../host/paths.js';

export interface LoggedEvent {
  name: EventName;
  payload: unknown;
  at: number;
}

/** Records every event a service emits, with the time it was emitted. */
export class EventLog {
  readonly events: LoggedEvent[] = [];
  private waiters: Array<() => void> = [];

  readonly emit = <K extends EventName>(name: K, payload: PayloadOf<K>): void => {
    this.events.push({ name, payload, at: performance.now() });
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  };

  of<K extends EventName>(name: K): Array<PayloadOf<K> & { at: number }> {
    return this.events.filter((e) => e.name === name).map((e) => ({ ...(e.payload as PayloadOf<K>), at: e.at }));
  }

  /** Resolves once an event named `name` satisfying `test` has been emitted. */
  async waitFor<K extends EventName>(name: K, test: (payload: PayloadOf<K>) => boolean = () => true): Promise<PayloadOf<K>> {
    for (;;) {
      const hit = this.events.find((e) => e.name === name && test(e.payload as PayloadOf<K>));
      if (hit) return hit.payload as PayloadOf<K>;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

/** A service pointed at the stand-in: real SDK, real prompts, settings written to its data folder. */
export async function createTestService(options: {
  dataDir: string;
  baseURL: string;
  apiKey?: string | null;
  settings?: Partial<ReviewSettings>;
  keyVault?: KeyVault | null;
  userPromptsDir?: string | null;
}): Promise<{ service: ReviewService; log: EventLog; dataDir: string }> {
  const dataDir = options.dataDir;
  await saveReviewSettings(dataDir, reviewSettingsSchema.parse({ baseURL: options.baseURL, maxRetries: 2, timeoutMs: 10_000, ...options.settings }));
  const log = new EventLog();
  const apiKey = options.apiKey === undefined ? 'sk-ant-test-key' : options.apiKey;
  const service = new ReviewService({
    dataDir,
    // The stand-in listens on plain http at 127.0.0.1, which only the test flag allows.
    env: { SPECBENCH_ALLOW_LOOPBACK_AI: '1', ...(apiKey ? { ANTHROPIC_API_KEY: apiKey } : {}) },
    keyVault: options.keyVault ?? null,
    emit: log.emit,
    builtinPromptsDir: promptsDir,
    userPromptsDir: options.userPromptsDir ?? null,
  });
  return { service, log, dataDir };
}

/** A valid finding the stand-in can stream; `quote` should be verbatim from the spec. */
export function modelFinding(quote: string, over: Partial<FindingDraft> = {}): FindingDraft {
  return {
    section: 'functional',
    quote,
    problem: `Ambiguous: ${quote.slice(0, 40)}`,
    whyAnAgentWouldGuess: 'The agent would pick a value of its own.',
    suggestion: 'State the exact behaviour.',
    severity: 'high',
    ...over,
  };
}
