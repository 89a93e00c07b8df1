import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findSection } from '../../../core/review/anchor.js';
import { placementOf } from '../../../core/review/placement.js';
import type { SpecDocument } from '../../../core/spec/model.js';
import { useWorkbench } from '../state/store.js';
import { shownFindings, stateOf } from './collect.js';
import { FindingCard } from './FindingCard.js';

function sectionName(doc: SpecDocument, key: string): string {
  return findSection(doc, key)?.section.heading ?? key;
}

/** The findings of the newest run of every pass, in order, each placed against the current text. */
export function FindingList() {
  const { passes, runs, latest, anchors, states, doc, showDismissed, selected, view } = useWorkbench(
    useShallow((s) => ({
      passes: s.reviewPasses,
      runs: s.reviewRuns,
      latest: s.reviewLatest,
      anchors: s.reviewAnchors,
      states: s.reviewStates,
      doc: s.doc,
      showDismissed: s.reviewShowDismissed,
      selected: s.reviewSelected,
      view: s.view,
    })),
  );
  const shown = useMemo(() => shownFindings({ reviewPasses: passes, reviewRuns: runs, reviewLatest: latest }), [passes, runs, latest]);
  if (shown.length === 0) return null;
  const titles = new Map((passes ?? []).map((p) => [p.id, p.title]));
  const passTitle = (id: string) => (id === 'offline' ? 'Offline reviewer' : (titles.get(id) ?? id));
  const rows = shown.map((f) => ({ f, placement: placementOf(f.finding, f.runAnchor, anchors[f.finding.id]), state: stateOf(states, f) }));
  const count = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).length;
  const dismissed = count((r) => r.state === 'dismissed');
  const visible = rows.filter((r) => showDismissed || r.state !== 'dismissed');
  return (
    <section className="rf-section-block">
      <div className="rf-summary" data-testid="review-findings-summary">
        <strong>{shown.length} findings</strong>
        <span>{count((r) => r.state === 'open' && r.placement.kind === 'located')} highlighted</span>
        {count((r) => r.state === 'open' && r.placement.kind === 'outdated') > 0 && <span>{count((r) => r.state === 'open' && r.placement.kind === 'outdated')} outdated</span>}
        {count((r) => r.state === 'open' && r.placement.kind === 'not-found') > 0 && <span>{count((r) => r.state === 'open' && r.placement.kind === 'not-found')} not found</span>}
        {count((r) => r.state === 'applied') > 0 && <span>{count((r) => r.state === 'applied')} applied</span>}
        {dismissed > 0 && (
          <button className="link" data-testid="review-toggle-dismissed" onClick={() => useWorkbench.getState().reviewPatch({ reviewShowDismissed: !showDismissed })}>
            {showDismissed ? 'Hide' : 'Show'} {dismissed} dismissed
          </button>
        )}
      </div>
      <ol className="rf-list" data-testid="review-findings">
        {visible.map(({ f, placement, state }) => (
          <FindingCard
            key={f.finding.id}
            f={f}
            placement={placement}
            state={state}
            sectionTitle={sectionName(doc, f.finding.section)}
            passTitle={passTitle}
            selected={selected === f.finding.id}
            view={view}
          />
        ))}
      </ol>
    </section>
  );
}
