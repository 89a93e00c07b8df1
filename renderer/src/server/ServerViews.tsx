import { useEffect, useRef } from 'react';
import type { ServerLogEntry } from '../../../core/contract/ops/server.js';
import type { OutboxEmail, TokenRow } from './use-server-panel.js';

/** The server's log lines, kept scrolled to the newest. */
export function ServerLogs({ logs }: { logs: ServerLogEntry[] }) {
  const logEnd = useRef<HTMLDivElement>(null);
  // Braces matter: newer Chromium returns a promise from scrollIntoView, and an effect may return only a cleanup function.
  useEffect(() => {
    logEnd.current?.scrollIntoView({ block: 'end' });
  }, [logs.length]);
  return (
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
  );
}

/** Emails the server sent, with the magic link each carries. */
export function ServerOutbox({ emails }: { emails: OutboxEmail[] }) {
  return (
    <ul className="server-outbox" data-testid="server-outbox">
      {emails.length === 0 && <li className="muted">No email sent yet.</li>}
      {emails.map((e) => (
        <li key={e.id} data-testid="outbox-email">
          <strong>{e.to}</strong> — {e.subject} <span className="muted">{new Date(e.sentAt).toLocaleTimeString()}</span>
          {e.link && <code className="outbox-link">{e.link}</code>}
        </li>
      ))}
    </ul>
  );
}

/** The magic_link_tokens rows as stored. */
export function ServerTokens({ tokens }: { tokens: TokenRow[] }) {
  if (tokens.length === 0) {
    return (
      <div className="server-tokens" data-testid="server-tokens">
        <p className="muted">No rows.</p>
      </div>
    );
  }
  const columns = Object.keys(tokens[0]);
  return (
    <div className="server-tokens" data-testid="server-tokens">
      <table>
        <thead>
          <tr>
            {columns.map((k) => (
              <th key={k}>{k}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map((row, i) => (
            <tr key={i}>
              {columns.map((k) => (
                <td key={k}>{row[k] === null ? '—' : String(row[k])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
