import { useEffect, useRef, useState } from 'react';
import { client } from '../client/current.js';
import { useServer } from '../server/use-server.js';
import { useWorkbench } from '../state/store.js';
import './server.css';

type Tab = 'logs' | 'outbox' | 'tokens';

interface Email {
  id: string;
  to: string;
  subject: string;
  sentAt: string;
  link: string | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Start/stop the embedded magic-link server, watch its logs, outbox and token rows, and try a link. */
export function ServerPanel() {
  const { status, logs, clearLogs, setStatus } = useServer();
  const notify = useWorkbench((s) => s.notify);
  const [defects, setDefects] = useState<Array<{ name: string; description: string }>>([]);
  const [defect, setDefect] = useState('');
  const [tab, setTab] = useState<Tab>('logs');
  const [emails, setEmails] = useState<Email[]>([]);
  const [tokens, setTokens] = useState<Array<Record<string, unknown>>>([]);
  const [email, setEmail] = useState('alice@example.com');
  const [lastReply, setLastReply] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const logEnd = useRef<HTMLDivElement>(null);
  const running = status?.state === 'running';

  useEffect(() => {
    void client()
      .call('server.defects', {})
      .then((r) => setDefects(r.defects), () => undefined);
  }, []);
  // Braces matter: newer Chromium returns a promise from scrollIntoView, and an effect may return only a cleanup function.
  useEffect(() => {
    logEnd.current?.scrollIntoView({ block: 'end' });
  }, [logs.length, tab]);

  const refresh = async (which: Tab = tab) => {
    if (!running) return;
    try {
      if (which === 'outbox') setEmails((await client().call('server.outbox', {})).emails);
      if (which === 'tokens') setTokens((await client().call('server.tokens', {})).rows);
    } catch (error) {
      notify('error', message(error));
    }
  };
  useEffect(() => {
    void refresh();
  }, [tab, running]);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (error) {
      notify('error', message(error));
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(async () => setStatus(await client().call('server.start', { port: 0, ...(defect ? { defect } : {}) })));
  const stop = () => act(async () => setStatus(await client().call('server.stop', {})));
  const requestLink = () =>
    act(async () => {
      const reply = await client().call('server.request', { method: 'POST', path: '/auth/magic-link/request', body: { email } });
      setLastReply(`${reply.status} ${JSON.stringify(reply.body)} (${reply.ms.toFixed(0)} ms)`);
      setTab('outbox');
      setEmails((await client().call('server.outbox', {})).emails);
    });

  return (
    <div className="server-panel">
      <div className="server-controls">
        <span className={`server-state server-${status?.state ?? 'stopped'}`} data-testid="server-state">
          {status?.state ?? '…'}
        </span>
        {running && status?.url && (
          <code className="server-url" data-testid="server-url">
            {status.url}
          </code>
        )}
        {running || status?.state === 'starting' || status?.state === 'stopping' ? (
          <button onClick={stop} disabled={busy || status?.state !== 'running'} data-testid="server-stop">
            Stop
          </button>
        ) : (
          <button onClick={start} disabled={busy} data-testid="server-start">
            Start
          </button>
        )}
      </div>
      <label className="server-defect">
        Variant{' '}
        <select value={defect} onChange={(e) => setDefect(e.target.value)} disabled={running} data-testid="server-defect">
          <option value="">correct implementation</option>
          {defects.map((d) => (
            <option key={d.name} value={d.name} title={d.description}>
              defect: {d.name}
            </option>
          ))}
        </select>
      </label>
      {defect && <p className="muted">{defects.find((d) => d.name === defect)?.description}</p>}
      {status?.error && <p className="server-error">{status.error}</p>}
      {running && status?.startMs != null && (
        <p className="muted">
          Started in {(status.startMs / 1000).toFixed(1)} s{status.defect ? ` with defect ${status.defect}` : ''}. Demo users: alice@example.com (password
          correct-horse-battery-staple), bob@example.com (no password), carol@example.com (suspended).
        </p>
      )}
      {running && (
        <form
          className="server-try"
          onSubmit={(e) => {
            e.preventDefault();
            void requestLink();
          }}
        >
          <input value={email} onChange={(e) => setEmail(e.target.value)} aria-label="Email" data-testid="server-email" />
          <button type="submit" disabled={busy} data-testid="server-request-link">
            Request magic link
          </button>
        </form>
      )}
      {lastReply && <p className="muted" data-testid="server-last-reply">POST /auth/magic-link/request → {lastReply}</p>}
      <div className="server-tabs" role="tablist">
        {(['logs', 'outbox', 'tokens'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)} data-testid={`server-tab-${t}`}>
            {t === 'logs' ? `Logs (${logs.length})` : t === 'outbox' ? 'Outbox' : 'magic_link_tokens'}
          </button>
        ))}
        {tab === 'logs' ? <button onClick={clearLogs}>Clear</button> : <button onClick={() => void refresh()} disabled={!running}>Refresh</button>}
      </div>
      {tab === 'logs' && (
        <div className="server-logs" data-testid="server-logs">
          {logs.map((l, i) => (
            <div key={i} className={`log log-${l.level}`}>
              <span className="log-time">{new Date(l.time).toLocaleTimeString()}</span>
              <span className="log-level">{l.level.toUpperCase()}</span>
              <span className="log-msg">{l.msg}</span>
              {Object.keys(l.fields).length > 0 && <span className="log-fields">{JSON.stringify(l.fields)}</span>}
            </div>
          ))}
          <div ref={logEnd} />
        </div>
      )}
      {tab === 'outbox' && (
        <ul className="server-outbox" data-testid="server-outbox">
          {emails.length === 0 && <li className="muted">No email sent yet.</li>}
          {emails.map((e) => (
            <li key={e.id} data-testid="outbox-email">
              <strong>{e.to}</strong> — {e.subject} <span className="muted">{new Date(e.sentAt).toLocaleTimeString()}</span>
              {e.link && <code className="outbox-link">{e.link}</code>}
            </li>
          ))}
        </ul>
      )}
      {tab === 'tokens' && (
        <div className="server-tokens" data-testid="server-tokens">
          {tokens.length === 0 ? (
            <p className="muted">No rows.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  {Object.keys(tokens[0]).map((k) => (
                    <th key={k}>{k}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tokens.map((row, i) => (
                  <tr key={i}>
                    {Object.keys(tokens[0]).map((k) => (
                      <td key={k}>{row[k] === null ? '—' : String(row[k])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
