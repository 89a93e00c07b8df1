import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { loader } from '@monaco-editor/react';
import './editor-features.js';
import '@monaco-esm/languages/definitions/markdown/register.js';

/**
 * Monaco from our own bundle, never a CDN: @monaco-editor/react's loader is handed this
 * module, and the only worker is the base editor worker (no TypeScript/CSS/HTML/JSON ones).
 */
self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

loader.config({ monaco });

monaco.editor.defineTheme('specbench-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#1b1d23' },
});

export { monaco };
