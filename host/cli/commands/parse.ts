import { resolve } from 'node:path';
import { parseSpec } from '../../../core/markdown/parse.js';
import { summarizeSpec, type ParseSummary } from '../../../core/spec/summary.js';
import { readSpecFile } from '../../files/spec-file.js';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand } from '../command.js';
import { commandInfo } from './index.js';
import { formatOfFlag } from '../../common/format-of.js';

/** The item's first line, at most `max` characters; anything cut (later lines or the rest of a long one) ends in "…". */
export function clip(text: string, max: number): string {
  const [first, ...rest] = text.split('\n');
  const more = rest.some((l) => l.trim() !== '');
  if (first.length > max) return `${first.slice(0, max - 1)}…`;
  return more ? `${first}…` : first;
}

function textReport(summary: ParseSummary): string {
  const how = summary.formatSource === 'detected' ? '' : `, from ${summary.formatSource}`;
  const lines = [`${summary.title} (${summary.template} template, ${summary.format} format${how})`];
  if (summary.mixedFormats.length > 0) lines.push(`  also written in: ${summary.mixedFormats.join(', ')}`);
  for (const section of summary.sections) {
    const rows = section.rows ? `, ${section.rows.length} table rows` : '';
    lines.push(`  ${section.heading} [${section.key}]: ${section.items.length} items${rows}`);
    for (const item of section.items) {
      // Plain FRs and ACs read as before; derived, nested, delta and other kinds say what they are.
      const notes = [
        ...(item.derived || item.parent || (item.kind !== 'requirement' && item.kind !== 'criterion') ? [`${item.kind}${item.parent ? ` of ${item.parent}` : ''}`] : []),
        ...(item.delta ? [item.delta.toUpperCase()] : []),
        ...(item.group ? [item.group] : []),
      ];
      lines.push(`    ${item.id}${notes.length ? ` (${notes.join('; ')})` : ''}: ${clip(item.text, 100)}`);
    }
  }
  for (const section of summary.unknownSections) lines.push(`  ${section.heading ?? '(untitled)'} [not in template]`);
  for (const d of summary.diagnostics) lines.push(`  ${d.severity}: ${d.message}`);
  return `${lines.join('\n')}\n`;
}

export const parseCommand: CliCommand = {
  ...commandInfo('parse'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format', 'format-of'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one file: specbench parse <file.md>');
    const formatOf = formatOfFlag(args.flags.get('format-of'));
    const file = await readSpecFile(resolve(io.cwd, args.positionals[0]));
    const summary = summarizeSpec(parseSpec(file.content, { format: formatOf }));
    io.stdout(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : textReport(summary));
    return 0;
  },
};
