import { buildAgentBrief, listBriefTargets } from '../../core/review/brief.js';
import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';
import { HostError } from '../common/host-error.js';

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

/** The Review panel's operations, over the context's one ReviewService. */
export function createReviewHandlers(ctx: HostContext): ReviewHandlers {
  const service = ctx.review;
  // Parsing user text goes through the compute pool, with its budget.
  const parse = (markdown: string) => ctx.compute.run('parse', { markdown });
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
      states: ctx.store.listFindingStates(specId, contentHash).map(({ findingId, state, note, updatedAt }) => ({ findingId, state, note, updatedAt })),
    }),
    'review.findingState.set': async ({ specId, contentHash, findingId, state, note }) => {
      ctx.store.setFindingState({ specId, contentHash, findingId, state, note: note ?? null });
      const row = ctx.store.listFindingStates(specId, contentHash).find((r) => r.findingId === findingId);
      if (!row) throw new HostError('INTERNAL', `the state of ${findingId} was not recorded`);
      return { findingId, state: row.state, note: row.note, updatedAt: row.updatedAt };
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
      ctx.compute.run('applyClarification', { markdown: specMarkdown, answer: { section, quote, question, answer } }),
  };
}
