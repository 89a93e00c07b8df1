/**
 * NFR-2 figures for domain-aware review, printed (never asserted):
 *   1. the offline reviewer on a 200 KB spec (target < 300 ms): domains + checklists alone,
 *      and the whole offline review including the lint engine;
 *   2. what the domain checklists add to each model pass (target ≤ 2 k input tokens), per
 *      domain and for a spec in every domain at once, counted at ~3.5 characters per token.
 * Run: npm run bench:review
 */
import { readFileSync } from 'node:fs';
import { parseSpec } from '../../core/markdown/parse.js';
import { checklistsFor, classifyWithChecklists, renderChecklistBlock } from '../../core/review/checklists/match.js';
import { BUILTIN_DOMAINS } from '../../core/review/domains/catalog.js';
import { reviewWithChecklists } from '../../core/review/offline/checklist-reviewer.js';
import { offlineFindings } from '../../core/review/offline/offline-findings.js';
import { loadChecklists } from '../../host/ai/checklist-loader.js';
import { generateSpec } from './generate-spec.js';
import { measure, report } from './measure.js';

const { checklists, errors } = await loadChecklists();
if (errors.length) throw new Error(errors.map((e) => e.error).join('\n'));
const refunds = readFileSync(new URL('../fixtures/review-eval/refunds.md', import.meta.url), 'utf8');
// A generated 200 KB spec with a refunds spec's text in its Context, so a domain applies.
const big = generateSpec(200 * 1024).replace('## Context\n', `## Context\n\n${refunds.split('## Context')[1].split('## Problem Statement')[0].trim()}\n\n`);
const doc = parseSpec(big);
const domains = classifyWithChecklists(doc.source, doc.frontMatter, checklists).domains;

report(`NFR-2 offline reviewer — ${Math.round(big.length / 1024)} KB spec, domains: ${domains.join(', ') || 'none'}`, [
  measure('classify + checklist matching', () => reviewWithChecklists(doc, checklistsFor(classifyWithChecklists(doc.source, doc.frontMatter, checklists).domains, checklists)), { runs: 15, targetMs: 300 }),
  measure('whole offline review (incl. lint)', () => offlineFindings(doc, checklists), { runs: 5, warmup: 1, targetMs: 300 }),
]);

const tokens = (text: string) => Math.ceil(text.length / 3.5);
console.log('');
console.log('Checklist tokens added per pass (≈ chars / 3.5; target ≤ 2000):');
let worst = 0;
for (const d of BUILTIN_DOMAINS) {
  const t = tokens(renderChecklistBlock(checklistsFor([d.id], checklists)));
  worst = Math.max(worst, t);
  console.log(`  ${d.id.padEnd(20)} ${String(t).padStart(5)} tokens (with the general checklist)`);
}
const all = tokens(renderChecklistBlock(checklistsFor(BUILTIN_DOMAINS.map((d) => d.id), checklists)));
console.log(`  ${'every domain at once'.padEnd(20)} ${String(all).padStart(5)} tokens (capped; items past the budget left out)`);
console.log(`  worst single domain ${worst} tokens: ${Math.max(worst, all) <= 2000 ? 'met' : 'NOT met'}`);
