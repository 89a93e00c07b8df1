import { listBriefTargets } from '../../../core/review/brief.js';
import type { TeamHandlers } from './registry.js';

/**
 * Reads and text tools without a domain of their own: what the host is, search, AI-finding states,
 * validation results, and the compute-pool text operations (parse, clarify). None touches a file.
 */
export const readingHandlers: TeamHandlers = {
  'app.info': async ({ version }) => ({
    // The renderer's browser behaviour (pickers and downloads, no native dialogs) is what a team client needs.
    mode: 'browser',
    version,
    nativeDialogs: false,
    // No data folder is exposed: the team's data is in PostgreSQL.
    dataDir: '',
    team: true,
  }),
  // No start-up file on a server: the library opens instead.
  'app.initialDocument': async () => null,
  'search.query': async ({ store }, { query, limit, states }) => ({ hits: await store.specs.search(query, { limit, states }) }),
  'profile.get': async ({ actor }) => ({ profile: { id: actor.account.id, name: actor.account.name, email: actor.account.email } }),
  'review.findingState.list': async ({ store }, { specId, contentHash }) => ({
    states: (await store.specs.listFindingStates(specId, contentHash)).map(({ findingId, state, note, updatedAt }) => ({ findingId, state, note, updatedAt })),
  }),
  'review.findingState.set': async (ctx, { specId, contentHash, findingId, state, note }) => {
    await ctx.store.specs.setFindingState({ specId, contentHash, findingId, state, note: note ?? null });
    const row = (await ctx.store.specs.listFindingStates(specId, contentHash)).find((r) => r.findingId === findingId);
    if (!row) throw new Error(`the state of ${findingId} was not recorded`);
    return { findingId, state: row.state, note: row.note, updatedAt: row.updatedAt };
  },
  'validate.runs': async ({ store }, { specId }) => {
    // One newest run per distinct content, as on the local hosts (a restored version shares its result).
    const hashes = [...new Set((await store.specs.listVersions(specId)).map((v) => v.contentHash))];
    const runs = (await Promise.all(hashes.map((hash) => store.specs.listValidationRuns(specId, hash)))).flatMap((list) => list.slice(0, 1));
    return { runs: runs.map((r) => ({ contentHash: r.contentHash, passed: r.passed, total: r.total, mutation: r.mutation, createdAt: r.createdAt })) };
  },
  'review.briefTargets': async ({ compute }, { specMarkdown }) => ({ targets: listBriefTargets(await compute.run('parse', { markdown: specMarkdown })) }),
  'review.clarify.apply': async ({ compute }, { specMarkdown, section, quote, question, answer }) =>
    compute.run('applyClarification', { markdown: specMarkdown, answer: { section, quote, question, answer } }),
};
