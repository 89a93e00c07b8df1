import type { SpecStore } from '../spec-store.js';
import type { ReviewThreadService } from '../../review-threads/service.js';
import type { DecisionStore } from '../decisions.js';

/**
 * The store contract (issue 15 FR-1): every store operation, asynchronous, so one definition has
 * two implementations — SQLite (`sqlite-store.ts`, the local library, wrapping the synchronous
 * classes unchanged) and PostgreSQL (`host/store/pg/`, the team server). The signatures are
 * derived from the SQLite classes, so the two cannot drift apart: a change to a method there is
 * a compile error in the PostgreSQL implementation until it follows.
 *
 * `test/host/store/contract/` runs one suite against both implementations.
 */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** Library, versions, drafts, search, AI-finding states and validation results. */
export type SpecOps =
  | 'listSpecs'
  | 'getSpec'
  | 'createSpec'
  | 'renameSpec'
  | 'setArchived'
  | 'trashSpec'
  | 'restoreSpec'
  | 'emptyTrash'
  | 'saveVersion'
  | 'listVersions'
  | 'getVersion'
  | 'restoreVersion'
  | 'diffVersions'
  | 'saveDraft'
  | 'loadDraft'
  | 'discardDraft'
  | 'search'
  | 'setFindingState'
  | 'listFindingStates'
  | 'recordValidationRun'
  | 'listValidationRuns';
export type SpecRepository = Async<Pick<SpecStore, SpecOps>>;

/**
 * Asynchronous review: people, reviewers, anchored threads and comments, suggestions, rounds,
 * pending reviews and verdicts, `.specreview` packages as JSON. The acting person is the
 * repository's: the local profile in SQLite, the signed-in account on the team server.
 */
export type ReviewOps =
  | 'getProfile'
  | 'setProfile'
  | 'profileName'
  | 'addReviewer'
  | 'listReviewers'
  | 'listThreads'
  | 'addThread'
  | 'reply'
  | 'editComment'
  | 'deleteComment'
  | 'undoDeleteComment'
  | 'resolve'
  | 'reopen'
  | 'acceptSuggestion'
  | 'rejectSuggestion'
  | 'requestRound'
  | 'roundStatus'
  | 'pendingReview'
  | 'submitReview'
  | 'exportPackage'
  | 'importPackage';
export type ReviewRepository = Async<Pick<ReviewThreadService, ReviewOps>>;

/** Decisions, ADR logs and texts, meetings and agenda items, lifecycle transitions, "spec required?". */
export type DecisionOps = Exclude<keyof DecisionStore, 'transaction'>;
export type DecisionRepository = Async<Pick<DecisionStore, DecisionOps>>;

/** The acting person of a review repository (the team server's signed-in account). */
export interface Actor {
  id: string;
  name: string;
  email: string;
}

export interface StoreContract {
  readonly dialect: 'sqlite' | 'postgres';
  specs: SpecRepository;
  /** The review repository acting as `actor`; SQLite ignores it and acts as the local profile. */
  reviews(actor?: Actor): ReviewRepository;
  decisions: DecisionRepository;
  close(): Promise<void>;
}
