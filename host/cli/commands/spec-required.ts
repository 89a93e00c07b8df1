import { createInterface } from 'node:readline/promises';
import { SPEC_REQUIRED_QUESTIONS, recommendSpec, specRequiredAnswersSchema, type SpecRequiredAnswers } from '../../../core/flow/spec-required.js';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand } from '../command.js';
import { withDecisions } from '../decision-access.js';
import { positiveInt } from '../store-access.js';
import { commandInfo } from './index.js';

const YES = /^(y|yes|true|1)$/i;
const NO = /^(n|no|false|0)$/i;

function yesNo(value: string, what: string): boolean {
  if (YES.test(value)) return true;
  if (NO.test(value)) return false;
  throw new UsageError(`--${what} must be yes or no, got "${value}"`);
}

async function ask(): Promise<Record<string, unknown>> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answers: Record<string, unknown> = {};
    for (const q of SPEC_REQUIRED_QUESTIONS) {
      for (;;) {
        const a = (await rl.question(`${q.question} [y/n] `)).trim();
        if (YES.test(a) || NO.test(a)) {
          answers[q.id] = YES.test(a);
          break;
        }
      }
    }
    answers.engineers = Number((await rl.question('How many engineers need to give input? ')).trim());
    answers.lastsMonths = Number((await rl.question('How many months will the decision last? ')).trim());
    return answers;
  } finally {
    rl.close();
  }
}

export const specRequiredCommand: CliCommand = {
  ...commandInfo('spec-required'),
  async run(argv, io) {
    const flags = SPEC_REQUIRED_QUESTIONS.map((q) => q.flag);
    const args = parseArgs(argv, { values: [...flags, 'engineers', 'months', 'spec', 'format', 'actor'] });
    const format = formatFlag(args, ['text', 'json', 'markdown'] as const, 'text');
    const given = [...flags, 'engineers', 'months'].filter((f) => args.flags.has(f));
    let raw: Record<string, unknown>;
    if (given.length === 0 && process.stdin.isTTY && !io.env.SPECBENCH_NO_PROMPT) raw = await ask();
    else {
      const missing = [...flags, 'engineers', 'months'].filter((f) => !args.flags.has(f));
      if (missing.length) throw new UsageError(`answer every question: missing ${missing.map((m) => `--${m}`).join(', ')} (or run it in a terminal to be asked)`);
      raw = Object.fromEntries(SPEC_REQUIRED_QUESTIONS.map((q) => [q.id, yesNo(stringFlag(args, q.flag)!, q.flag)]));
      raw.engineers = Number(stringFlag(args, 'engineers'));
      raw.lastsMonths = Number(stringFlag(args, 'months'));
    }
    const parsed = specRequiredAnswersSchema.safeParse(raw);
    if (!parsed.success) throw new UsageError(`answers: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const answers: SpecRequiredAnswers = parsed.data;
    const specArg = stringFlag(args, 'spec');
    const result = specArg ? await withDecisions(io, ({ flow }) => flow.saveSpecRequired(positiveInt(specArg, '--spec'), answers, stringFlag(args, 'actor'))) : { specId: null, answers, ...recommendSpec(answers) };
    if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const head = result.recommendation === 'spec' ? 'Write a spec.' : 'No spec needed.';
      const bullet = format === 'markdown' ? '- ' : '  - ';
      io.stdout(`${format === 'markdown' ? `**Spec required?** ${head}` : head}\n${result.reasons.map((r) => `${bullet}${r}`).join('\n')}\n`);
    }
    return 0;
  },
};
