import { resolve } from 'node:path';
import type { RunSnapshot } from '../../../core/contract/ops/review.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { anchorFinding } from '../../../core/review/anchor.js';
import { SEVERITY_RANK, type Finding } from '../../../core/review/finding.js';
import { domainTitle } from '../../../core/review/domains/classify.js';
import { findingKey } from '../../../core/review/finding-key.js';
import { FileFindingHistory, reviewHistoryDir } from '../../ai/finding-history.js';
import { ReviewService, type StartedRun } from '../../ai/review-service.js';
import { readSpecFile } from '../../files/spec-file.js';
import { defaultDataDir } from '../../paths.js';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand, CliIo } from '../command.js';
import { commandInfo } from './index.js';

/** `specbench review`: the review passes of FR-11, online with a key, offline without. */
export const reviewCommand: CliCommand = {
  ...commandInfo('review'),
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv, { values: ['pass', 'format', 'dismiss'], booleans: ['all', 'offline'] });
    const dismiss = args.flags.get('dismiss');
    if (dismiss === true) throw new UsageError('--dismiss needs a finding key (printed as "key:" under each finding)');
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('give exactly one Markdown file to review');
    const passId = args.flags.get('pass');
    if (passId !== undefined && args.flags.has('all')) throw new UsageError('give either --pass or --all, not both');
    if (passId === true) throw new UsageError('--pass needs a pass id');

    const file = await readSpecFile(resolve(io.cwd, args.positionals[0]));
    const baseURL = io.env.ANTHROPIC_BASE_URL?.trim();
    // Findings stream in pass by pass; text mode prints them once the run ends, worst first.
    const lines: Array<{ rank: number; text: string }> = [];
    const dataDir = defaultDataDir(io.env);
    const doc = parseSpec(file.content);
    const specKey = `file:${file.path ?? resolve(io.cwd, args.positionals[0])}`;
    const service = new ReviewService({
      dataDir,
      findingHistory: new FileFindingHistory(reviewHistoryDir(dataDir)),
      env: io.env,
      keyVault: null,
      settingsOverride: baseURL ? { baseURL } : {},
      emit: (name, payload) => {
        // Text mode prints findings as they stream in; JSON waits for the whole run.
        if (format === 'text' && name === 'review.finding') {
          const p = payload as { finding: Finding; label: string; anchor: { status: string; startLine?: number } };
          lines.push({ rank: SEVERITY_RANK[p.finding.severity], text: describe(p.finding, p.anchor.status === 'anchored' ? p.anchor.startLine : undefined, p.label, findingKey(doc, p.finding)) });
        }
      },
    });
    // This command owns the service for its lifetime: whatever happens, nothing of it outlives the command.
    try {
      let started: StartedRun;
      try {
        started = await service.start({ ...(typeof passId === 'string' ? { passId } : { all: true as const }), specMarkdown: file.content, offline: args.flags.has('offline'), specKey });
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      if (format === 'text' && started.notice) io.stderr(`${started.notice}\n`);
      if (format === 'text') io.stdout(`${domainLine(started)}\n\n`);
      const run = await service.waitForRun(started.runId);
      const failed = run.passes.some((p) => p.status !== 'succeeded');
      let dismissed: string | null = null;
      if (typeof dismiss === 'string') {
        const target = run.passes.flatMap((p) => p.findings.map((f) => f.finding)).find((f) => findingKey(doc, f) === dismiss);
        if (!target) throw new UsageError(`no finding of this run has the key "${dismiss}"`);
        await service.dismiss(specKey, dismiss, target.quote);
        dismissed = dismiss;
      }
      const hidden = service.dismissedIn(started.runId).length;
      if (format === 'json') io.stdout(`${JSON.stringify({ ...toJson(file.path ?? file.name, run, file.content, started.notice), domains: started.domains, checklistErrors: started.checklistErrors, dismissedHidden: hidden, ...(dismissed ? { dismissed } : {}) }, null, 2)}\n`);
      else {
        for (const line of bySeverity(lines)) io.stdout(`${line}\n`);
        io.stdout(summary(run));
        if (hidden) io.stdout(`${hidden} dismissed finding(s) hidden (their quoted text is unchanged)\n`);
        if (dismissed) io.stdout(`dismissed ${dismissed}: hidden in later runs while its quoted text stays the same\n`);
      }
      return failed ? 2 : 0;
    } finally {
      await service.dispose();
    }
  },
};

