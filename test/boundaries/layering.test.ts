import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { appRoot } from '../../host/paths.js';

// The boundary check is dependency-cruiser with the allow-list in .dependency-cruiser.cjs, run
// exactly as `npm run check:boundaries` runs it. These tests prove each rule on scratch trees
// (copies of the layout with one violation planted) and that the real tree passes.

const depcruise = join(appRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
const config = join(appRoot, '.dependency-cruiser.cjs');

interface CheckResult {
  status: number | null;
  output: string;
}

function checkBoundaries(root: string): CheckResult {
  const run = spawnSync(process.execPath, [depcruise, '--config', config, '--output-type', 'err', '.'], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The line the `err` reporter prints for one violation: it names both files. */
function violationLine(output: string, from: string, to: string): string | undefined {
  return output.split('\n').find((line) => line.includes(`${from} → ${to}`));
}

/** Files that obey every rule: the baseline each scratch tree starts from. */
const LAWFUL: Record<string, string> = {
  'core/model.ts': "import { z } from 'zod';\n// import fs from 'node:fs' in a comment is not an import\nexport const name = z.string().parse('the window and document');\n",
  'core/parse.ts': "import { unified } from 'unified';\nimport type { Root } from 'mdast';\nimport { name } from './model.js';\nexport const parser = unified;\nexport type Tree = Root;\nexport { name };\n",
  'host/common/host-error.ts': "import { name } from '../../core/model.js';\nexport class HostError extends Error {\n  override name = name;\n}\n",
  'host/db/connection.ts': "import { join } from 'node:path';\nimport { HostError } from '../common/host-error.js';\nexport const x = join('a', 'b');\nexport { HostError };\n",
  'host/store/store.ts': "import { x } from '../db/connection.js';\nexport const store = { x };\n",
  'host/handlers/specs.ts': "import { store } from '../store/store.js';\nimport { z } from 'zod';\nexport const handler = () => z.string().parse(store.x);\n",
  'host/cli/main.ts': "import { handler } from '../handlers/specs.js';\nimport { x } from '../db/connection.js';\nexport const run = () => [handler(), x];\n",
  'electron/main.ts': "import { app } from 'electron';\nimport { run } from '../host/cli/main.js';\nimport { name } from '../core/model.js';\nexport const boot = () => [app, run, name];\n",
  'renderer/src/app.ts': "import { useState } from 'react';\nimport { create } from 'zustand';\nimport { name } from '../../core/model.js';\nexport const app = [useState, create, name];\n",
  'embedded-server/server.ts': "import express from 'express';\nimport { createServer } from 'node:http';\nimport { routes } from './routes.js';\nexport const server = [express, createServer, routes];\n",
  'embedded-server/routes.ts': 'export const routes = [];\n',
  'test/all.test.ts': "import { app } from '../renderer/src/app.js';\nimport { boot } from '../electron/main.js';\nimport { server } from '../embedded-server/server.js';\nimport assert from 'node:assert';\nexport const all = [app, boot, server, assert];\n",
};

const scratchRoot = mkdtempSync(join(tmpdir(), 'specbench-layers-'));
after(() => rmSync(scratchRoot, { recursive: true, force: true }));
let trees = 0;

/** A fresh scratch tree: the lawful baseline plus `extra` files, resolving packages from the repo. */
function scratchTree(extra: Record<string, string> = {}): string {
  const root = join(scratchRoot, `tree-${++trees}`);
  for (const [file, text] of Object.entries({ ...LAWFUL, ...extra })) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.base.json']) copyFileSync(join(appRoot, file), join(root, file));
  symlinkSync(join(appRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

describe('layer boundaries (dependency-cruiser allow-list)', () => {
  it('the repository passes', () => {
    const result = checkBoundaries(appRoot);
    assert.equal(result.status, 0, result.output);
  });

  it('a scratch tree that obeys every rule passes (so each failure below is the planted file)', () => {
    const result = checkBoundaries(scratchTree());
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /no dependency violations found/);
  });

  it('AC-1: a three-line import of host/db in core/ fails, naming both files', () => {
    const root = scratchTree({ 'core/leak.ts': "import {\n  x,\n} from '../host/db/connection';\nexport const y = x;\n" });
    const result = checkBoundaries(root);
    assert.notEqual(result.status, 0, result.output);
    assert.ok(violationLine(result.output, 'core/leak.ts', 'host/db/connection.ts'), result.output);
  });

  it('AC-1: any host/ import in renderer/ fails, naming both files — a type-only one too', () => {
    const root = scratchTree({ 'renderer/src/panel.ts': "import type { HostError } from '../../host/common/host-error.js';\nexport type E = HostError;\n" });
    const result = checkBoundaries(root);
    assert.notEqual(result.status, 0, result.output);
    assert.ok(violationLine(result.output, 'renderer/src/panel.ts', 'host/common/host-error.ts'), result.output);
  });

  it('a new top-level folder fails until a rule covers it, with or without imports', () => {
    const root = scratchTree({
      'tools2/orphan.ts': 'export const alone = 1;\n',
      'tools2/uses-core.ts': "import { name } from '../core/model.js';\nexport const n = name;\n",
    });
    const result = checkBoundaries(root);
    assert.notEqual(result.status, 0, result.output);
    assert.match(result.output, /not-covered: tools2\/orphan\.ts/);
    assert.ok(violationLine(result.output, 'tools2/uses-core.ts', 'core/model.ts'), result.output);
  });

  // Every rule, each caught on its own planted file. One cruise for all keeps the test fast; each
  // case asserts its own `from → to` line, so a rule that stopped working fails its own case.
  const cases: Array<{ rule: string; file: string; source: string; to: string }> = [
    { rule: 'core imports no Node built-ins', file: 'core/fs.ts', source: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", to: 'fs' },
    { rule: 'core imports no bare Node built-ins', file: 'core/path.ts', source: "import path from 'path';\nexport const p = path;\n", to: 'path' },
    { rule: 'core imports only its listed packages', file: 'core/react.tsx', source: "import { useState } from 'react';\nexport const s = useState;\n", to: 'node_modules/react/index.js' },
    { rule: 'core never re-exports host', file: 'core/reexport.ts', source: "export { x } from '../host/db/connection.js';\n", to: 'host/db/connection.ts' },
    { rule: 'core never loads host lazily', file: 'core/lazy.ts', source: "export const load = () => import('../host/db/connection.js');\n", to: 'host/db/connection.ts' },
    { rule: 'core never imports the renderer', file: 'core/ui.ts', source: "import { app } from '../renderer/src/app.js';\nexport const a = app;\n", to: 'renderer/src/app.ts' },
    { rule: 'host never imports Electron', file: 'host/desktop.ts', source: "import { app } from 'electron';\nexport const a = app;\n", to: 'node_modules/electron/index.js' },
    { rule: 'host never requires Electron', file: 'host/desktop-cjs.cjs', source: "const { dialog } = require('electron');\nmodule.exports = dialog;\n", to: 'node_modules/electron/index.js' },
    { rule: 'host never imports the renderer', file: 'host/web/ui.ts', source: "import { app } from '../../renderer/src/app.js';\nexport const a = app;\n", to: 'renderer/src/app.ts' },
    { rule: 'host/db never imports host/handlers', file: 'host/db/up.ts', source: "import { handler } from '../handlers/specs.js';\nexport const h = handler;\n", to: 'host/handlers/specs.ts' },
    { rule: 'host/store never imports host/handlers', file: 'host/store/up.ts', source: "import { handler } from '../handlers/specs.js';\nexport const h = handler;\n", to: 'host/handlers/specs.ts' },
    { rule: 'host/handlers never import host/db', file: 'host/handlers/sql.ts', source: "import { x } from '../db/connection.js';\nexport const c = x;\n", to: 'host/db/connection.ts' },
    { rule: 'host/common imports nothing else of host', file: 'host/common/up.ts', source: "import { store } from '../store/store.js';\nexport const s = store;\n", to: 'host/store/store.ts' },
    { rule: 'electron never imports the renderer', file: 'electron/ui.ts', source: "import { app } from '../renderer/src/app.js';\nexport const a = app;\n", to: 'renderer/src/app.ts' },
    { rule: 'renderer never imports Node built-ins', file: 'renderer/src/disk.ts', source: "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", to: 'fs/promises' },
    { rule: 'renderer never imports host packages', file: 'renderer/src/db.ts', source: "import Database from 'better-sqlite3';\nexport const d = Database;\n", to: 'node_modules/better-sqlite3/lib/index.js' },
    { rule: 'renderer imports nothing unresolvable outside Vite aliases', file: 'renderer/src/typo.ts', source: "import { app } from './ap.js';\nexport const a = app;\n", to: './ap.js' },
    { rule: 'embedded-server imports only its own files', file: 'embedded-server/spec.ts', source: "import { name } from '../core/model.js';\nexport const n = name;\n", to: 'core/model.ts' },
    { rule: 'nothing imports a folder no rule covers', file: 'test/extra.test.ts', source: "import { alone } from '../tools3/alone.js';\nexport const a = alone;\n", to: 'tools3/alone.ts' },
  ];
  const planted = Object.fromEntries(cases.map((c) => [c.file, c.source]));
  planted['tools3/alone.ts'] = 'export const alone = 1;\n';
  let all: CheckResult | undefined;
  const allViolations = () => (all ??= checkBoundaries(scratchTree(planted)));

  for (const c of cases) {
    it(`catches: ${c.rule} (${c.file})`, () => {
      const result = allViolations();
      assert.notEqual(result.status, 0, result.output);
      assert.ok(violationLine(result.output, c.file, c.to), `no "${c.file} → ${c.to}" in:\n${result.output}`);
    });
  }
});
