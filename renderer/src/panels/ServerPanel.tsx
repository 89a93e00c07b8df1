import { useState } from 'react';
import { ServerLogs, ServerOutbox, ServerTokens, SignInState } from '../server/ServerViews.js';
import { useServerPanel } from '../server/use-server-panel.js';
import './server.css';

/** Start/stop the embedded magic-link server, watch its logs, outbox and token rows, and try a link. */
export function ServerPanel() {
  const server = useServerPanel();
  const { status, running, busy, tab, logs, defects } = server;
  const [defect, setDefect] = useState('');
  const [email, setEmail] = useState('alice@example.com');

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
          <button onClick={() => void server.stop()} disabled={status?.state === 'stopping'} data-testid="server-stop">
            Stop
          </button>
        ) : (
          <button onClick={() => void server.start(defect)} disabled={busy} data-testid="server-start">
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
            void server.requestLink(email);
          }}
        >
          <input value={email} onChange={(e) => setEmail(e.target.value)} aria-label="Email" data-testid="server-email" />
          <button type="submit" disabled={busy} data-testid="server-request-link">
            Request magic link
          </button>
        </form>
      )}
      {server.lastReply && <p className="muted" data-testid="server-last-reply">POST /auth/magic-link/request → {server.lastReply}</p>}
      <SignInState signIn={server.signIn} />
      <div className="server-tabs" role="tablist">
        {(['logs', 'outbox', 'tokens'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => server.setTab(t)} data-testid={`server-tab-${t}`}>
            {t === 'logs' ? `Logs (${logs.length})` : t === 'outbox' ? 'Outbox' : 'magic_link_tokens'}
          </button>
        ))}
        {tab === 'logs' ? <button onClick={server.clearLogs}>Clear</button> : <button onClick={() => void server.refresh()} disabled={!running}>Refresh</button>}
      </div>
      {tab === 'logs' && <ServerLogs logs={logs} />}
      {tab === 'outbox' && <ServerOutbox emails={server.emails} busy={busy} onSignIn={(link) => void server.signInWith(link)} />}
      {tab === 'tokens' && <ServerTokens tokens={server.tokens} />}
    </div>
  );
}
