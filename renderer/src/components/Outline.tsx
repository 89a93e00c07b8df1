import { useShallow } from 'zustand/react/shallow';
import { countSpec } from '../../../core/spec/summary.js';
import { countSectionItems } from '../lib/counts.js';
import { useWorkbench } from '../state/store.js';

/** Sections with what they hold; clicking one brings its pane into view. */
export function Outline() {
  const { panes, doc } = useWorkbench(useShallow((s) => ({ panes: s.panes, doc: s.doc })));
  const counts = countSpec(doc);
  const jump = (paneId: string) => {
    if (useWorkbench.getState().collapsed[paneId]) useWorkbench.getState().toggleCollapsed(paneId);
    document.getElementById(`pane-${paneId}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  return (
    <nav className="outline" aria-label="Outline">
      <div className="outline-totals" data-testid="outline-counts">
        <span data-count="fr">{counts.fr} FR</span>
        <span data-count="nfr">{counts.nfr} NFR</span>
        <span data-count="rows">{counts.rows} edge cases</span>
        <span data-count="ac">{counts.ac} AC</span>
      </div>
      <ol>
        {panes.map((pane) => {
          const section = pane.sectionIndex === null ? null : doc.sections[pane.sectionIndex];
          return (
            <li key={pane.id} className={section ? '' : 'missing'}>
              <button onClick={() => jump(pane.id)} data-testid={`outline-${pane.id}`}>
                <span className="outline-title">{pane.title}</span>
                <span className="outline-count">{section ? countSectionItems(section) : 'empty'}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
