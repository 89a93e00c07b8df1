import { useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import { SPEC_REQUIRED_QUESTIONS, type SpecRequiredAnswers, type SpecRequiredQuestionId } from '../../../core/flow/spec-required.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';
import { toPanelError } from './store-errors.js';

const NO_ANSWERS: SpecRequiredAnswers = { architecture: false, teams: false, security: false, alternatives: false, integration: false, engineers: 1, lastsMonths: 1 };

/** A whole number of at least 0 from a number field; an empty or bad field counts as 0. */
const count = (text: string) => (Number.isFinite(Number(text)) && Number(text) >= 0 ? Number(text) : 0);

interface Props {
  specId: number;
  onClose(): void;
}

/**
 * "Spec required?" (issue 14 FR-8): the framework's questions from core, answered yes/no plus
 * the rule of thumb's two numbers; saving stores the answers with the spec and shows the
 * recommendation with its reasons. The Library listing reloads so the row's badge follows.
 */
export function SpecRequiredForm({ specId, onClose }: Props) {
  const [answers, setAnswers] = useState<SpecRequiredAnswers>(NO_ANSWERS);
  const [engineers, setEngineers] = useState(String(NO_ANSWERS.engineers));
  const [months, setMonths] = useState(String(NO_ANSWERS.lastsMonths));
  const [result, setResult] = useState<ResultOf<'specRequired.save'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (id: SpecRequiredQuestionId, value: boolean) => setAnswers((a) => ({ ...a, [id]: value }));
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await client().call('specRequired.save', {
        specId,
        answers: { ...answers, engineers: Math.floor(count(engineers)), lastsMonths: count(months) },
      });
      setResult(saved);
      useWorkbench.getState().libraryChanged();
    } catch (failure) {
      setError(toPanelError(failure).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="spec-required-form"
      data-testid="spec-required-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {SPEC_REQUIRED_QUESTIONS.map((q) => (
        <label key={q.id} className="spec-required-question">
          <input type="checkbox" checked={answers[q.id]} onChange={(e) => toggle(q.id, e.target.checked)} data-testid={`spec-required-${q.id}`} />
          {q.question}
        </label>
      ))}
      <label className="spec-required-number">
        Engineers whose input the decision needs
        <input type="number" min={0} max={1000} step={1} value={engineers} onChange={(e) => setEngineers(e.target.value)} data-testid="spec-required-engineers" />
      </label>
      <label className="spec-required-number">
        Months the decision is expected to last
        <input type="number" min={0} max={1200} value={months} onChange={(e) => setMonths(e.target.value)} data-testid="spec-required-months" />
      </label>
      <div className="library-form-actions">
        <button type="submit" disabled={saving} data-testid="spec-required-save">
          Recommend
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="spec-required-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="spec-required-result" data-testid="spec-required-result" data-recommendation={result.recommendation}>
          <strong>{result.recommendation === 'spec' ? 'Write a spec' : 'No spec needed'}</strong>
          <ul>
            {result.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
