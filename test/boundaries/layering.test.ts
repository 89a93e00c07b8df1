import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findBoundaryViolations } from '../../host/tools/check-boundaries.js';
import { appRoot } from '../../host/paths.js';

describe('layer boundaries', () => {
  it('the repository has no import that crosses a layer', () => {
    const violations = findBoundaryViolations(appRoot);
    assert.deepEqual(violations, [], violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.text}`).join('\n'));
  });

  const scratch = mkdtempSync(join(tmpdir(), 'specbench-layers-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  };

  const cases: Array<[string, string, string]> = [
    ['core/a.ts', "import { readFileSync } from 'node:fs';", 'core imports no Node built-ins'],
    ['core/b.ts', "import path from 'path';", 'core imports no Node built-ins'],
    ['core/c.ts', "import { ipcRenderer } from 'electron';", 'core imports no Electron'],
    ['core/d.tsx', "import { useState } from 'react';", 'core imports no React or DOM libraries'],
    ['core/e.ts', 'export const w = document.title;', 'core uses no DOM or Node globals'],
    ['core/f.ts', "import { x } from '../host/paths.js';", 'core imports only core'],
    ['host/g.ts', "const { app } = require('electron');", 'host never imports Electron'],
    ['host/h.ts', "export { dialog } from 'electron';", 'host never imports Electron'],
  ];
  for (const [file, source, rule] of cases) {
    it(`flags ${file}: ${source}`, () => {
      rmSync(join(scratch, 'core'), { recursive: true, force: true });
      rmSync(join(scratch, 'host'), { recursive: true, force: true });
      write(file, `${source}\n`);
      const violations = findBoundaryViolations(scratch);
      assert.equal(violations.length, 1, JSON.stringify(violations));
      assert.equal(violations[0].rule, rule);
      assert.equal(violations[0].line, 1);
    });
  }

  it('ignores the same words inside strings and comments', () => {
    rmSync(join(scratch, 'core'), { recursive: true, force: true });
    rmSync(join(scratch, 'host'), { recursive: true, force: true });
    write('core/ok.ts', "// import fs from 'node:fs'\nexport const s = 'the window and document';\n");
    assert.deepEqual(findBoundaryViolations(scratch), []);
  });
});
