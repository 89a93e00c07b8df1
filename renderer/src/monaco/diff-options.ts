import type * as Monaco from 'monaco-editor/editor/editor.api';

/** How every read-only, side-by-side spec diff looks (version compare, draft proposals). */
export const readOnlyDiffOptions: Monaco.editor.IStandaloneDiffEditorConstructionOptions = {
  readOnly: true,
  originalEditable: false,
  renderSideBySide: true,
  automaticLayout: true,
  theme: 'specbench-dark',
  wordWrap: 'on',
  diffWordWrap: 'on',
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  unicodeHighlight: { ambiguousCharacters: false },
};
