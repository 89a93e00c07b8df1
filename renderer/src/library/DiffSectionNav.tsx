import type { ResultOf } from '../../../core/contract/operations.js';
import { WHOLE_DOCUMENT } from '../../../core/present/diff-texts.js';

type DiffSection = ResultOf<'versions.diff'>['sections'][number];

/** The diff view's choice: the whole document (with how many sections changed) or one section. */
export function DiffSectionNav({ sections, selected, onSelect }: { sections: DiffSection[]; selected: string; onSelect(key: string): void }) {
  const changedCount = sections.filter((s) => s.change !== 'unchanged').length;
  return (
    <nav className="diff-sections" aria-label="Show">
      <button aria-pressed={selected === WHOLE_DOCUMENT} onClick={() => onSelect(WHOLE_DOCUMENT)} data-testid="diff-section" data-key="document">
        <span>Whole document</span>
        <span className="muted">{changedCount} changed</span>
      </button>
      {sections.map((s) => (
        <button
          key={s.key}
          aria-pressed={selected === s.key}
          className={`diff-section diff-${s.change}`}
          onClick={() => onSelect(s.key)}
          data-testid="diff-section"
          data-key={s.key}
          data-change={s.change}
        >
          <span>{s.heading}</span>
          <span className={`change-kind change-${s.change}`}>{s.change}</span>
        </button>
      ))}
    </nav>
  );
}

/** The semantic summary above the diff: one line per changed section, requirement or edge case. */
export function DiffSummary({ description }: { description: string[] }) {
  return (
    <div className="diff-summary" data-testid="diff-summary">
      {description.length === 0 ? (
        <p>No differences: the two versions have identical text.</p>
      ) : (
        <ul>
          {description.map((line) => (
            <li key={line} data-testid="diff-summary-line">
              {line}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
