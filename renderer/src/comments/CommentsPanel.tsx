import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReviewThread } from '../../../core/contract/ops/review-threads.js';
import { lastSelection } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';
import { commentActions, useComments, visibleThreads, type CommentFilters, type Severity, type Verdict } from './comments-store.js';
import { toDocumentRange } from './pane-offsets.js';
import { ProfileForm } from './ProfileForm.js';
import { ReviewBox } from './ReviewBox.js';
import { SinceLastReview } from './SinceLastReview.js';
import { ThreadCard } from './ThreadCard.js';
import './comments.css';

const FILTERS: Array<[keyof CommentFilters, string]> = [
  ['open', 'Open'],
  ['mine', 'Mine'],
  ['blocking', 'Blocking'],
  ['outdated', 'Outdated'],
  ['showResolved', 'Show resolved'],
];

/** Comment on the editor selection: as a comment or a suggestion, in your pending review when you are a reviewer. */
function NewCommentForm({ reviewer }: { reviewer: boolean }) {
  const [body, setBody] = useState('');
  const [severity, setSeverity] = useState<Severity>('non-blocking');
  const [suggest, setSuggest] = useState(false);
  const [replacement, setReplacement] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const submit = async () => {
    const selection = lastSelection();
    if (!selection) return setHint('Select the text to comment on in a pane first.');
    useWorkbench.getState().sync();
    const range = toDocumentRange(selection);
    if (!range) return setHint('That pane is not part of the document yet.');
    setHint(null);
    const ok = await commentActions.add({
      body: body.trim(),
      severity,
      pending: reviewer,
      start: range.start,
      end: range.end,
      markdown: useWorkbench.getState().doc.source,
      ...(suggest ? { suggestion: replacement } : {}),
    });
    if (ok) {
      setBody('');
      setReplacement('');
      setSuggest(false);
    }
  };
  return (
    <form
      className="comment-new"
      data-testid="comment-new"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea value={body} onChange={(e) => setBody(e.target.value)} placeholder="Comment on the selected text…" required data-testid="comment-body" rows={3} />
      <div className="comment-new-row">
        <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)} aria-label="Severity" data-testid="comment-severity">
          <option value="non-blocking">non-blocking</option>
          <option value="blocking">blocking</option>
          <option value="question">question</option>
        </select>
        <label>
          <input type="checkbox" checked={suggest} onChange={(e) => setSuggest(e.target.checked)} data-testid="comment-suggest" /> suggest a replacement
        </label>
        <button type="submit" className="primary" data-testid="comment-add">
          {reviewer ? 'Add to review' : 'Comment'}
        </button>
      </div>
      {suggest && <input value={replacement} onChange={(e) => setReplacement(e.target.value)} placeholder="Replacement text" aria-label="Replacement text" data-testid="comment-replacement" />}
      {hint && <p className="muted">{hint}</p>}
    </form>
  );
}

function AddReviewer() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  return (
    <form
      className="reviewer-add"
      onSubmit={(e) => {
        e.preventDefault();
        void commentActions.addReviewer(name.trim(), email.trim()).then((ok) => ok && (setName(''), setEmail('')));
      }}
    >
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Reviewer name" required data-testid="reviewer-name" />
      <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="email" required data-testid="reviewer-email" />
      <button type="submit" data-testid="reviewer-add">
        Add reviewer
      </button>
    </form>
  );
}

function groupBySection(threads: ReviewThread[]): Array<[string, ReviewThread[]]> {
  const groups = new Map<string, ReviewThread[]>();
  for (const t of threads) {
    const key = t.placement.status === 'attached' ? t.placement.section || 'Title' : 'Outdated';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups];
}

/** Review threads of the open spec by section, with filters, a new-comment form, reviewers and verdicts. */
export function CommentsPanel() {
  const specId = useWorkbench((s) => s.library?.specId ?? null);
  const state = useComments(useShallow((s) => ({ profile: s.profile, threads: s.threads, filters: s.filters, reviewers: s.reviewers, status: s.status, error: s.error })));
  useEffect(() => void useComments.getState().refresh(), [specId]);
  const shown = useMemo(() => visibleThreads(state), [state]);
  if (!state.profile) return <ProfileForm />;
  if (specId === null) return <p className="muted" data-testid="comments-unsaved">Save the spec to the library to comment on it.</p>;
  const isReviewer = state.reviewers.some((r) => r.person.id === state.profile?.id);
  return (
    <div className="comments" data-testid="comments-panel">
      <details className="comments-profile">
        <summary data-testid="comments-profile-toggle">
          Commenting as <strong data-testid="comments-profile">{state.profile.name}</strong>
          {isReviewer ? ' (reviewer)' : ''}
        </summary>
        <ProfileForm />
      </details>
      <NewCommentForm reviewer={isReviewer} />
      {state.error && (
        <p className="comments-error" role="alert" data-testid="comments-error">
          {state.error}
        </p>
      )}
      <ReviewBox reviewer={isReviewer} status={state.status} onSubmit={(verdict: Verdict, body: string) => commentActions.submit(verdict, body)} />
      <SinceLastReview specId={specId} status={state.status} profileId={state.profile.id} />
      <details className="comments-reviewers">
        <summary data-testid="reviewers-toggle">Reviewers ({state.reviewers.length})</summary>
        <ul>
          {state.reviewers.map((r) => (
            <li key={r.person.id}>
              {r.person.name} &lt;{r.person.email}&gt;
            </li>
          ))}
        </ul>
        <AddReviewer />
      </details>
      <div className="comments-filters" role="group" aria-label="Filters">
        {FILTERS.map(([key, label]) => (
          <label key={key}>
            <input type="checkbox" checked={state.filters[key]} onChange={(e) => useComments.getState().setFilter(key, e.target.checked)} data-testid={`filter-${key}`} /> {label}
          </label>
        ))}
      </div>
      {shown.length === 0 && <p className="muted" data-testid="comments-empty">No threads match.</p>}
      {groupBySection(shown).map(([section, threads]) => (
        <section key={section} className="comments-section">
          <h4>{section}</h4>
          <ul className="thread-list">
            {threads.map((t) => (
              <ThreadCard key={t.id} thread={t} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
