import { unwrap, type SpecbenchClient } from '../../../core/contract/client.js';
import type { Envelope } from '../../../core/contract/define.js';
import type { ResultOf } from '../../../core/contract/operations.js';

/** Browser mode: `POST /api/<operation>` with the page's session token; events over SSE. */
export function createHttpClient(token: string, base = ''): SpecbenchClient {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensureSource = () => {
    if (source) return source;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    return source;
  };
  return {
    async call(name, args) {
      const response = await fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Specbench-Token': token },
        body: JSON.stringify(args ?? {}),
      });
      const envelope = (await response.json()) as Envelope<ResultOf<typeof name>>;
      return unwrap(envelope);
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(name, created);
        set = created;
        ensureSource().addEventListener(name, (event) => {
          const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
          for (const l of created) l(payload);
        });
      }
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
  };
}
