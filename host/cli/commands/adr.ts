import { resolve } from 'node:path';
import { z } from 'zod';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import { EXPORT_FORMATS, exportAdrLog, type ExportReport } from '../../adr/export-log.js';
import { importAdrLog, type ImportReport } from '../../adr/import-log.js';
import type { CliCommand } from '../command.js';
import { withDecisions } from '../decision-access.js';
import { commandInfo } from './index.js';

const logName = z.string().trim().min(1).max(200);

function importText(r: ImportReport): string {
  const lines = [`Imported ${r.dir} into log "${r.log}": ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged.`];
  for (const f of r.files) {
    const n = f.number === null ? '----' : String(f.number).padStart(4, '0');
    lines.push(`  ${f.action.padEnd(9)} ${n}  ${f.fileName}  ${f.status || '?'}  ${f.title}`);
    for (const p of f.problems) lines.push(`      not mapped: ${p}`);
  }
  const lost = r.files.filter((f) => f.problems.length).length;
  lines.push(lost ? `${lost} file(s) with something that could not be mapped (kept as written).` : 'Nothing was lost: every record mapped.');
  return `${lines.join('\n')}\n`;
}

function exportText(r: ExportReport): string {
  const lines = [`Exported to ${r.dir} as ${r.format}: ${r.written.length} written, ${r.unchanged.length} unchanged, ${r.skipped.length} left alone.`];
  for (const w of r.written) lines.push(`  written    ${w}`);
  for (const s of r.skipped) lines.push(`  exists     ${s} (differs; use --force to overwrite)`);
  for (const m of r.renumbered) lines.push(`  renumbered ${m}`);
  for (const n of r.notes) lines.push(`  note       ${n}`);
  return `${lines.join('\n')}\n`;
}

export const adrCommand: CliCommand = {
  ...commandInfo('adr'),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'import') {
      const args = parseArgs(rest, { values: ['format', 'log', 'actor'] });
      const format = formatFlag(args, ['text', 'json'] as const, 'text');
      if (args.positionals.length !== 1) throw new UsageError('expected one folder: specbench adr import DIR');
      const log = logName.safeParse(stringFlag(args, 'log') ?? 'main');
      if (!log.success) throw new UsageError('--log must be a non-empty name');
      const report = await withDecisions(io, ({ decisions }) => importAdrLog(decisions, resolve(io.cwd, args.positionals[0]), { logName: log.data, actor: stringFlag(args, 'actor') }));
      io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : importText(report));
      return 0;
    }
    if (sub === 'export') {
      const args = parseArgs(rest, { values: ['out', 'format', 'log'], booleans: ['force', 'renumber', 'json'] });
      const out = stringFlag(args, 'out');
      if (!out) throw new UsageError('--out DIR is required: specbench adr export --out DIR');
      if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
      const format = formatFlag(args, EXPORT_FORMATS, 'madr');
      const report = await withDecisions(io, ({ decisions }) =>
        exportAdrLog(decisions, { logName: stringFlag(args, 'log') ?? 'main', outDir: resolve(io.cwd, out), format, force: args.flags.has('force'), renumber: args.flags.has('renumber') }),
      );
      io.stdout(args.flags.has('json') ? `${JSON.stringify(report, null, 2)}\n` : exportText(report));
      return report.skipped.length ? 1 : 0;
    }
    if (sub === 'list') {
      const args = parseArgs(rest, { values: ['format', 'log'] });
      const format = formatFlag(args, ['text', 'json'] as const, 'text');
      const adrs = await withDecisions(io, ({ decisions }) => decisions.listAdrs({ logName: stringFlag(args, 'log') }));
      io.stdout(
        format === 'json'
          ? `${JSON.stringify({ adrs }, null, 2)}\n`
          : `${adrs.map((a) => `${a.logName}  ${a.number === null ? '----' : String(a.number).padStart(4, '0')}  ${a.status.padEnd(10)}  ${a.date ?? '          '}  ${a.title}`).join('\n')}\n`,
      );
      return 0;
    }
    throw new UsageError('expected a subcommand: import, export or list (see specbench adr --help)');
  },
};
