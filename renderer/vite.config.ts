import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // JSX through the bundler's own transform: React Fast Refresh is not worth a plugin here.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: {
      // Monaco's package exports map hides its CSS and per-feature modules; we import only the
      // features we use, so we address the ESM tree directly.
      '@monaco-esm': fileURLToPath(new URL('../node_modules/monaco-editor/esm/vs', import.meta.url)),
      // micromark's browser build decodes entities with `document`, which a Web Worker lacks
      // (the linter parses in one); the table-based build works everywhere.
      'decode-named-character-reference': fileURLToPath(new URL('../node_modules/decode-named-character-reference/index.js', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
  worker: { format: 'es' },
});
