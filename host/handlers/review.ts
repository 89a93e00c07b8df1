import { buildAgentBrief, listBriefTargets } from '../../core/review/brief.js';
import type { KeyVault } from '../ai/key-vault.js';
import { ReviewService } from '../ai/review-service.js';
import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';
import { HostError } from './host-error.js';
import { computePoolOf } from '../compute/shared-pool.js';

type ReviewHandlers = Pick<
  Handlers,
  | 'review.passes'
  | 'review.run'
  | 'review.cancel'
  | 'review.status'
  | 'review.findingState.list'
  | 'review.findingState.set'
  | 'review.settings.get'
  | 'review.settings.set'
  | 'review.briefTargets'
  | 'review.brief'
  | 'review.clarify'
  | 'review.clarify.apply'
>;

/**
 * What review handlers take beyond the shared context. Electron main passes its safeStorage
 * vault (`new EncryptedFileKeyVault(dataDir, safeStorage)`); browser mode and the CLI pass
 * none, so the key comes only from ANTHROPIC_API_KEY in `env` (default: process.env).
 */
export interface ReviewHostExtras {
  keyVault?: KeyVault | null;
  env?: Record<string, string | undefined>;
}

export function createReviewHandlers(ctx: HostContext & ReviewHostExtras): ReviewHandlers {
  // Every parse of the spec under review runs in the compute pool, with its budget.
  const parse = (markdown: string) => computePoolOf(ctx).run('parse', { markdown });
  const service = new ReviewService({ dataDir: ctx.dataDir, env: ctx.env ?? process.env, keyVault: ctx.keyVault ?? null, emit: ctx.emit, parse });
  return {
    'review.passes': async () => {
      const { passes, errors, userPromptsDir } = await service.library();
      return {
        passes: passes.map(({ instructions: _body, ...info }) => info),
        errors,
        userPromptsDir,
      };
    },
    'review.run': async (args) => service.start(args),
    'review.cancel': async ({ runId }) => ({ cancelled: service.cancel(runId) }),
    'review.status': async ({ runId }) => service.status(runId),
    'review.findingState.list': async ({ specId, contentHash }) => ({
      states: ctx.store.listFindingStates(specId, contentHash).map((r) => ({ findingId: r.finding_id, state: r.state, note: r.note, updatedAt: r.updated_at })),
    }),
    'review.findingState.set': async ({ specId, contentHash, findingId, state, note }) => {
      ctx.store.setFindingState({ specId, contentHash, findingId, state, note: note ?? null });
      const row = ctx.store.listFindingStates(specId, contentHash).find((r) => r.finding_id === findingId);
      if (!row) throw new HostError('INTERNAL', `the state of ${findingId} was not recorded`);
      return { findingId, state: row.state, note: row.note, updatedAt: row.updated_at };
    },
    'review.settings.get': async () => service.settingsView(),
    'review.settings.set': async (patch) => service.updateSettings(patch),
    'review.briefTargets': async ({ specMarkdown }) => ({ targets: listBriefTargets(await parse(specMarkdown)) }),
    'review.brief': async ({ specMarkdown, target, conventionsFile }) => {
      const doc = await parse(specMarkdown);
      try {
        const brief = buildAgentBrief(doc, target, { conventionsFile, instructions: await service.briefInstructions() });
        return { title: brief.title, text: brief.text, items: brief.items, edgeCases: brief.edgeCases, target: brief.target };
      } catch (error) {
        throw new HostError('NOT_FOUND', error instanceof Error ? error.message : String(error));
      }
    },
    'review.clarify': async ({ specMarkdown, offline }) => service.clarify(specMarkdown, offline),
    'review.clarify.apply': async ({ specMarkdown, section, quote, question, answer }) =>
      computePoolOf(ctx).run('applyClarification', { markdown: specMarkdown, answer: { section, quote, question, answer } }),
  };
}
