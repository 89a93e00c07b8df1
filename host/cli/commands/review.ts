import { resolve } from 'node:path';
import type { RunSnapshot } from '../../../core/contract/ops/review.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { anchorFinding } from '../../../core/review/anchor.js';
import type { Finding } from '../../../core/review/finding.js';
import { ReviewService } from '../../ai/review-service.js';
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
    const args = parseArgs(argv, { values: ['pass', 'format'], booleans: ['all', 'offline'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('give exactly one Markdown file to review');
    const passId = args.flags.get('pass');
    if (passId !== undefined && args.flags.has('all')) throw new UsageError('give either --pass or --all, not both');
    if (passId === true) throw new UsageError('--pass needs a pass id');

    const file = await readSpecFile(resolve(io.cwd, args.positionals[0]));
    const baseURL = io.env.ANTHROPIC_BASE_URL?.trim();
    const lines: string[] = [];
    const service = new ReviewService({
      dataDir: defaultDataDir(io.env),
      env: io.env,
      keyVault: null,
      settingsOverride: baseURL ? { baseURL } : {},
      emit: (name, payload) => {
        // Text mode prints findings as they stream in; JSON waits for the whole run.
        if (format === 'text' && name === 'review.finding') {
          const p = payload as { finding: Finding; anchor: { status: string; startLine?: number } };
          lines.push(describe(p.finding, p.anchor.status === 'anchored' ? p.anchor.startLine : undefined));
          io.stdout(`${lines[lines.length - 1]}\n`);
        }
      },
    });
    // This command owns the service for its lifetime: whatever happens, nothing of it outlives the command.
    try {
      let started;
      try {
        started = await service.start({ ...(typeof passId === 'string' ? { passId } : { all: true as const }), specMarkdown: file.content, offline: args.flags.has('offline') });
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      if (format === 'text' && started.notice) io.stderr(`${started.notice}\n`);
      const run = await service.waitForRun(started.runId);
      const failed = run.passes.some((p) => p.status !== 'succeeded');
      if (format === 'json') io.stdout(`${JSON.stringify(toJson(file.path ?? file.name, run, file.content, started.notice), null, 2)}\n`);
      else io.stdout(summary(run));
      return failed ? 2 : 0;
    } finally {
      await service.dispose();
    }
  },
};

function describe(f: Finding, line: number | undefined): string {
  const where = line !== undefined ? `line ${line}` : 'unanchored';
  const out = [`${f.severity.toUpperCase().padEnd(6)} ${f.section} (${where})${f.offline ? ' [offline]' : ''}: ${f.problem}`];
  if (f.quote) out.push(`       quote: "${oneLine(f.quote, 160)}"`);
  out.push(`       why: ${oneLine(f.whyAnAgentWouldGuess, 240)}`);
  out.push(`       fix: ${oneLine(f.suggestion, 240)}`);
  return out.join('\n');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function summary(run: RunSnapshot): string {
  const count = (s: string) => run.merged.filter((f) => f.severity === s).length;
  const out = ['', `${run.merged.length} finding(s): ${count('high')} high, ${count('medium')} medium, ${count('low')} low (${run.mode})`];
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
      return { ...f, ...(anchor.status === 'anchored' ? { line: anchor.startLine, column: anchor.startColumn } : { line: null, column: null }) };
    }),
  };
}
