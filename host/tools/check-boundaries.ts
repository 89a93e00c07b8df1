import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BoundaryViolation {
  file: string;
  line: number;
  rule: string;
  text: string;
}

interface Rule {
  folder: string;
  name: string;
  forbidden: RegExp;
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\W)import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\s)import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

const NODE_BUILTINS =
  /^(node:|fs$|fs\/|path$|os$|child_process$|crypto$|http$|https$|net$|url$|util$|stream$|events$|buffer$|worker_threads$|process$|zlib$|readline$|tty$|dns$|module$|assert$)/;

/**
 * The layering of conventions.md as data: core imports no Node, Electron, DOM or React;
 * host never imports Electron; nothing imports the renderer except the renderer.
 */
const RULES: Rule[] = [
  { folder: 'core', name: 'core imports no Node built-ins', forbidden: NODE_BUILTINS },
  { folder: 'core', name: 'core imports no Electron', forbidden: /^electron(\/|$)/ },
  { folder: 'core', name: 'core imports no React or DOM libraries', forbidden: /^(react|react-dom|zustand|monaco-editor|@monaco-editor)(\/|$)/ },
  { folder: 'core', name: 'core imports only core', forbidden: /^\.\.\/(\.\.\/)*(host|electron|renderer|embedded-server)\// },
  { folder: 'host', name: 'host never imports Electron', forbidden: /^electron(\/|$)/ },
  { folder: 'host', name: 'host never imports the renderer', forbidden: /(^|\/)renderer\// },
  { folder: 'electron', name: 'electron never imports the renderer', forbidden: /(^|\/)renderer\// },
  { folder: 'embedded-server', name: 'embedded-server imports only its own files', forbidden: /^\.\.\/(\.\.\/)*(core|host|electron|renderer)\// },
];

/** DOM globals are caught by core's tsconfig (no DOM lib); this catches them in plain JS too. */
const CORE_GLOBALS = /\b(?:window|document|localStorage|navigator|process|Buffer)\s*[.[]/;

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Every import that crosses a layer it must not, under `root`. */
export function findBoundaryViolations(root: string): BoundaryViolation[] {
  const violations: BoundaryViolation[] = [];
  for (const rule of RULES) {
    for (const file of sourceFiles(join(root, rule.folder))) {
      const lines = stripComments(readFileSync(file, 'utf8')).split('\n');
      lines.forEach((text, i) => {
        for (const match of text.matchAll(IMPORT)) {
          const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
          if (spec && rule.forbidden.test(spec)) violations.push({ file: relative(root, file), line: i + 1, rule: rule.name, text: text.trim() });
        }
      });
    }
  }
  for (const file of sourceFiles(join(root, 'core'))) {
    stripComments(readFileSync(file, 'utf8'))
      .split('\n')
      .forEach((text, i) => {
        const withoutStrings = text.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
        if (CORE_GLOBALS.test(withoutStrings)) violations.push({ file: relative(root, file), line: i + 1, rule: 'core uses no DOM or Node globals', text: text.trim() });
      });
  }
  return violations;
}
