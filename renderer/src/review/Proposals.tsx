import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findSection } from '../../../core/review/anchor.js';
import { getTemplate } from '../../../core/templates/index.js';
import { useWorkbench } from '../state/store.js';
import { latestResults } from './collect.js';

/** Draft passes' proposals, each opening as a diff against the section. */
export function Proposals() {
  const { passes, runs, latest, doc } = useWorkbench(useShallow((s) => ({ passes: s.reviewPasses, runs: s.reviewRuns, latest: s.reviewLatest, doc: s.doc })));
  const sectionTitle = (key: string) => findSection(doc, key)?.section.heading ?? getTemplate(doc.template).sections.find((t) => t.key === key)?.title ?? key;
  const drafts = useMemo(() => latestResults(passes, runs, latest).filter(({ pass }) => (pass.done?.proposals.length ?? 0) > 0 || (pass.done?.openQuestions.length ?? 0) > 0), [passes, runs, latest]);
  if (drafts.length === 0) return null;
  return (
    <section className="review-proposals" data-testid="review-proposals">
      <h3>Proposed text</h3>
      {drafts.map(({ run, pass }) => (
        <div key={`${run.runId}:${pass.passId}`} className="rpp">
          <div className="rpp-pass">{pass.title}</div>
          <ul>
            {pass.done!.proposals.map((p, i) => (
              <li key={i} className="rpp-item">
                <span>
                  <strong>{sectionTitle(p.section)}</strong>
                  {p.rationale && <span className="muted"> — {p.rationale}</span>}
                </span>
                <button data-testid="review-open-draft" onClick={() => useWorkbench.getState().reviewPatch({ reviewDraft: { runId: run.runId, passId: pass.passId, index: i } })}>
                  Review diff
                </button>
              </li>
            ))}
          </ul>
          {pass.done!.openQuestions.length > 0 && (
            <>
              <div className="muted">Open questions</div>
              <ul className="rpp-questions">
                {pass.done!.openQuestions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
