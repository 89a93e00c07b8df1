import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { domainTitle } from '../../../core/review/domains/classify.js';
import { scoreSpec, type SpecScore } from '../../../core/review/eval/score.js';
import { sidecarSchema } from '../../../core/review/eval/sidecar.js';
import type { Finding } from '../../../core/review/finding.js';
import { resolveApiKey } from '../../ai/key-vault.js';
import { ReviewService } from '../../ai/review-service.js';
import { readSpecFile } from '../../files/spec-file.js';
import { defaultDataDir } from '../../paths.js';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand, CliIo } from '../command.js';
import { commandInfo } from './index.js';


interface SpecResult {
  file: string;
  classified: string[];
  expectedDomains: string[];
  score: SpecScore;
  failedPasses: string[];
}

/** `specbench eval <dir>`: recall of the review passes on specs with planted gaps. */
export const evalCommand: CliCommand = {
  ...commandInfo('eval'),
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv, { values: ['format', 'min-recall'], booleans: ['offline'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('give exactly one folder of specs');
    const minRaw = stringFlag(args, 'min-recall');
    const minRecall = minRaw === undefined ? null : Number(minRaw);
    if (minRecall !== null && !(minRecall >= 0 && minRecall <= 100)) throw new UsageError('--min-recall must be a percentage from 0 to 100');
    const dir = resolve(io.cwd, args.positionals[0]);
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      throw new UsageError(`cannot read the folder ${dir}`);
    }
    const specs = names.filter((n) => n.endsWith('.md') && names.includes(`${n.slice(0, -3)}.gaps.json`));
    if (specs.length === 0) throw new UsageError(`${dir} has no spec with a sidecar (name.md next to name.gaps.json)`);
    const skipped = names.filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md' && !specs.includes(n));

    const service = new ReviewService({ dataDir: defaultDataDir(io.env), env: io.env, keyVault: null, emit: () => {}, settingsOverride: io.env.ANTHROPIC_BASE_URL?.trim() ? { baseURL: io.env.ANTHROPIC_BASE_URL.trim() } : {} });
    const { key } = await resolveApiKey(null, io.env);
    const offline = args.flags.has('offline') || key === null;
    const results: SpecResult[] = [];
    // This command owns the service: nothing of it outlives the command, whatever happens.
    try {
      for (const name of specs) {
        const path = join(dir, name);
        const sidecarPath = join(dir, `${name.slice(0, -3)}.gaps.json`);
        let sidecarData: unknown;
        try {
          sidecarData = JSON.parse(await readFile(sidecarPath, 'utf8'));
        } catch (error) {
          throw new UsageError(`${sidecarPath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
        }
        const sidecar = sidecarSchema.safeParse(sidecarData);
        if (!sidecar.success) throw new UsageError(`${sidecarPath}: ${sidecar.error.issues.map((i) => `${i.path.join('.') || 'sidecar'}: ${i.message}`).join('; ')}`);
        const file = await readSpecFile(path);
        const started = await service.start({ all: true, specMarkdown: file.content, offline, specKey: `eval:${path}` });
        const run = await service.waitForRun(started.runId);
        const findings: Finding[] = run.passes.flatMap((p) => p.findings.map((f) => f.finding));
        results.push({
          file: name,
          classified: started.domains.domains,
          expectedDomains: sidecar.data.domains,
          score: scoreSpec(sidecar.data, findings, run.passes.map((p) => p.passId)),
          failedPasses: run.passes.filter((p) => p.status !== 'succeeded').map((p) => `${p.passId}: ${p.error?.message ?? p.status}`),
        });
      }
    } finally {
      await service.dispose();
    }

    const planted = results.reduce((n, r) => n + r.score.gaps.length, 0);
    const raised = results.reduce((n, r) => n + r.score.gaps.filter((g) => g.raisedBy.length > 0).length, 0);
    const passIds = [...new Set(results.flatMap((r) => Object.keys(r.score.recallByPass)))];
    const byPass = Object.fromEntries(
      passIds.map((p) => [p, results.reduce((n, r) => n + r.score.gaps.filter((g) => g.raisedBy.includes(p)).length, 0) / planted]),
    );
    const overall = raised / planted;
    const outOfDomain = results.reduce((n, r) => n + r.score.outOfDomain.length, 0);

    if (format === 'json') {
      io.stdout(
        `${JSON.stringify(
          {
            dir,
            mode: offline ? 'offline' : 'online',
            recall: overall,
            raised,
            planted,
            recallByPass: byPass,
            outOfDomain,
            skipped,
            specs: results.map((r) => ({ ...r, score: { ...r.score, unmatched: r.score.unmatched.map(brief), outOfDomain: r.score.outOfDomain.map(brief) } })),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const out: string[] = [`Evaluating ${specs.length} spec(s) in ${dir} (${offline ? 'offline reviewer' : 'model passes'})`, ''];
      for (const r of results) {
        const got = r.score.gaps.filter((g) => g.raisedBy.length > 0).length;
        out.push(`${r.file}: recall ${got}/${r.score.gaps.length} (${pct(r.score.recall)})  ${Object.entries(r.score.recallByPass).map(([p, v]) => `${p} ${pct(v)}`).join(', ')}`);
        const expected = [...r.expectedDomains].sort().join(', ');
        const classified = [...r.classified].sort().join(', ');
        out.push(`  domains: ${classified ? r.classified.map((d) => domainTitle(d)).join(', ') : 'none detected'}${expected === classified ? '' : `  (sidecar lists: ${expected || 'none'})`}`);
        for (const g of r.score.gaps) out.push(`  ${g.raisedBy.length ? 'raised ' : 'MISSED '} ${g.id}${g.raisedBy.length ? ` (${g.raisedBy.join(', ')})` : `: ${g.description}`}`);
        for (const f of r.score.outOfDomain) out.push(`  OUT OF DOMAIN ${f.rule}: ${f.problem}`);
        if (r.score.unmatched.length || r.score.unmatchedLint) {
          out.push(`  matched no planted gap: ${r.score.unmatched.length} finding(s)${r.score.unmatchedLint ? `, plus ${r.score.unmatchedLint} lint finding(s) not listed` : ''}`);
          for (const f of r.score.unmatched) out.push(`    ${f.severity.padEnd(6)} ${f.section}: ${oneLine(f.problem, 150)}`);
        }
        for (const p of r.failedPasses) out.push(`  pass failed — ${p}`);
        out.push('');
      }
      out.push(`Overall recall: ${raised}/${planted} (${pct(overall)})`);
      out.push(`Per pass: ${Object.entries(byPass).map(([p, v]) => `${p} ${pct(v)}`).join(', ')}`);
      out.push(`Checklist findings outside the spec's domains: ${outOfDomain}`);
      if (skipped.length) out.push(`Skipped (no .gaps.json sidecar): ${skipped.join(', ')}`);
      io.stdout(`${out.join('\n')}\n`);
    }
    if (outOfDomain > 0) return 1;
    if (minRecall !== null && overall * 100 < minRecall) return 1;
    return 0;
  },
};

function brief(f: Finding) {
  return { pass: f.pass, rule: f.rule ?? null, section: f.section, severity: f.severity, problem: f.problem, quote: f.quote };
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

