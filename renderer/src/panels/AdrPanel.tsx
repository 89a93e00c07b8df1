import { useCallback, useEffect, useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';
import './flow.css';

type Summary = ResultOf<'adr.list'>[number];
type Detail = ResultOf<'adr.get'>;

/** The ADR logs: a list by number and status, and an editor with the record's History; saving keeps every earlier text. */
export function AdrPanel() {
  const [adrs, setAdrs] = useState<Summary[]>([]);
  const [open, setOpen] = useState<Detail | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [lastDeleted, setLastDeleted] = useState<Summary | null>(null);
  const notify = useWorkbench((s) => s.notify);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const reload = useCallback(() => {
    client().call('adr.list', {}).then(setAdrs).catch(fail);
  }, []);
  useEffect(reload, [reload]);

  const select = (id: number) =>
    client()
      .call('adr.get', { id })
      .then((d) => {
        setOpen(d);
        setText(d.text);
      })
      .catch(fail);

  const save = async () => {
    if (!open) return;
    try {
      const saved = await client().call('adr.save', { id: open.id, text });
      setOpen(saved);
      notify('info', `Saved ADR ${saved.number ?? ''} (${saved.status}).`);
      reload();
    } catch (e) {
      fail(e);
    }
  };
  const remove = async () => {
    if (!open) return;
    try {
      setLastDeleted(await client().call('adr.delete', { id: open.id }));
      setOpen(null);
      reload();
    } catch (e) {
      fail(e);
    }
  };
  const undo = async () => {
    if (!lastDeleted) return;
    await client().call('adr.undoDelete', { id: lastDeleted.id }).catch(fail);
    setLastDeleted(null);
    reload();
  };

  return (
    <div className="adrs" data-testid="adr-pane">
      <div className="adrs-toolbar">
        <button onClick={reload}>Refresh</button>
        {lastDeleted && (
          <button onClick={() => void undo()} data-testid="adr-undo">
            Undo delete of “{lastDeleted.title}”
          </button>
        )}
      </div>
      {error && <p className="flow-error">{error}</p>}
      {adrs.length === 0 && <p className="muted">No ADRs yet. Close a decision meeting, or run `specbench adr import DIR`.</p>}
      <ul className="adr-list">
        {adrs.map((a) => (
          <li key={a.id} data-testid="adr-row" data-status={a.status}>
            <button onClick={() => void select(a.id)}>
              {a.number === null ? '' : `${String(a.number).padStart(4, '0')} `}
              {a.title}
              <span className="adr-status">{a.status}</span>
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <section data-testid="adr-editor">
          <p className="muted">
            {open.logName} / {open.fileName}
            {open.specId !== null ? ` · spec ${open.specId}${open.specVersion ? ` v${open.specVersion}` : ''}` : ''}
            {open.requirementIds.length ? ` · ${open.requirementIds.join(', ')}` : ''}
          </p>
          <textarea value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-label="ADR text" />
          <div className="adrs-toolbar">
            <button onClick={() => void save()} disabled={text === open.text}>
              Save
            </button>
            <button className="danger" onClick={() => void remove()}>
              Delete
            </button>
          </div>
          <h4>History</h4>
          <ol className="adr-history">
            {open.statusChanges.map((c, i) => (
              <li key={`s${i}`}>
                {c.at.slice(0, 16).replace('T', ' ')} {c.actor}: {c.from ?? 'created'} → {c.to}
              </li>
            ))}
            <li>{open.revisions.length} saved texts</li>
          </ol>
        </section>
      )}
    </div>
  );
}
