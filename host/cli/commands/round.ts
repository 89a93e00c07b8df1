import type { RoundStatus } from '../../../core/contract/ops/review-threads.js';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import { ReviewThreadService } from '../../review-threads/service.js';
import type { CliCommand } from '../command.js';
import { columns, positiveInt, shortTime, withCliStore } from '../store-access.js';
import { commandInfo } from './index.js';

function statusText(s: RoundStatus): string {
  const lines: string[] = [`spec ${s.specId}, head v${s.headVersion}`];
  if (s.round?.meetingAt) {
    const hours = s.hoursToMeeting ?? 0;
    lines.push(`meeting ${shortTime(s.round.meetingAt)} UTC (${hours >= 0 ? `in ${Math.floor(hours)} h ${Math.floor((hours % 1) * 60)} min` : 'past'})`);
  }
  if (s.warning) lines.push(`warning: ${s.warning}`);
  const rows = [['REVIEWER', 'VERDICT', 'VERSION', 'STATE']];
  for (const r of s.reviewers) {
    const state = r.stale ? `stale: ${r.changed.join(', ')} changed` : r.verdict ? 'current' : r.requested ? 'requested' : '-';
    rows.push([`${r.person.name} <${r.person.email}>`, r.verdict ?? '-', r.versionNumber ? `v${r.versionNumber}` : '-', state + (r.reRequested ? ' (re-requested)' : '')]);
  }
  lines.push(s.reviewers.length ? columns(rows) : 'no reviewers');
  lines.push(`open threads: ${s.openThreads}, blocking: ${s.openBlocking}, outdated: ${s.outdated}`);
  return `${lines.join('\n')}\n`;
}

export const roundCommand: CliCommand = {
  ...commandInfo('round'),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'status') throw new UsageError(`unknown subcommand "${sub ?? ''}": use status`);
    const args = parseArgs(rest, { values: ['format'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('expected one spec id: specbench round status <spec-id>');
    const specId = positiveInt(args.positionals[0], 'spec id');
    const status = await withCliStore(io, (store) => new ReviewThreadService(store).roundStatus(specId));
    io.stdout(format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
    return 0;
  },
};
