import { useState } from 'react';

export interface DecisionInput {
  outcome: 'accepted' | 'rejected' | 'deferred';
  rationale: string;
  alternatives: Array<{ option: string; whyRejected: string }>;
  people: string[];
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
export function DecisionForm({ onDecide }: { onDecide: (d: DecisionInput) => void }) {
  const [outcome, setOutcome] = useState<DecisionInput['outcome']>('accepted');
  const [rationale, setRationale] = useState('');
  const [alternatives, setAlternatives] = useState('');
  const [people, setPeople] = useState('');
  return (
    <form
      className="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        onDecide({ outcome, rationale, alternatives: parseAlternatives(alternatives), people: people.split(',').map((p) => p.trim()).filter(Boolean) });
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
      <button type="submit">Record decision</button>
    </form>
  );
}
