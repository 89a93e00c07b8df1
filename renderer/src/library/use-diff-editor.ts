import { useEffect, useRef, useState, type RefObject } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { WHOLE_DOCUMENT } from '../../../core/present/diff-texts.js';
import { announce } from '../events/app-events.js';
import { readOnlyDiffOptions } from '../monaco/diff-options.js';
import { showDiffPair, type DiffPair } from '../monaco/diff-pair.js';

type MonacoApi = typeof Monaco;

/**
 * A read-only Monaco diff editor in `host`, created once `texts` first arrive (Monaco comes
 * from its own chunk) and given new models whenever the shown pair changes. When the diff of
 * the shown pair has been computed and painted, `data-diff-ready` on the host names `shownKey`
 * and `specbench:diff-ready` is announced: tests wait on that, never on a sleep.
 */
export function useDiffEditor(host: RefObject<HTMLDivElement | null>, texts: { original: string; modified: string } | null, shownKey: string): void {
  const [editorReady, setEditorReady] = useState(false);
  const monacoRef = useRef<{ monaco: MonacoApi; editor: Monaco.editor.IStandaloneDiffEditor } | null>(null);
  const pair = useRef<DiffPair | null>(null);
  const shownRef = useRef(shownKey);
  /** The first change of the current model pair has been scrolled into view. */
  const revealed = useRef(false);
  shownRef.current = shownKey;

  const haveTexts = texts !== null;
  useEffect(() => {
    if (!haveTexts) return;
    let cancelled = false;
    let disposeListener: (() => void) | undefined;
    void import('../monaco/setup.js').then(({ monaco }) => {
      if (cancelled || !host.current) return;
      const editor = monaco.editor.createDiffEditor(host.current, {
        ...readOnlyDiffOptions,
        useInlineViewWhenSpaceIsLimited: false,
        renderOverviewRuler: true,
        ignoreTrimWhitespace: false,
      });
      const listener = editor.onDidUpdateDiff(() => {
        // Null until the diff of the current models has been computed.
        const changes = editor.getLineChanges();
        if (changes === null) return;
        if (!revealed.current) {
          revealed.current = true;
          // The first change in the middle of the view, on both sides.
          if (changes[0]) editor.getModifiedEditor().revealLineInCenter(Math.max(changes[0].modifiedStartLineNumber, 1));
        }
        const shown = shownRef.current;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (shownRef.current !== shown) return;
            if (host.current) host.current.dataset.diffReady = shown;
            announce('specbench:diff-ready', shown);
          }),
        );
      });
      disposeListener = () => listener.dispose();
      monacoRef.current = { monaco, editor };
      setEditorReady(true);
    });
    return () => {
      cancelled = true;
      disposeListener?.();
      monacoRef.current?.editor.dispose();
      monacoRef.current = null;
      pair.current?.dispose();
      pair.current = null;
      setEditorReady(false);
    };
  }, [haveTexts, host]);

  const original = texts?.original;
  const modified = texts?.modified;
  useEffect(() => {
    const current = monacoRef.current;
    if (!editorReady || !current || original === undefined || modified === undefined) return;
    if (host.current) host.current.dataset.diffReady = '';
    revealed.current = false;
    current.editor.updateOptions({
      hideUnchangedRegions: shownKey === WHOLE_DOCUMENT ? { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 20 } : { enabled: false },
    });
    const superseded = pair.current;
    pair.current = showDiffPair(current.monaco, current.editor, original, modified);
    superseded?.dispose();
  }, [editorReady, original, modified, shownKey, host]);
}
