import { useCallback, useEffect, useState } from 'react';
import type { ServerLogEntry, ServerStatus } from '../../../core/contract/ops/server.js';
import { client } from '../client/current.js';

const MAX_LINES = 1000;

/** Live status and logs of the embedded server: fetched on mount, then kept current by host events. */
export function useServer() {
  const [status, setStatus] = useState<ServerStatus | null>(null);
  const [logs, setLogs] = useState<ServerLogEntry[]>([]);
  useEffect(() => {
    let alive = true;
    void client()
      .call('server.status', {})
      .then((s) => alive && setStatus(s));
    void client()
      .call('server.logs', { limit: 500 })
      .then((r) => alive && setLogs(r.lines));
    const offStatus = client().on('server.status', (s) => setStatus(s));
    const offLog = client().on('server.log', (line) => setLogs((l) => (l.length >= MAX_LINES ? [...l.slice(-MAX_LINES + 1), line] : [...l, line])));
    return () => {
      alive = false;
      offStatus();
      offLog();
    };
  }, []);
  const clearLogs = useCallback(() => setLogs([]), []);
  return { status, logs, clearLogs, setStatus };
}
