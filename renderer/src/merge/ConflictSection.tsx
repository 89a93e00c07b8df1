import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { takeBoth } from '../../../core/merge/index.js';
import type { SectionConflict } from '../../../core/merge/types.js';
import { readOnlyDiffOptions } from '../monaco/diff-options.js';
import { showDiffPair, type DiffPair } from '../monaco/diff-pair.js';
import { useMerge } from './merge-store.js';

const KIND_TEXT: Record<SectionConflict['kind'], string> = {
  'both-modified': 'both edited this section',
  'both-added': 'both added a section with this heading',
  'removed-by-theirs': 'they removed this section, you edited it',
  'removed-by-mine': 'you removed this section, they edited it',
};

/** Theirs (left) against mine (right) in a read-only Monaco diff editor, disposed with the view. */
function TheirsVsMine({ theirs, mine }: { theirs: string; mine: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live: { diff: Monaco.editor.IStandaloneDiffEditor; pair: DiffPair } | null = null;
    let disposed = false;
    void import('../monaco/setup.js').then(({ monaco }) => {
      if (disposed || !host.current) return;
      const diff = monaco.editor.createDiffEditor(host.current, { ...readOnlyDiffOptions, ignoreTrimWhitespace: false });
      const pair = showDiffPair(monaco, diff, theirs, mine);
      let revealed = false;
      diff.onDidUpdateDiff(() => {
        const changes = diff.getLineChanges();
        if (changes === null) return;
        // The first difference in view on both sides: it is what the author has to decide on.
        if (!revealed && changes[0]) diff.getModifiedEditor().revealLineInCenter(Math.max(1, changes[0].modifiedStartLineNumber));
        revealed = true;
        requestAnimationFrame(() => {
          if (host.current) host.current.dataset.diffReady = 'true';
        });
      });
      live = { diff, pair };
    });
    return () => {
      disposed = true;
      // The editor before its models: the pair's view model cancels a diff still computing.
      live?.diff.dispose();
      live?.pair.dispose();
    };
  }, [theirs, mine]);
  return <div className="merge-diff" ref={host} data-testid="merge-diff" />;
}

/** One conflicting section: the two texts, the three choices and the result to edit freely. */
export function ConflictSection({ conflict, author }: { conflict: SectionConflict; author: string }) {
  const result = useMerge((s) => (Object.hasOwn(s.resolutions, conflict.key) ? s.resolutions[conflict.key] : undefined));
  const resolve = useMerge((s) => s.resolve);
  return (
    <section className="merge-conflict" data-testid="merge-conflict" data-key={conflict.key}>
      <header>
        <h3>{conflict.heading}</h3>
        <span className="muted">{KIND_TEXT[conflict.kind]}</span>
      </header>
      <div className="merge-sides muted">
        <span>left: {author}'s version</span>
        <span>right: yours</span>
      </div>
      <TheirsVsMine theirs={conflict.theirs ?? ''} mine={conflict.mine ?? ''} />
      <div className="merge-buttons">
        <button onClick={() => resolve(conflict.key, conflict.theirs)} data-testid="merge-take-theirs">
          Take theirs
        </button>
        <button onClick={() => resolve(conflict.key, conflict.mine)} data-testid="merge-take-mine">
          Take mine
        </button>
        <button onClick={() => resolve(conflict.key, takeBoth(conflict))} data-testid="merge-take-both">
          Take both
        </button>
      </div>
      <label className="merge-result">
        <span>
          Result {result === undefined ? '(choose above or write it)' : result === null ? '(the section is removed)' : ''}
        </span>
        <textarea
          value={result ?? ''}
          placeholder="Choose theirs, mine or both, or write the section here"
          onChange={(e) => resolve(conflict.key, e.target.value)}
          rows={Math.min(16, Math.max(4, (result ?? '').split('\n').length + 1))}
          spellCheck={false}
          data-testid="merge-result"
        />
      </label>
    </section>
  );
}
