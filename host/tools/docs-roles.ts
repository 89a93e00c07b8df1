/**
 * `npm run docs:roles`: writes the role × operation table of the access table into the README
 * between its markers, so the documentation is printed from the rule the team server enforces.
 * `--check` exits 1 when the README is out of date instead of writing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replaceRolesTable } from '../../core/team/roles-table.js';

const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const before = readFileSync(readmePath, 'utf8');
const after = replaceRolesTable(before);
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('README.md: the "Team roles" table differs from core/team/access-table.ts; run npm run docs:roles');
    process.exit(1);
  }
  console.log('README.md: the "Team roles" table is up to date');
} else {
  if (after !== before) writeFileSync(readmePath, after);
  console.log(after === before ? 'README.md: the "Team roles" table was already up to date' : 'README.md: wrote the "Team roles" table');
}
