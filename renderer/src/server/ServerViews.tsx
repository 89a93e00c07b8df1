import { useEffect, useRef } from 'react';
import type { ServerLogEntry } from '../../../core/contract/ops/server.js';
import type { OutboxEmail, TokenRow } from './use-server-panel.js';
import type { SignIn } from './use-sign-in.js';
import './sign-in.css';

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

/** Who the panel's "Sign in with this link" signed in, or why the server refused. */
export function SignInState({ signIn }: { signIn: SignIn | null }) {
  if (!signIn) return null;
  return signIn.state === 'signed-in' ? (
    <p className="server-signed-in" data-testid="server-signed-in" role="status">
      Signed in as <strong>{signIn.email}</strong> (user {signIn.userId}): GET /me → 200 with the session cookie.
    </p>
  ) : (
    <p className="server-error" data-testid="server-sign-in-failed" role="alert">
      Sign-in failed: {signIn.message}
    </p>
  );
}

/** Emails the server sent, with the magic link each carries: open it (the verify page) or sign in with it here. */
export function ServerOutbox({ emails, busy, onSignIn }: { emails: OutboxEmail[]; busy: boolean; onSignIn(link: string): void }) {
  return (
    <ul className="server-outbox" data-testid="server-outbox">
      {emails.length === 0 && <li className="muted">No email sent yet.</li>}
      {emails.map((e) => (
        <li key={e.id} data-testid="outbox-email">
          <strong>{e.to}</strong> — {e.subject} <span className="muted">{new Date(e.sentAt).toLocaleTimeString()}</span>
          {e.link && (
            <div className="outbox-actions">
              <a className="outbox-link" href={e.link} target="_blank" rel="noreferrer" title="Open the verify page" data-testid="outbox-link">
                {e.link}
              </a>
              <button onClick={() => onSignIn(e.link!)} disabled={busy} data-testid="outbox-sign-in">
                Sign in with this link
              </button>
            </div>
          )}
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
