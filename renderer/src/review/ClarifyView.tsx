import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ResultOf } from '../../../core/contract/operations.js';
import { findSection } from '../../../core/review/anchor.js';
import { useWorkbench } from '../state/store.js';
import { formatCost } from './format.js';
import { applyClarifyAnswer, loadClarify, skipClarifyQuestion } from './clarify-actions.js';

type Question = ResultOf<'review.clarify'>['questions'][number];

/** One question: the recommended answer preselected, the alternatives, or the author's own words. */
function QuestionCard({ q, position, total }: { q: Question; position: number; total: number }) {
  const options = [q.recommended, ...q.alternatives];
  const [choice, setChoice] = useState(0);
  const [own, setOwn] = useState('');
  const [busy, setBusy] = useState(false);
  const section = useWorkbench((s) => findSection(s.doc, q.section)?.section.heading ?? q.section);
  const answered = useWorkbench((s) => s.reviewClarify.outcome[q.id] === 'applied');
  const answer = choice === options.length ? own.trim() : options[choice];
  const apply = async () => {
    setBusy(true);
    try {
      await applyClarifyAnswer(q.id, answer);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cq" data-testid="clarify-question" data-question-id={q.id}>
      <div className="cq-head">
        <span>
          Question {position} of {total}
        </span>
        <span className="muted">about {section}</span>
        {q.offline && <span className="tag rf-offline">offline</span>}
      </div>
      <p className="cq-question">{q.question}</p>
      {q.quote && <blockquote className="cq-quote">{q.quote}</blockquote>}
      {q.why && <p className="cq-why muted">{q.why}</p>}
      <fieldset className="cq-options">
        <legend>Answer</legend>
        {options.map((text, i) => (
          <label key={i} className={`cq-option${choice === i ? ' cq-chosen' : ''}`}>
            <input type="radio" name={`cq-${q.id}`} checked={choice === i} onChange={() => setChoice(i)} data-testid={i === 0 ? 'clarify-recommended' : 'clarify-alternative'} />
            <span>
              {i === 0 && <strong className="cq-rec">Recommended </strong>}
              {text}
            </span>
          </label>
        ))}
        <label className={`cq-option${choice === options.length ? ' cq-chosen' : ''}`}>
          <input type="radio" name={`cq-${q.id}`} checked={choice === options.length} onChange={() => setChoice(options.length)} />
          <span>Your own answer</span>
        </label>
        {choice === options.length && <textarea value={own} onChange={(e) => setOwn(e.target.value)} rows={3} maxLength={2000} placeholder="Write the answer as a sentence for the spec" data-testid="clarify-own" />}
      </fieldset>
      {answered && <p className="muted">An answer to this question is already in the spec; applying another adds it as well.</p>}
      <div className="rs-buttons">
        <button onClick={() => skipClarifyQuestion(q.id)} disabled={busy}>
          Skip
        </button>
        <button className="primary" onClick={() => void apply()} disabled={busy || answer === ''} data-testid="clarify-apply">
          Apply answer
        </button>
      </div>
    </div>
  );
}

/** Clarify (FR-5a): at most five questions about open decisions, one at a time, answers written into the spec. */
export function ClarifyView() {
  const { clarify, keyConfigured } = useWorkbench(useShallow((s) => ({ clarify: s.reviewClarify, keyConfigured: !!s.reviewSettings?.keyConfigured })));
  const { status, questions, index, outcome } = clarify;
  const back = () => useWorkbench.setState((s) => ({ reviewClarify: { ...s.reviewClarify, index: Math.max(0, s.reviewClarify.index - 1) } }));
  return (
    <div className="clarify" data-testid="clarify">
      <p className="muted">
        Clarify asks up to five questions about decisions the spec leaves open. The answer you pick is written into the section it concerns and listed under “Clarifications”.
        {!keyConfigured && ' Without an API key the questions come from the offline catalogue.'}
      </p>
      {status !== 'loading' && (
        <button onClick={() => void loadClarify()} data-testid="clarify-ask">
          {status === 'idle' ? 'Ask questions' : 'Ask again'}
        </button>
      )}
      {status === 'loading' && <p className="muted review-busy">Looking for open decisions…</p>}
      {clarify.error && (
        <p className="rs-error" role="alert">
          {clarify.error}
        </p>
      )}
      {status === 'ready' && (
        <>
          <p className="muted">
            {clarify.mode === 'offline' ? 'Offline questions' : 'Questions from the model'}
            {clarify.cost && clarify.mode === 'online' && ` · ${formatCost(clarify.cost)}`}
          </p>
          {questions.length === 0 && !clarify.error && <p data-testid="clarify-none">No open decisions found.</p>}
          {index < questions.length && <QuestionCard key={questions[index].id} q={questions[index]} position={index + 1} total={questions.length} />}
          {index > 0 && index <= questions.length && (
            <button className="link" onClick={back}>
              ← Previous question
            </button>
          )}
          {questions.length > 0 && index >= questions.length && (
            <p data-testid="clarify-done">
              Done: {Object.values(outcome).filter((o) => o === 'applied').length} answered, {Object.values(outcome).filter((o) => o === 'skipped').length} skipped.
            </p>
          )}
        </>
      )}
    </div>
  );
}
