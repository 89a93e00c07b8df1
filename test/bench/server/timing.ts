import { randomInt } from 'node:crypto';
import http from 'node:http';

/** Fisher-Yates with a cryptographic source, so the interleaving has no pattern the server could follow. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * POSTs one /auth/magic-link/request per email, one at a time over one keep-alive connection,
 * in a random interleaving of the two classes; resolves to each class's durations (ms).
 * Any answer but 202 aborts the measurement: a 429 would compare different code paths.
 */
export async function timeRequests(baseUrl: string, registered: readonly string[], unknown: readonly string[]): Promise<{ registered: number[]; unknown: number[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const order = shuffle([...registered.map((email) => ({ email, known: true })), ...unknown.map((email) => ({ email, known: false }))]);
  const result = { registered: [] as number[], unknown: [] as number[] };
  try {
    for (const item of order) {
      const ms = await timedPost(agent, `${baseUrl}/auth/magic-link/request`, JSON.stringify({ email: item.email }));
      (item.known ? result.registered : result.unknown).push(ms);
    }
  } finally {
    agent.destroy();
  }
  return result;
}

function timedPost(agent: http.Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (res.statusCode !== 202) reject(new Error(`expected 202, got ${res.statusCode}`));
        else resolve(ms);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
