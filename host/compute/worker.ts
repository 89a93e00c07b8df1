// The compute pool's worker thread: runs one job at a time and answers with its result as
// JSON, so the size cap is checked here, before the main thread pays for a huge result.
import { parentPort } from 'node:worker_threads';
import { jobs, type Stage } from './jobs.js';
import type { FromWorker, ToWorker } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('host/compute/worker.ts runs only as a worker thread');

port.on('message', ({ id, job, args, maxOutputChars }: ToWorker) => {
  const post = (reply: FromWorker) => port.postMessage(reply);
  post({ id, type: 'started' });
  try {
    const run = jobs[job] as (args: unknown, stage: (name: Stage) => void) => unknown;
    const json = JSON.stringify(run(args, (stage) => post({ id, type: 'stage', stage })));
    if (json.length > maxOutputChars) post({ id, type: 'too-large', chars: json.length });
    else post({ id, type: 'done', json });
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