/** "Domains: Payments and money, …" or, with none, that only the general checklist applies. */
function domainLine(started: StartedRun): string {
  const d = started.domains;
  if (d.domains.length === 0) return `Domains: none detected (general checklist only)${d.source === 'front-matter' ? ' — set in front matter' : ''}`;
  return `Domains: ${d.domains.map((id) => domainTitle(id)).join(', ')}${d.source === 'front-matter' ? ' (from front matter)' : ''}`;
}

/** High before medium before low; findings of one severity keep the order they arrived in. */
export function bySeverity(lines: ReadonlyArray<{ rank: number; text: string }>): string[] {
  return [...lines].sort((a, b) => a.rank - b.rank).map((l) => l.text);
}

function describe(f: Finding, line: number | undefined, label: string, key: string): string {
  const where = line !== undefined ? `line ${line}` : 'unanchored';
  const out = [`${f.severity.toUpperCase().padEnd(6)} ${f.section} (${where})${f.offline ? ' [offline]' : ''}: ${f.problem}`];
  if (f.quote) out.push(`       quote: "${oneLine(f.quote, 160)}"`);
  out.push(`       why: ${oneLine(f.whyAnAgentWouldGuess, 240)}`);
  out.push(`       fix: ${oneLine(f.suggestion, 240)}`);
  out.push(`       ${label} since the last review · key: ${key}`);
  return out.join('\n');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function summary(run: RunSnapshot): string {
  const count = (s: string) => run.merged.filter((f) => f.severity === s).length;
  const labels = run.passes.flatMap((p) => p.findings.map((f) => f.label));
  const resolved = run.passes.flatMap((p) => p.resolved);
  const out = [
    '',
    `${run.merged.length} finding(s): ${count('high')} high, ${count('medium')} medium, ${count('low')} low (${run.mode})`,
    `since the last review: ${labels.filter((l) => l === 'new').length} new, ${labels.filter((l) => l === 'persisting').length} persisting, ${resolved.length} resolved`,
  ];
  for (const f of resolved) out.push(`  resolved: ${oneLine(f.problem, 160)}${f.quote ? ` (was at "${oneLine(f.quote, 80)}")` : ''}`);
  for (const p of run.passes) {
    const cost = p.cost.usd === null ? 'cost unknown' : `$${p.cost.usd.toFixed(4)}`;
    out.push(`  ${p.passId}: ${p.status}${p.cached ? ' (cached)' : ''}, ${Math.round(p.durationMs)} ms, ${p.usage.inputTokens} in / ${p.usage.outputTokens} out / ${p.usage.cacheReadTokens} cache read, ${cost}${p.error ? ` — ${p.error.message}` : ''}`);
    for (const d of p.proposals) out.push(`    proposed ${d.section}:\n${d.text.replace(/^/gm, '      ')}`);
    for (const q of p.questions) out.push(`    question (${q.section}): ${q.question}\n      recommended: ${q.recommended}`);
  }
  return `${out.join('\n')}\n`;
}

function toJson(file: string, run: RunSnapshot, markdown: string, notice: string | null) {
  const doc = parseSpec(markdown);
  return {
    file,
    mode: run.mode,
    notice,
    passes: run.passes.map((p) => ({
      id: p.passId,
      title: p.title,
      status: p.status,
      cached: p.cached,
      findings: p.findings.length,
      usage: p.usage,
      cost: p.cost,
      durationMs: Math.round(p.durationMs),
      error: p.error,
      ...(p.proposals.length ? { proposals: p.proposals, openQuestions: p.openQuestions } : {}),
      ...(p.questions.length ? { questions: p.questions } : {}),
    })),
    usage: run.usage,
    cost: run.cost,
    findings: run.merged.map((f) => {
      const anchor = anchorFinding(doc, f);
      const key = findingKey(doc, f);
      const label = run.passes.flatMap((p) => p.findings).find((e) => e.finding.id === f.id)?.label ?? 'new';
      return { ...f, key, label, ...(anchor.status === 'anchored' ? { line: anchor.startLine, column: anchor.startColumn } : { line: null, column: null }) };
    }),
    resolved: run.passes.flatMap((p) => p.resolved),
  };
}
