import { useState } from 'react';

export interface DecisionInput {
  outcome: 'accepted' | 'rejected' | 'deferred';
  rationale: string;
  alternatives: Array<{ option: string; whyRejected: string }>;
  people: string[];
  /** Only for a review thread's item: resolve the thread with the decision. */
  resolveThread?: boolean;
}

/** `option: why it was rejected`, one per line. */
function parseAlternatives(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [option, ...why] = l.split(':');
      return { option: option.trim(), whyRejected: why.join(':').trim() };
    });
}

/** Outcome, rationale, alternatives and people for one agenda item. */
export function DecisionForm({ onDecide, forThread = false }: { onDecide: (d: DecisionInput) => void; forThread?: boolean }) {
  const [outcome, setOutcome] = useState<DecisionInput['outcome']>('accepted');
  const [rationale, setRationale] = useState('');
  const [alternatives, setAlternatives] = useState('');
  const [people, setPeople] = useState('');
  const [resolveThread, setResolveThread] = useState(true);
  return (
    <form
      className="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        onDecide({ outcome, rationale, alternatives: parseAlternatives(alternatives), people: people.split(',').map((p) => p.trim()).filter(Boolean), ...(forThread ? { resolveThread: resolveThread && outcome !== 'deferred' } : {}) });
      }}
    >
      <select value={outcome} onChange={(e) => setOutcome(e.target.value as DecisionInput['outcome'])} aria-label="Outcome">
        <option value="accepted">Accepted</option>
        <option value="rejected">Rejected</option>
        <option value="deferred">Deferred</option>
      </select>
      <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} placeholder="Rationale" aria-label="Rationale" required />
      <textarea value={alternatives} onChange={(e) => setAlternatives(e.target.value)} placeholder="Alternatives, one per line: option: why rejected" aria-label="Alternatives" />
      <input value={people} onChange={(e) => setPeople(e.target.value)} placeholder="People present, comma-separated" aria-label="People" />
      {forThread && (
        <label>
          <input type="checkbox" checked={resolveThread} onChange={(e) => setResolveThread(e.target.checked)} /> Resolve the review thread
        </label>
      )}
      <button type="submit">Record decision</button>
    </form>
  );
}
