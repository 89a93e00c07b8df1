import { addSpecMember } from '../../db/pg/queries/access.js';
import type { ReviewThread } from '../../../core/contract/ops/review-threads.js';
import type { TeamCallContext, TeamHandlers } from './registry.js';
import { refusePath } from './not-in-team-mode.js';

/** After any change to a thread: the windows showing that spec re-list its threads. */
async function threadChanged(ctx: TeamCallContext, thread: ReviewThread): Promise<{ thread: ReviewThread }> {
  await ctx.publish('team.threadsChanged', { specId: thread.specId }, thread.specId);
  return { thread };
}

/**
 * Asynchronous review on the team server: the review repository acts as the signed-in account
 * (its person id is the account id), so "your own comment" and "your pending review" are the
 * caller's. Inviting a reviewer also records the membership that lets them comment (FR-4).
 */
export const reviewHandlers: TeamHandlers = {
  'reviewers.add': async (ctx, { specId, name, email }) => {
    const reviewers = await ctx.reviews.addReviewer(specId, { name, email });
    // After the reviewer row exists; inviting again is harmless, so a retry mends a failed second write.
    await addSpecMember(ctx.store.db, { specId, email, addedBy: ctx.actor.account.id, at: ctx.now() });
    return { reviewers };
  },
  'reviewers.list': async ({ reviews }, { specId }) => ({ reviewers: await reviews.listReviewers(specId) }),
  'threads.list': async ({ reviews }, { specId, markdown, includeResolved }) => ({ threads: await reviews.listThreads(specId, { markdown, includeResolved }) }),
  'threads.add': async (ctx, args) => threadChanged(ctx, await ctx.reviews.addThread(args)),
  'threads.reply': async (ctx, { threadId, body }) => threadChanged(ctx, await ctx.reviews.reply(threadId, body)),
  'threads.edit': async (ctx, { commentId, body }) => threadChanged(ctx, await ctx.reviews.editComment(commentId, body)),
  'threads.delete': async (ctx, { commentId }) => threadChanged(ctx, await ctx.reviews.deleteComment(commentId)),
  'threads.undoDelete': async (ctx, { commentId }) => threadChanged(ctx, await ctx.reviews.undoDeleteComment(commentId)),
  'threads.resolve': async (ctx, { threadId }) => threadChanged(ctx, await ctx.reviews.resolve(threadId)),
  'threads.reopen': async (ctx, { threadId }) => threadChanged(ctx, await ctx.reviews.reopen(threadId)),
  'suggestions.accept': async (ctx, { threadId, markdown }) => {
    const result = await ctx.reviews.acceptSuggestion(threadId, markdown);
    await threadChanged(ctx, result.thread);
    return result;
  },
  'suggestions.reject': async (ctx, { threadId }) => threadChanged(ctx, await ctx.reviews.rejectSuggestion(threadId)),
  'rounds.request': async (ctx, { specId, reviewerIds, meetingAt }) => {
    const result = await ctx.reviews.requestRound(specId, reviewerIds, meetingAt);
    return result;
  },
  'rounds.status': async ({ reviews }, { specId }) => reviews.roundStatus(specId),
  'reviews.pending': async ({ reviews }, { specId }) => ({ review: await reviews.pendingReview(specId) }),
  'reviews.submit': async (ctx, { specId, verdict, body }) => {
    const review = await ctx.reviews.submitReview(specId, verdict, body);
    await ctx.publish('team.reviewSubmitted', { specId }, specId);
    // Submitting publishes the review's pending threads too.
    await ctx.publish('team.threadsChanged', { specId }, specId);
    return { review };
  },
  'reviewPackage.export': async ({ reviews }, { specId, path }) => {
    refusePath('reviewPackage.export', path);
    const pkg = await reviews.exportPackage(specId);
    return { json: `${JSON.stringify(pkg, null, 2)}\n`, path: null, threads: pkg.threads.length };
  },
};
