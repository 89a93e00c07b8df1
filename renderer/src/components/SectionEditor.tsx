import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { save } from '../state/file-actions.js';

interface Props {
  /** Changes whenever the text must be reloaded from the store (remounts the editor). */
  reloadKey: string;
  initialText: string;
  ariaLabel: string;
  placeholder?: string;
  onChange(text: string): void;
  onReady?(editor: Monaco.editor.IStandaloneCodeEditor): void;
}

/** An uncontrolled Monaco editor for Markdown: typing never re-renders React. */
export function SectionEditor({ reloadKey, initialText, ariaLabel, placeholder, onChange, onReady }: Props) {
  const handleMount = useCallback<OnMount>(
    (editor, monaco) => {
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void save());
      onReady?.(editor as unknown as Monaco.editor.IStandaloneCodeEditor);
    },
    [onReady],
  );
  return (
    <Editor
      key={reloadKey}
      defaultValue={initialText}
      defaultLanguage="markdown"
      theme="specbench-dark"
      onChange={(value) => onChange(value ?? '')}
      onMount={handleMount}
      options={{
        ariaLabel,
        placeholder,
        automaticLayout: true,
        minimap: { enabled: false },
        wordWrap: 'on',
        lineNumbers: 'on',
        lineNumbersMinChars: 3,
        glyphMargin: true,
        folding: false,
        scrollBeyondLastLine: false,
        renderLineHighlight: 'none',
        fontSize: 13,
        fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
        tabSize: 2,
        unicodeHighlight: { ambiguousCharacters: false },
        scrollbar: { alwaysConsumeMouseWheel: false },
        // Hovers and the quick-fix menu would be clipped by a short pane otherwise.
        fixedOverflowWidgets: true,
      }}
    />
  );
}
