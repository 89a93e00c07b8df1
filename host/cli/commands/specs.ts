import { resolve } from 'node:path';
import { specSortSchema, specStateSchema, type SpecListItem } from '../../../core/contract/ops/specs.js';
import { statusLabel } from '../../../core/present/status.js';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand, CliIo } from '../command.js';
import { cliDatabaseUrl, columns, positiveInt, shortTime, withCliPgStore, withCliStore } from '../store-access.js';
import { exportFromRepository } from '../../store/export-spec.js';
import { importFolderInto } from '../../store/import-to-repository.js';
import { commandInfo } from './index.js';
import { ComputePool } from '../../compute/compute-pool.js';
import type { Analyzer } from '../../store/analyze.js';

function listText(specs: SpecListItem[]): string {
  if (specs.length === 0) return 'No specs.\n';
  const rows = [['ID', 'TITLE', 'STATUS', 'READY', 'VERSIONS', 'LAST EDITED']];
  for (const s of specs) {
    rows.push([
      String(s.id),
      s.title + (s.hasDraft ? ' *' : ''),
      statusLabel(s.status),
      s.readiness === null ? '-' : String(Math.round(s.readiness)),
      String(s.headVersion),
      shortTime(s.lastEditedAt),
    ]);
  }
  return `${columns(rows)}\n`;
}

async function list(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'state', 'status', 'title', 'sort', 'database-url'], booleans: ['asc', 'desc'] });
  const format = formatFlag(args, ['text', 'json'] as const, 'text');
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const state = specStateSchema.safeParse(args.flags.get('state') ?? 'active');
  if (!state.success) throw new UsageError('--state must be one of active, archived, trashed');
  const sort = specSortSchema.safeParse(args.flags.get('sort') ?? 'lastEdited');
  if (!sort.success) throw new UsageError(`--sort must be one of ${specSortSchema.options.join(', ')}`);
  if (args.flags.has('asc') && args.flags.has('desc')) throw new UsageError('use either --asc or --desc');
  const status = args.flags.get('status');
  const title = args.flags.get('title');
  const url = cliDatabaseUrl(args.flags.get('database-url'), io);
  const filter = {
    state: state.data,
    sort: sort.data,
    status: typeof status === 'string' ? status : undefined,
    titleContains: typeof title === 'string' ? title : undefined,
    direction: args.flags.has('asc') ? ('asc' as const) : args.flags.has('desc') ? ('desc' as const) : undefined,
  };
  const specs = url ? await withCliPgStore(url, (store) => store.specs.listSpecs(filter)) : await withCliStore(io, (store) => store.listSpecs(filter));
  io.stdout(format === 'json' ? `${JSON.stringify({ specs }, null, 2)}\n` : listText(specs));
  return 0;
}

async function importFolder(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'author', 'database-url'], booleans: ['recursive'] });
  const format = formatFlag(args, ['text', 'json'] as const, 'text');
  if (args.positionals.length !== 1) throw new UsageError('expected one folder: specbench specs import <folder> [--recursive]');
  const author = args.flags.get('author');
  const url = cliDatabaseUrl(args.flags.get('database-url'), io);
  // The same budgets as the app: a file that is too complex to parse or lint is skipped, not hung on.
  const pool = new ComputePool();
  const dir = resolve(io.cwd, args.positionals[0]);
  const options = {
    author: typeof author === 'string' ? author : undefined,
    recursive: args.flags.has('recursive'),
    analyze: ((markdown, lintConfig) => pool.run('analyze', { markdown, lint: true, lintConfig })) satisfies Analyzer,
  };
  const result = await (url ? withCliPgStore(url, (store) => importFolderInto(store.specs, dir, options)) : withCliStore(io, (store) => store.importFolder(dir, options))).finally(() =>
    pool.dispose(),
  );
  if (format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const parts = [
      `Imported ${plural(result.imported.length, 'spec')}`,
      result.updated.length ? `updated ${plural(result.updated.length, 'spec')} with a new version` : '',
      result.unchanged.length ? `${plural(result.unchanged.length, 'file')} unchanged` : '',
      result.skipped.length ? `skipped ${plural(result.skipped.length, 'file')}` : '',
    ].filter(Boolean);
    const lines = [`${parts.join(', ')}.`];
    for (const i of result.imported) lines.push(`  ${i.specId}  ${i.file}  (${i.title})`);
    for (const u of result.updated) lines.push(`  ${u.specId}  ${u.file}  (version ${u.version})`);
    for (const s of result.skipped) lines.push(`  skipped ${s.file}: ${s.reason}`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  return 0;
}

async function exportSpec(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'version', 'out', 'database-url'] });
  const format = formatFlag(args, ['text', 'json'] as const, 'text');
  if (args.positionals.length !== 1) throw new UsageError('expected one spec id: specbench specs export <id>');
  const id = positiveInt(args.positionals[0], 'spec id');
  const version = args.flags.has('version') ? positiveInt(args.flags.get('version'), '--version') : undefined;
  const out = args.flags.get('out');
  const url = cliDatabaseUrl(args.flags.get('database-url'), io);
  const options = { version, path: typeof out === 'string' ? resolve(io.cwd, out) : undefined };
  const result = url ? await withCliPgStore(url, (store) => exportFromRepository(store.specs, id, options)) : await withCliStore(io, (store) => store.exportSpec(id, options));
  if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.path) io.stdout(`Wrote version ${result.version} of spec ${id} to ${result.path} (${result.bytes} bytes)\n`);
  else io.stdout((result.bom ? '\uFEFF' : '') + result.content);
  return 0;
}

const subcommands: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { list, import: importFolder, export: exportSpec };

export const specsCommand: CliCommand = {
  ...commandInfo('specs'),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const run = sub ? subcommands[sub] : undefined;
    if (!run) throw new UsageError(`expected a subcommand: specs list | specs import <folder> | specs export <id>${sub ? ` (got "${sub}")` : ''}`);
    return run(rest, io);
  },
};
