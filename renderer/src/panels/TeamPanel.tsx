import { useEffect, useState, type FormEvent } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';
import './team.css';

type Status = ResultOf<'teamClient.status'>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * "Connect to team…" (issue 15 FR-7): sign in to a team server, publish the open spec with its
 * history, open the team in the browser. The password goes to the host once and is not kept;
 * the session stays in the host. Local work is unaffected by any of it.
 */
export function TeamPanel() {
  const [status, setStatus] = useState<Status | null>(null);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<ResultOf<'teamClient.publish'> | null>(null);
  const library = useWorkbench((s) => s.library);
  const title = useWorkbench((s) => s.doc.meta.title);
  const notify = useWorkbench((s) => s.notify);

  useEffect(() => {
    client()
      .call('teamClient.status', {})
      .then(setStatus)
      .catch((e: unknown) => setError(message(e)));
  }, []);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const connect = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const next = await client().call('teamClient.connect', { url, email, password });
      setPassword('');
      setStatus(next);
      notify('info', `Signed in to ${next.url} as ${next.account?.name ?? email}.`);
    });
  };

  const publish = () =>
    act(async () => {
      if (!library) throw new Error('Save the spec to the library first: publishing copies its versions.');
      const result = await client().call('teamClient.publish', { specId: library.specId });
      setPublished(result);
      notify('info', `Published "${title}" with ${result.versions} version${result.versions === 1 ? '' : 's'} to the team.`);
    });

  if (!status) return <div className="team" data-testid="team-panel">{error ?? 'Loading…'}</div>;

  return (
    <div className="team" data-testid="team-panel">
      {status.connected ? (
        <>
          <p data-testid="team-status">
            Signed in to <strong>{status.url}</strong> as {status.account?.name} ({status.account?.role}).
          </p>
          <div className="team-actions">
            <button onClick={() => void publish()} disabled={busy || !library} data-testid="team-publish" title={library ? '' : 'Save the spec first'}>
              Publish this spec to the team
            </button>
            <a href={published?.url ?? status.url ?? '#'} target="_blank" rel="noreferrer" data-testid="team-open">
              Open the team in the browser
            </a>
            <button onClick={() => void act(async () => setStatus(await client().call('teamClient.disconnect', {})))} disabled={busy} data-testid="team-disconnect">
              Disconnect
            </button>
          </div>
          {published && (
            <p data-testid="team-published">
              Team spec #{published.teamSpecId}, {published.versions} version{published.versions === 1 ? '' : 's'}.
            </p>
          )}
        </>
      ) : (
        <form className="team-form" onSubmit={connect} data-testid="team-connect-form">
          <p>Connect to a team server to share specs, comments and verdicts. Local work keeps working offline.</p>
          <label>
            Team URL
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://specs.example.com" required data-testid="team-url" />
          </label>
          <label>
            Email
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required data-testid="team-email" />
          </label>
          <label>
            Password
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required data-testid="team-password" />
          </label>
          <button type="submit" disabled={busy} data-testid="team-connect">
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </form>
      )}
      {error && (
        <p className="team-error" role="alert" data-testid="team-error">
          {error}
        </p>
      )}
    </div>
  );
}
