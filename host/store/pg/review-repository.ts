import type { PgDatabase } from '../../db/pg/pg-database.js';
import { nowIso } from '../session.js';
import type { Actor, ReviewRepository, SpecRepository } from '../contract/store-contract.js';
import { pgReviewDb } from './reviews/context.js';
import { exportPackage, importPackage } from './reviews/package.js';
import { addReviewer, getProfile, listReviewers, pendingReview, profileName, requestRound, roundStatus, setProfile, submitReview } from './reviews/rounds.js';
import { acceptSuggestion, addThread, editComment, listThreads, rejectSuggestion, reply, setDeleted, setStatus } from './reviews/threads.js';
import { pgSpecRepository } from './spec-repository.js';

export interface PgReviewOptions {
  /** The spec repository threads are placed against (default: the one on the same pool). */
  specs?: SpecRepository;
  /** The clock every action is stamped with (tests pass their own). */
  now?: () => string;
}

/**
 * Asynchronous review on PostgreSQL, the team server's side of ReviewThreadService: every review
 * operation with the same observable behaviour, acting as `actor` (the signed-in account, a
 * `people` row with id = account id, made on first use) or, without one, as the stored profile —
 * exactly as SQLite's local profile, so the contract suite drives both backends the same way.
 */
export function pgReviewRepository(db: PgDatabase, actor?: Actor, options: PgReviewOptions = {}): ReviewRepository {
  const r = pgReviewDb(db, options.specs ?? pgSpecRepository(db), actor, options.now ?? nowIso);
  return {
    getProfile: () => getProfile(r),
    setProfile: (input) => setProfile(r, input),
    profileName: () => profileName(r),
    addReviewer: (specId, input) => addReviewer(r, specId, input),
    listReviewers: (specId) => listReviewers(r, specId),
    listThreads: (specId, opts = {}) => listThreads(r, specId, opts),
    addThread: (input) => addThread(r, input),
    reply: (threadId, body) => reply(r, threadId, body),
    editComment: (commentId, body) => editComment(r, commentId, body),
    deleteComment: (commentId) => setDeleted(r, commentId, true),
    undoDeleteComment: (commentId) => setDeleted(r, commentId, false),
    resolve: (threadId) => setStatus(r, threadId, 'resolved'),
    reopen: (threadId) => setStatus(r, threadId, 'open'),
    acceptSuggestion: (threadId, markdown) => acceptSuggestion(r, threadId, markdown),
    rejectSuggestion: (threadId) => rejectSuggestion(r, threadId),
    requestRound: (specId, reviewerIds, meetingAt) => requestRound(r, specId, reviewerIds, meetingAt),
    roundStatus: (specId) => roundStatus(r, specId),
    pendingReview: (specId) => pendingReview(r, specId),
    submitReview: (specId, verdict, body = '') => submitReview(r, specId, verdict, body),
    exportPackage: (specId) => exportPackage(r, specId),
    importPackage: (json) => importPackage(r, json),
  };
}
