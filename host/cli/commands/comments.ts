import { existsSync } from 'node:fs';
import type { ReviewThread } from '../../../core/contract/ops/review-threads.js';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import { readSpecFile } from '../../files/spec-file.js';
import { ReviewThreadService } from '../../review-threads/service.js';
import type { CliCommand, CliIo } from '../command.js';
import { positiveInt, shortTime, withCliStore } from '../store-access.js';
import { commandInfo } from './index.js';

function threadText(threads: ReviewThread[]): string {
  if (threads.length === 0) return 'No threads.\n';
  const lines: string[] = [];
  for (const t of threads) {
    const where =
      t.placement.status === 'attached'
        ? `${t.placement.requirementId ?? t.placement.section ?? ''}`
        : `OUTDATED (from v${t.selector.versionNumber ?? '?'}${t.placement.reason === 'ambiguous' ? ', ambiguous' : ''})`;
    const flags = [t.severity, t.status, t.kind === 'suggestion' ? `suggestion ${t.suggestion?.state}` : null, t.pending ? 'pending' : null].filter(Boolean).join(', ');
    lines.push(`${t.id.slice(0, 8)}  ${where || '-'}  [${flags}]  "${oneLine(t.selector.exact, 60)}"`);
    for (const c of t.comments) {
      const body = c.deletedAt ? '(deleted)' : oneLine(c.body, 100);
      lines.push(`    ${c.author.name}  ${shortTime(c.createdAt)}${c.conflictOf ? '  CONFLICT' : ''}  ${body}`);
    }
    if (t.suggestion) lines.push(`    suggests: "${oneLine(t.suggestion.text, 80)}"${t.suggestion.reason ? `  (${t.suggestion.reason})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

async function list(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['format'], booleans: ['open'] });
  const format = formatFlag(args, ['text', 'json'] as const, 'text');
  if (args.positionals.length !== 1) throw new UsageError('expected one file or spec id: specbench comments list <file|spec-id> [--open]');
  const target = args.positionals[0];
  const open = args.flags.has('open');
  const result = await withCliStore(io, async (store) => {
    let specId: number;
    let markdown: string | undefined;
    if (/^\d+$/.test(target) && !existsSync(target)) {
      specId = positiveInt(target, 'spec id');
    } else {
      const file = await readSpecFile(target);
      const spec = await store.specForFile(target);
      if (!spec) throw new UsageError(`${target} is not in the library yet: open or save it in Specbench (or pass a spec id)`);
      specId = spec.spec.id;
      markdown = file.content;
    }
    const threads = new ReviewThreadService(store).listThreads(specId, { markdown, includeResolved: !open });
    return { specId, threads: open ? threads.filter((t) => t.status === 'open') : threads };
  });
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : threadText(result.threads));
  return 0;
}

async function exportPackage(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['out'] });
  if (args.positionals.length !== 1) throw new UsageError('expected one spec id: specbench comments export <spec-id> --out FILE.specreview');
  const specId = positiveInt(args.positionals[0], 'spec id');
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('--out FILE.specreview is required');
  const result = await withCliStore(io, (store) => new ReviewThreadService(store).exportPackageTo(specId, out));
  io.stdout(`wrote ${out} (${result.threads} threads)\n`);
  return 0;
}

async function importPackage(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['format'] });
  const format = formatFlag(args, ['text', 'json'] as const, 'text');
  if (args.positionals.length !== 1) throw new UsageError('expected one file: specbench comments import FILE.specreview');
  const result = await withCliStore(io, (store) => new ReviewThreadService(store).importPackageFile(args.positionals[0]));
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : `spec ${result.specId}: ${result.threadsAdded} threads, ${result.commentsAdded} comments added, ${result.commentsUpdated} updated, ${result.conflicts} conflicts, ${result.reviewsAdded} verdicts, ${result.reviewersAdded} reviewers\n`,
  );
  return 0;
}

export const commentsCommand: CliCommand = {
  ...commandInfo('comments'),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'export') return exportPackage(rest, io);
    if (sub === 'import') return importPackage(rest, io);
    throw new UsageError(`unknown subcommand "${sub ?? ''}": use list, export or import`);
  },
};
