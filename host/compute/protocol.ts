import type { JobName, Stage } from './jobs.js';

/** A job for a worker. */
export interface ToWorker {
  id: number;
  job: JobName;
  args: unknown;
  /** The result's JSON may be no longer than this; past it the worker answers `too-large`. */
  maxOutputChars: number;
}

/** A worker's answers: `started` when it picks the job up (the budget runs from then), stages as it goes, then one outcome. */
export type FromWorker =
  | { id: number; type: 'started' }
  | { id: number; type: 'stage'; stage: Stage }
  | { id: number; type: 'done'; json: string }
  | { id: number; type: 'too-large'; chars: number }
  | { id: number; type: 'failed'; message: string };
