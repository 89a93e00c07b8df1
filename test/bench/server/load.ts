import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

/**
 * autocannon on loopback: `amount` POSTs to `path`, each with the next body from `nextBody`
 * (distinct emails or tokens), over `connections` connections. Latencies are taken from every
 * response at full precision (autocannon's own histogram keeps whole milliseconds of 2xx only).
 */
export async function loadTest(url: string, path: string, amount: number, nextBody: () => string, connections = 50): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url,
    connections,
    amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });
  let lastResponse = process.hrtime.bigint();
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    lastResponse = process.hrtime.bigint();
    latencies.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const started = process.hrtime.bigint();
  const result = await instance;
  // autocannon notices the end on its once-a-second tick, so its duration is whole seconds: measure to the last answer.
  const seconds = Number(lastResponse - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    errors: result.errors,
  };
}
