/**
 * Every app event the renderer announces, with its payload: the one place the names live.
 *
 * These are signals for observers outside React (end-to-end tests wait on them, the way VS Code's
 * smoke tests wait on named events); they are never the way one part of the app tells another to
 * refresh — that goes through the zustand store's state and subscriptions.
 */
export interface AppEvents {
  'specbench:panes-ready': undefined;
  'specbench:opened': string;
  'specbench:saved': string;
  'specbench:autosaved': undefined;
  'specbench:versioned': undefined;
  /** A stale save met a conflict: the merge view opened with this many sections. */
  'specbench:merge-conflict': number;
  /** A stale save merged cleanly with this head version number. */
  'specbench:merged': number;
  'specbench:restored': { specId: number; from: number; version: number };
  'specbench:library-opened': number;
  'specbench:library-listed': undefined;
  'specbench:history-listed': number;
  'specbench:diff-ready': string;
  'specbench:linted': undefined;
  'specbench:review-started': { runId: string; passIds: string[] };
  'specbench:review-finding': { runId: string; passId: string; findingId: string };
  'specbench:review-pass-done': { runId: string; passId: string; status: string };
  'specbench:review-done': { runId: string };
  'specbench:review-decorated': { count: number };
  'specbench:review-applied': { findingId: string };
  'specbench:clarify-applied': { questionId: string; how: string };
  'specbench:brief-copied': undefined;
  'specbench:draft-diff': { hunks: number };
  'specbench:draft-accepted': { section: string };
  'specbench:comments-listed': { count: number };
  'specbench:comments-decorated': { count: number };
  'specbench:validate-progress': { done: number; total: number };
  'specbench:validate-done': { passed: number; total: number; score: string | null };
  'specbench:validate-decorated': { count: number };
  'specbench:curl-copied': { id: string };
  'specbench:suggestion-inserted': { id: string };
  /** A team server's live event was acted on (after the reloads it started were requested). */
  'specbench:team-event': { name: string; specId: number | null };
  /** Who else has the open spec open, as now shown. */
  'specbench:presence': { others: number };
}

export type AppEventName = keyof AppEvents;

/** Announces `name` on `window` for outside observers; a no-op where there is no window (unit tests). */
export function announce<K extends AppEventName>(name: K, ...payload: AppEvents[K] extends undefined ? [] : [AppEvents[K]]): void {
  if (typeof window === 'undefined') return;
  window.dispatchEvent(new CustomEvent(name, { detail: payload[0] }));
}
