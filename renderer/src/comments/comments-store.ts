import { create } from 'zustand';
import type { Person, Reviewer, ReviewThread, RoundStatus, Severity, Verdict } from '../../../core/contract/ops/review-threads.js';
import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import { useWorkbench } from '../state/store.js';
import { toPaneRange, type PaneRange } from './pane-offsets.js';

export interface CommentFilters {
  open: boolean;
  mine: boolean;
  blocking: boolean;
  outdated: boolean;
  showResolved: boolean;
}

/**
 * The Comments panel's view of the host's review state: the host owns threads, verdicts and
 * rounds (and decides placement); this store caches the last answer and runs the actions.
 */
export interface CommentsState {
  specId: number | null;
  profile: Person | null;
  reviewers: Reviewer[];
  threads: ReviewThread[];
  /** The text the threads were placed in: decorations map their offsets through it. */
  placedIn: string;
  /** Where each attached thread lies in the panes, computed with the parse the threads were placed in. */
  paneRanges: Record<string, PaneRange>;
  status: RoundStatus | null;
  filters: CommentFilters;
  error: string | null;
  setFilter(name: keyof CommentFilters, value: boolean): void;
  refresh(): Promise<void>;
  run(action: () => Promise<unknown>): Promise<boolean>;
}

const specIdNow = () => useWorkbench.getState().library?.specId ?? null;

export const useComments = create<CommentsState>()((set, get) => ({
  specId: null,
  profile: null,
  reviewers: [],
  threads: [],
  placedIn: '',
  paneRanges: {},
  status: null,
  filters: { open: false, mine: false, blocking: false, outdated: false, showResolved: false },
  error: null,
  setFilter(name, value) {
    set((s) => ({ filters: { ...s.filters, [name]: value } }));
  },
  async refresh() {
    const specId = specIdNow();
    try {
      const { profile } = await client().call('profile.get', {});
      if (specId === null) {
        set({ specId, profile, reviewers: [], threads: [], status: null });
        return;
      }
      const wb = useWorkbench.getState();
      wb.sync();
      const text = useWorkbench.getState().doc.source;
      const [{ threads }, { reviewers }, status] = await Promise.all([
        client().call('threads.list', { specId, markdown: text, includeResolved: true }),
        client().call('reviewers.list', { specId }),
        client().call('rounds.status', { specId }),
      ]);
      const paneRanges: Record<string, PaneRange> = {};
      for (const t of threads) {
        const range = t.placement.status === 'attached' ? toPaneRange(t.placement.start, t.placement.end) : null;
        if (range) paneRanges[t.id] = range;
      }
      set({ specId, profile, threads, reviewers, status, placedIn: text, paneRanges, error: null });
      announce('specbench:comments-listed', { count: threads.length });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async run(action) {
    try {
      await action();
      set({ error: null });
      await get().refresh();
      return true;
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  },
}));

/** Threads the filters let through, resolved ones only with "show resolved" (and never with "open"). */
export function visibleThreads(state: Pick<CommentsState, 'threads' | 'filters' | 'profile'>): ReviewThread[] {
  const { filters } = state;
  return state.threads.filter((t) => {
    if (t.status === 'resolved' && (filters.open || !filters.showResolved)) return false;
    if (filters.mine && t.createdBy.id !== state.profile?.id && !t.comments.some((c) => c.author.id === state.profile?.id)) return false;
    if (filters.blocking && t.severity !== 'blocking') return false;
    if (filters.outdated && t.placement.status !== 'outdated') return false;
    return true;
  });
}

export interface NewComment {
  body: string;
  severity: Severity;
  suggestion?: string;
  pending: boolean;
  /** Offsets in the whole document text. */
  start: number;
  end: number;
  markdown: string;
  /** The AI review finding the comment was made from. */
  findingId?: string;
}

export const commentActions = {
  setProfile: (name: string, email: string) => useComments.getState().run(() => client().call('profile.set', { name, email })),
  addReviewer: (name: string, email: string) => {
    const specId = specIdNow();
    return specId === null ? Promise.resolve(false) : useComments.getState().run(() => client().call('reviewers.add', { specId, name, email }));
  },
  add: (input: NewComment) => {
    const specId = specIdNow();
    return specId === null ? Promise.resolve(false) : useComments.getState().run(() => client().call('threads.add', { specId, ...input }));
  },
  reply: (threadId: string, body: string) => useComments.getState().run(() => client().call('threads.reply', { threadId, body })),
  resolve: (threadId: string) => useComments.getState().run(() => client().call('threads.resolve', { threadId })),
  reopen: (threadId: string) => useComments.getState().run(() => client().call('threads.reopen', { threadId })),
  remove: (commentId: string) => useComments.getState().run(() => client().call('threads.delete', { commentId })),
  undoRemove: (commentId: string) => useComments.getState().run(() => client().call('threads.undoDelete', { commentId })),
  reject: (threadId: string) => useComments.getState().run(() => client().call('suggestions.reject', { threadId })),
  submit: (verdict: Verdict, body: string) => {
    const specId = specIdNow();
    return specId === null ? Promise.resolve(false) : useComments.getState().run(() => client().call('reviews.submit', { specId, verdict, body }));
  },
};

export type { Severity, Verdict };
