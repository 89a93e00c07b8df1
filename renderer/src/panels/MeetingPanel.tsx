import { useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import { client } from '../client/current.js';
import { DecisionForm, type DecisionInput } from '../flow/DecisionForm.js';
import { clock, useTimer } from '../flow/use-timer.js';
import { download } from '../state/file-actions.js';
import { useWorkbench } from '../state/store.js';
import './flow.css';

type Meeting = ResultOf<'meeting.get'>;

/** Which item the elapsed time falls in, walking the items' minutes in order. */
function currentItem(meeting: Meeting, elapsed: number): number | null {
  let end = 0;
  for (const item of meeting.items) {
    end += item.minutes * 60;
    if (elapsed < end) return item.id;
  }
  return null;
}

/** The 30-minute decision meeting for the open spec: agenda from what is open, a timer, decisions, close into ADRs. */
export function MeetingPanel() {
  const specId = useWorkbench((s) => s.library?.specId ?? null);
  const notify = useWorkbench((s) => s.notify);
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [manual, setManual] = useState('');
  const [adrs, setAdrs] = useState<ResultOf<'meeting.close'>['adrs']>([]);
  const [error, setError] = useState<string | null>(null);
  const timer = useTimer();
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const open = async () => {
    try {
      const items = manual.split('\n').map((t) => t.trim()).filter(Boolean).map((title) => ({ title }));
      setMeeting(await client().call('meeting.open', { ...(specId !== null ? { specId } : {}), manualItems: items }));
      setAdrs([]);
      timer.reset();
      setError(null);
    } catch (e) {
      fail(e);
    }
  };
  const decide = async (itemId: number, d: DecisionInput) => {
    try {
      setMeeting(await client().call('meeting.decide', { itemId, ...d }));
    } catch (e) {
      fail(e);
    }
  };
  const close = async () => {
    if (!meeting) return;
    try {
      const closed = await client().call('meeting.close', { id: meeting.id });
      setMeeting(closed.meeting);
      setAdrs(closed.adrs);
      notify('info', `Meeting closed: ${closed.adrs.length} ADRs written.`);
    } catch (e) {
      fail(e);
    }
  };
  const exportAgenda = async () => {
    if (!meeting) return;
    const { markdown } = await client().call('meeting.agendaMarkdown', { id: meeting.id });
    download(`agenda-round-${meeting.round}.md`, markdown);
  };

  const remaining = (meeting?.durationMinutes ?? 30) * 60 - timer.elapsed;
  const current = meeting ? currentItem(meeting, timer.elapsed) : null;

  return (
    <div className="meeting" data-testid="meeting-view">
      {error && <p className="flow-error">{error}</p>}
      {!meeting || meeting.state === 'closed' ? (
        <section className="decision-form">
          <p className="muted">{specId === null ? 'No library spec is open: the meeting will not be linked to a spec.' : `Next decision meeting for spec ${specId}.`}</p>
          <textarea value={manual} onChange={(e) => setManual(e.target.value)} placeholder="Items to add by hand, one per line" aria-label="Manual items" />
          <button onClick={() => void open()} data-testid="meeting-open">
            Open meeting
          </button>
        </section>
      ) : null}
      {meeting && (
        <>
          <div className="meeting-toolbar">
            <strong>{meeting.title}</strong>
            <span className="muted">round {meeting.round}</span>
          </div>
          <div className="meeting-toolbar">
            <span className={`meeting-timer ${remaining < 0 ? 'meeting-timer-over' : ''}`} data-testid="meeting-timer">
              {clock(remaining)}
            </span>
            <button onClick={timer.toggle} disabled={meeting.state === 'closed'}>
              {timer.running ? 'Pause' : 'Start'}
            </button>
            <button onClick={() => void exportAgenda()}>Agenda as Markdown</button>
            {meeting.state === 'open' && (
              <button onClick={() => void close()} data-testid="meeting-close">
                Close meeting
              </button>
            )}
          </div>
          {meeting.providerNotes.map((n) => (
            <p key={n} className="muted">
              Not on the agenda: {n}
            </p>
          ))}
          <ol className="agenda">
            {meeting.items.map((item) => {
              const decision = meeting.decisions.find((d) => d.agendaItemId === item.id);
              return (
                <li key={item.id} className={`agenda-item ${current === item.id && timer.running ? 'agenda-item-current' : ''}`} data-testid="agenda-item" data-state={item.state}>
                  <div className="agenda-item-head">
                    <strong>{item.title}</strong>
                    <span className="muted">
                      {item.minutes} min · {item.sourceKind}
                    </span>
                  </div>
                  {item.detail && <span className="muted">{item.detail}</span>}
                  {decision ? (
                    <span>
                      <strong>{decision.outcome}</strong>: {decision.rationale}
                    </span>
                  ) : meeting.state === 'open' ? (
                    <DecisionForm forThread={item.sourceKind === 'thread'} onDecide={(d) => void decide(item.id, d)} />
                  ) : (
                    <span className="muted">deferred to the next round</span>
                  )}
                </li>
              );
            })}
          </ol>
          {adrs.length > 0 && (
            <ul className="adr-list">
              {adrs.map((a) => (
                <li key={a.id}>
                  ADR {a.number}: {a.title} <span className="adr-status">{a.status}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
