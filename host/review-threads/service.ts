import { writeFile } from 'node:fs/promises';
import type { Severity, Verdict } from '../../core/contract/ops/review-threads.js';
import { readRegularFile } from '../files/read-limited.js';
import { HostError } from '../common/host-error.js';
import { nowIso } from '../store/session.js';
import type { SpecStore } from '../store/spec-store.js';
import { reviewDb, type ReviewDb } from './context.js';
import { exportPackage, importPackage } from './review-package.js';
import { addReviewer, getProfile, listReviewers, pendingReview, requestRound, roundStatus, setProfile, submitReview } from './rounds.js';
import { acceptSuggestion, addThread, editComment, listThreads, rejectSuggestion, reply, setDeleted, setStatus, type AddThreadInput } from './threads.js';

/**
 * Asynchronous review over the spec store (issue 13): profile, reviewers, anchored threads,
 * suggestions, rounds, pending reviews and verdicts, `.specreview` packages. One per host
 * process, created in `createHostServices`; its tables live in the store's database.
 */
export class ReviewThreadService {
  constructor(
    private readonly store: SpecStore,
    /** The clock every action is stamped with (tests pass their own). */
    private readonly now: () => string = nowIso,
  ) {}

  private get r(): ReviewDb {
    return reviewDb(this.store, this.now);
  }

  getProfile = () => getProfile(this.r);
  setProfile = (input: { name: string; email: string }) => setProfile(this.r, input);
  /** The profile's name, for History's author column; null before a profile is set. */
  profileName = (): string | null => getProfile(this.r)?.name ?? null;
  addReviewer = (specId: number, input: { name: string; email: string }) => addReviewer(this.r, specId, input);
  listReviewers = (specId: number) => listReviewers(this.r, specId);
  listThreads = (specId: number, options: { markdown?: string; includeResolved?: boolean } = {}) => listThreads(this.r, specId, options);
  addThread = (input: AddThreadInput) => addThread(this.r, input);
  reply = (threadId: string, body: string) => reply(this.r, threadId, body);
  editComment = (commentId: string, body: string) => editComment(this.r, commentId, body);
  deleteComment = (commentId: string) => setDeleted(this.r, commentId, true);
  undoDeleteComment = (commentId: string) => setDeleted(this.r, commentId, false);
  resolve = (threadId: string) => setStatus(this.r, threadId, 'resolved');
  reopen = (threadId: string) => setStatus(this.r, threadId, 'open');
  acceptSuggestion = (threadId: string, markdown: string) => acceptSuggestion(this.r, threadId, markdown);
  rejectSuggestion = (threadId: string) => rejectSuggestion(this.r, threadId);
  requestRound = (specId: number, reviewerIds: string[], meetingAt?: string) => requestRound(this.r, specId, reviewerIds, meetingAt);
  roundStatus = (specId: number) => roundStatus(this.r, specId);
  pendingReview = (specId: number) => pendingReview(this.r, specId);
  submitReview = (specId: number, verdict: Verdict, body = '') => submitReview(this.r, specId, verdict, body);
  exportPackage = (specId: number) => exportPackage(this.r, specId);

  async exportPackageTo(specId: number, path?: string): Promise<{ json: string; path: string | null; threads: number }> {
    const pkg = exportPackage(this.r, specId);
    const json = `${JSON.stringify(pkg, null, 2)}\n`;
    if (path) await writeFile(path, json, 'utf8');
    return { json, path: path ?? null, threads: pkg.threads.length };
  }

  importPackage = (json: string) => importPackage(this.r, json);

  async importPackageFile(path: string) {
    const read = await readRegularFile(path, PACKAGE_LIMIT);
    if (!read.ok) throw new HostError('FILE_TOO_LARGE', `${path} is larger than the ${PACKAGE_LIMIT / 1024 / 1024} MB a review package may be`);
    return importPackage(this.r, new TextDecoder('utf-8', { fatal: false }).decode(read.bytes));
  }
}

const PACKAGE_LIMIT = 50 * 1024 * 1024;

export type { Severity };
