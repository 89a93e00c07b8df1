import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';

type ReviewThreadHandlers = Pick<
  Handlers,
  | 'profile.get'
  | 'profile.set'
  | 'reviewers.add'
  | 'reviewers.list'
  | 'threads.list'
  | 'threads.add'
  | 'threads.reply'
  | 'threads.edit'
  | 'threads.delete'
  | 'threads.undoDelete'
  | 'threads.resolve'
  | 'threads.reopen'
  | 'suggestions.accept'
  | 'suggestions.reject'
  | 'rounds.request'
  | 'rounds.status'
  | 'reviews.pending'
  | 'reviews.submit'
  | 'reviewPackage.export'
  | 'reviewPackage.import'
>;

/** Asynchronous review: every operation is one call on the review-thread service. */
export function createReviewThreadHandlers(ctx: HostContext): ReviewThreadHandlers {
  const s = ctx.reviewThreads;
  return {
    'profile.get': async () => ({ profile: s.getProfile() }),
    'profile.set': async (args) => ({ profile: s.setProfile(args) }),
    'reviewers.add': async ({ specId, ...person }) => ({ reviewers: s.addReviewer(specId, person) }),
    'reviewers.list': async ({ specId }) => ({ reviewers: s.listReviewers(specId) }),
    'threads.list': async ({ specId, markdown, includeResolved }) => ({ threads: s.listThreads(specId, { markdown, includeResolved }) }),
    'threads.add': async (args) => ({ thread: s.addThread(args) }),
    'threads.reply': async ({ threadId, body }) => ({ thread: s.reply(threadId, body) }),
    'threads.edit': async ({ commentId, body }) => ({ thread: s.editComment(commentId, body) }),
    'threads.delete': async ({ commentId }) => ({ thread: s.deleteComment(commentId) }),
    'threads.undoDelete': async ({ commentId }) => ({ thread: s.undoDeleteComment(commentId) }),
    'threads.resolve': async ({ threadId }) => ({ thread: s.resolve(threadId) }),
    'threads.reopen': async ({ threadId }) => ({ thread: s.reopen(threadId) }),
    'suggestions.accept': async ({ threadId, markdown }) => s.acceptSuggestion(threadId, markdown),
    'suggestions.reject': async ({ threadId }) => ({ thread: s.rejectSuggestion(threadId) }),
    'rounds.request': async ({ specId, reviewerIds, meetingAt }) => s.requestRound(specId, reviewerIds, meetingAt),
    'rounds.status': async ({ specId }) => s.roundStatus(specId),
    'reviews.pending': async ({ specId }) => ({ review: s.pendingReview(specId) }),
    'reviews.submit': async ({ specId, verdict, body }) => ({ review: s.submitReview(specId, verdict, body) }),
    'reviewPackage.export': async ({ specId, path }) => s.exportPackageTo(specId, path),
    'reviewPackage.import': async (args) => ('path' in args ? s.importPackageFile(args.path) : s.importPackage(args.json)),
  };
}
