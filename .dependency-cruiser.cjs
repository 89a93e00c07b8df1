// The layering of /work/shared/design/conventions.md as an ALLOW-list over the syntax tree.
// Every dependency must match one `allowed` rule; anything else is `not-in-allowed`, reported
// as `from → to`. A file in a folder no rule names fails too (see `not-covered` below), so a new
// top-level folder cannot slip in unchecked. Run: `npm run check:boundaries`.
// Paths are relative to the repository root; npm packages appear as `node_modules/<name>/…`.

/** A folder and everything under it. */
const under = (...folders) => `^(${folders.join('|')})/`;
/** One or more npm packages, by exact name (scoped names included). */
const npm = (...names) => `^node_modules/(${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')})/`;

/** Every top folder a rule covers. `test/` may import any of them; nothing else may import an unlisted one. */
const COVERED = ['core', 'host', 'electron', 'renderer', 'embedded-server', 'test'];

// core runs in Node, a Web Worker and the renderer alike: only these pure packages.
const CORE_NPM = npm('zod', 'unified', 'remark-parse', 'remark-frontmatter', 'micromark-extension-gfm-table', 'mdast-util-gfm-table', '@types/mdast', 'yaml', '@cucumber/cucumber-expressions', 'diff-match-patch', '@types/diff-match-patch');
// The renderer's browser packages. Node built-ins and host/ are never among them.
const RENDERER_NPM = npm('react', 'react-dom', 'zustand', 'monaco-editor', '@monaco-editor/react', '@types/react', '@types/react-dom', 'uplot');
// Vite resolves these, dependency-cruiser cannot: the Monaco ESM alias of renderer/vite.config.ts
// and `?worker` imports. Every other unresolvable import fails (a typo, a missing file).
const RENDERER_VITE_ONLY = ['^@monaco-esm/', '\\?worker$'];

/** host folders other than the ones with their own, narrower rule below. */
const HOST_OTHER = '^host/(?!common/|db/|store/|handlers/)';
const NOT_ELECTRON = '^node_modules/electron/';

module.exports = {
  allowedSeverity: 'error',
  allowed: [
    // ── core: pure, imports core and a short list of pure packages; no Node built-ins.
    { from: { path: under('core') }, to: { path: [under('core'), CORE_NPM] } },

    // ── host: core, host, npm, Node built-ins; never Electron, never the renderer.
    { from: { path: under('host/common') }, to: { path: [under('core'), under('host/common')] } },
    // The store's layers sit below the handlers: they never reach back up.
    { from: { path: under('host/db', 'host/store') }, to: { path: [under('core'), '^host/'], pathNot: under('host/handlers') } },
    // Handlers talk to the store, never to SQL.
    { from: { path: under('host/handlers') }, to: { path: [under('core'), '^host/'], pathNot: under('host/db') } },
    { from: { path: HOST_OTHER }, to: { path: [under('core'), '^host/'] } },
    { from: { path: '^host/' }, to: { dependencyTypes: ['core'] } },
    // Live validation loads a target's own steps, gap catalogue and defect list; those files import nothing.
    { from: { path: under('host/validate') }, to: { path: '^embedded-server/(validation-steps|validation-gaps|defects)\\.ts$' } },
    { from: { path: '^host/' }, to: { path: '^node_modules/', pathNot: NOT_ELECTRON } },

    // ── electron: thin wiring over core and host.
    { from: { path: under('electron') }, to: { path: [under('core', 'host', 'electron'), npm('electron')] } },
    { from: { path: under('electron') }, to: { dependencyTypes: ['core'] } },

    // ── renderer: core, renderer and browser packages; never host/, never Node built-ins.
    { from: { path: under('renderer/src') }, to: { path: [under('core', 'renderer/src'), RENDERER_NPM] } },
    { from: { path: under('renderer/src') }, to: { couldNotResolve: true, path: RENDERER_VITE_ONLY } },
    // The Vite config is build tooling that runs in Node, not renderer code.
    { from: { path: '^renderer/vite\\.config\\.ts$' }, to: { path: npm('vite') } },
    { from: { path: '^renderer/vite\\.config\\.ts$' }, to: { dependencyTypes: ['core'] } },

    // ── embedded-server: a separate app; its own files, its packages, Node built-ins.
    { from: { path: under('embedded-server') }, to: { path: under('embedded-server') } },
    { from: { path: under('embedded-server') }, to: { dependencyTypes: ['core'] } },
    { from: { path: under('embedded-server') }, to: { path: '^node_modules/', pathNot: NOT_ELECTRON } },

    // ── test: anything covered, any package, any built-in.
    { from: { path: under('test') }, to: { path: [under(...COVERED), '^node_modules/'] } },
    { from: { path: under('test') }, to: { dependencyTypes: ['core'] } },
  ],
  forbidden: [
    {
      // A file with no dependencies in or out matches no allowed rule; this catches it when it
      // sits outside every covered folder (a new top-level folder, a stray root script).
      name: 'not-covered',
      comment: 'This file is in a folder no boundary rule covers: add a rule to .dependency-cruiser.cjs.',
      severity: 'error',
      from: { orphan: true, pathNot: under(...COVERED) },
      to: {},
    },
  ],
  options: {
    // Scan the whole tree so a new top-level folder is seen; skip installs and build output.
    exclude: { path: ['^(dist|dist-cli|dist-electron|release|\\.tools|\\.git)/', '^\\.dependency-cruiser\\.cjs$'] },
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a renderer type from host/ is still a dependency on host/.
    tsPreCompilationDeps: true,
    // node_modules is a symlink to a shared install on some checkouts; keep `node_modules/…` paths.
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
