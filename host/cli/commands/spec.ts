import { resolve } from 'node:path';
import { SPEC_STAGES, specStageSchema } from '../../../core/flow/lifecycle.js';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand } from '../command.js';
import { withDecisions } from '../decision-access.js';
import { positiveInt } from '../store-access.js';
import { commandInfo } from './index.js';

export const specCommand: CliCommand = {
  ...commandInfo('spec'),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'status') {
      const args = parseArgs(rest, { values: ['at', 'actor', 'format'] });
      const format = formatFlag(args, ['text', 'json'] as const, 'text');
      if (args.positionals.length !== 2) throw new UsageError(`expected: specbench spec status <spec-id> <${SPEC_STAGES.join('|')}>`);
      const specId = positiveInt(args.positionals[0], 'spec id');
      const stage = specStageSchema.safeParse(args.positionals[1]);
      if (!stage.success) throw new UsageError(`the stage must be one of ${SPEC_STAGES.join(', ')}, got "${args.positionals[1]}"`);
      const at = stringFlag(args, 'at');
      if (at !== undefined && Number.isNaN(Date.parse(at))) throw new UsageError(`--at must be a date or time such as 2026-11-02 or 2026-11-02T10:00:00Z, got "${at}"`);
      const transitions = await withDecisions(io, ({ flow }) => flow.setStage(specId, stage.data, { at, actor: stringFlag(args, 'actor') }));
      io.stdout(format === 'json' ? `${JSON.stringify({ specId, transitions }, null, 2)}\n` : `${transitions.map((t) => `${t.at}  ${t.state.padEnd(22)}  ${t.actor}  ${t.source}${t.detail ? `  ${t.detail}` : ''}`).join('\n')}\n`);
      return 0;
    }
    if (sub === 'detect') {
      const args = parseArgs(rest, { values: ['repo', 'format'] });
      const format = formatFlag(args, ['text', 'json'] as const, 'text');
      if (args.positionals.length !== 1) throw new UsageError('expected: specbench spec detect <spec-id> [--repo DIR]');
      const specId = positiveInt(args.positionals[0], 'spec id');
      const repo = resolve(io.cwd, stringFlag(args, 'repo') ?? '.');
      const result = await withDecisions(io, ({ flow }) => flow.detect(specId, repo, { ...process.env, ...io.env }));
      if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const d = result.detection;
        io.stdout(
          d.status === 'found'
            ? `Found ${d.commit.slice(0, 12)} at ${d.at} (${d.reason === 'message' ? 'its message names the spec' : 'it touches an implementation path'}): ${d.subject}\n`
            : `Detection ${d.status === 'off' ? 'off' : 'found nothing'}: ${d.reason}\n`,
        );
        if (result.effective) io.stdout(`Implementation start: ${result.effective.at} (${result.effective.source})\n`);
      }
      return 0;
    }
    throw new UsageError('expected a subcommand: status or detect (see specbench spec --help)');
  },
};
