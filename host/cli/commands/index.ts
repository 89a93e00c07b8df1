import type { CliCommand } from '../command.js';

/** What `--help` and `<command> --help` print; known without loading the command's module. */
export interface CommandInfo {
  name: string;
  /** One line for `specbench --help`. */
  summary: string;
  /** Full usage text for `specbench <name> --help`. */
  usage: string;
}

/** A command as the CLI entry sees it: its text, and its module loaded only when it runs. */
export interface CommandEntry extends CommandInfo {
  load(): Promise<CliCommand>;
}

/**
 * Every `specbench` subcommand, in the order `--help` lists them. Each module is imported only when
 * its command runs, so `--help` and `lint` never load the Anthropic SDK, SQLite or the server launcher.
 * Adding a command: one module in this folder exporting a `CliCommand` built from `commandInfo(name)`,
 * one entry here.
 */
export const commands: CommandEntry[] = [
  {
    name: 'parse',
    summary: 'Parse a Markdown spec and print its sections, requirement ids and edge-case rows',
    usage: `Usage: specbench parse <file.md> [--format text|json] [--format-of FORMAT]

Prints the detected format (six-part, speckit, kiro, kiro-design, openspec, openspec-delta,
product-ops), every section, and every requirement and criterion with its id (native, or derived:
Kiro R3.2, spec-kit US2-AS1, OpenSpec requirement/scenario), kind, parent and style.

  --format-of FORMAT   read the file as this format instead of detecting it
                       (front matter "format: kiro" does the same)

Exit 0 on success, 2 on a usage or input error.`,
    load: async () => (await import('./parse.js')).parseCommand,
  },
  {
    name: 'lint',
    summary: 'Lint a spec: binary acceptance criteria, requirement wording, cross-section consistency',
    usage: `Usage: specbench lint <file.md> [--format text|json|sarif] [--config FILE]

Checks a spec: every acceptance criterion binary (clearly pass or fail), requirement wording,
and the sections against each other (uncovered FRs, undefined endpoints, error codes, numbers).

  --format text    readable findings grouped by section, with the readiness score (default)
  --format json    { file, readiness, items, crossFindings }
  --format sarif   SARIF 2.1.0 for GitHub code scanning
  --config FILE    lint settings; default: .specbench.json next to the spec, if any

Exit 0 when no finding is an error, 1 when one is, 2 on a usage, input or config error.`,
    load: async () => (await import('./lint.js')).lintCommand,
  },
  {
    name: 'convert',
    summary: 'Convert a spec to spec-kit, Kiro, OpenSpec or the six-part template, keeping ids',
    usage: `Usage: specbench convert <file.md> --to speckit|kiro|openspec|six-part [--out FILE] [--format text|json] [--format-of FORMAT]

Writes the spec in another format, mapping requirements, criteria, scenarios and success
criteria by kind and keeping native ids (FR-1, AC-3, SC-001). Whatever the target cannot hold as
it was (an id the format derives its own way, a section it has no place for, groups, prose
around items) is listed on stderr (text) or under "notes" (json), never dropped silently.
An OpenSpec change delta is refused: it changes a spec that is not there.

  --to FORMAT          six-part, speckit, kiro or openspec
  --out FILE           write the result here instead of stdout
  --format json        { to, markdown | out, notes: [{ kind, message }] }
  --format-of FORMAT   read the input as this format instead of detecting it

Exit 0 on success, 2 on a usage or input error or a refused conversion.`,
    load: async () => (await import('./convert.js')).convertCommand,
  },
  {
    name: 'specs',
    summary: 'List the spec library, import a folder of Markdown specs, export a spec or version',
    usage: `Usage:
  specbench specs list [--state active|archived|trashed] [--status S] [--title TEXT]
                       [--sort lastEdited|title|readiness|created|status] [--asc|--desc] [--format text|json]
  specbench specs import <folder> [--recursive] [--author NAME] [--format text|json]
  specbench specs export <id> [--version N] [--out FILE|FOLDER] [--format text|json]
Each also takes --database-url postgres://USER:PASSWORD@HOST:PORT/DB (or $SPECBENCH_DATABASE_URL).

The library lives in $SPECBENCH_HOME (default ~/.specbench); with a database URL the commands use
that team database instead (migrated on first use). There, a file imported before is recognised by
its file name (the team database keeps no links to anyone's files).
import --recursive walks the folder tree: spec-kit specs/*/spec.md, Kiro .kiro/specs/*/requirements.md
and design.md, OpenSpec openspec/specs/*/spec.md and plain Markdown specs. A file imported before adds
a version to its spec when it changed and nothing when it did not.
export without --out prints the Markdown exactly as stored; with --out it writes the file
(into a folder under the spec's sanitised file name).
Exit 0 on success, 2 on a usage or input error, 1 when the database cannot be used or reached.`,
    load: async () => (await import('./specs.js')).specsCommand,
  },
  {
    name: 'history',
    summary: "Show a spec's versions, newest first, with what changed by requirement id",
    usage: `Usage: specbench history <spec-id> [--format text|json] [--database-url URL]

Lists every version of a spec in the library ($SPECBENCH_HOME or ~/.specbench; the team database
with --database-url or $SPECBENCH_DATABASE_URL) with author, message and the semantic change
summary against the version before it.
Exit 0 on success, 2 on a usage or input error, 1 when the database cannot be used or reached.`,
    load: async () => (await import('./history.js')).historyCommand,
  },
  {
    name: 'comments',
    summary: 'Review threads of a spec: list them, export or import a .specreview package',
    usage: `Usage:
  specbench comments list <file|spec-id> [--open] [--format text|json]
  specbench comments export <spec-id> --out FILE.specreview
  specbench comments import FILE.specreview [--format text|json]

list places every thread in the file's current text (or the spec's head version): by requirement
id, then quote, then fuzzy match; a thread that cannot be placed is shown OUTDATED with its quote.
--open hides resolved threads. import merges by stable ids: importing twice changes nothing.
Exit 0 on success, 2 on a usage or input error (incl. a package from a newer schema), 1 when
the database cannot be used.`,
    load: async () => (await import('./comments.js')).commentsCommand,
  },
  {
    name: 'round',
    summary: 'Review round status: reviewers, verdicts (stale when what they saw changed), open blocking threads',
    usage: `Usage: specbench round status <spec-id> [--format text|json]

Shows the meeting countdown, each reviewer's latest verdict and the version it was given on,
stale when a requirement, criterion or edge-case row they saw changed since (semantic diff),
and the open, blocking and outdated threads.
Exit 0 on success, 2 on a usage or input error, 1 when the database cannot be used.`,
    load: async () => (await import('./round.js')).roundCommand,
  },
  {
    name: 'diff',
    summary: 'Semantic diff between two versions of a spec: sections, requirement ids, edge-case rows, lines',
    usage: `Usage: specbench diff <spec-id> <from-version> <to-version> [--summary] [--context N] [--format text|json]
                      [--database-url URL]

Prints what changed by section and requirement id (FR-3 modified, AC-11 added, NFR-2 removed,
edge-case rows added or removed), then a unified line diff of each changed section.
--summary leaves out the line diffs; --context sets the unchanged lines around each change (default 3).
--database-url (or $SPECBENCH_DATABASE_URL) reads the spec from the team database.
Exit 0 on success, 2 on a usage or input error, 1 when the database cannot be used or reached.`,
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    name: 'backup',
    summary: "Write a consistent copy of the spec database with SQLite's online backup API",
    usage: `Usage: specbench backup <file> [--format text|json]

Copies the library database ($SPECBENCH_HOME or ~/.specbench) to <file>, safely while the app
is running. An existing file is never overwritten.
Exit 0 on success, 2 on a usage or input error, 1 when the database cannot be used.`,
    load: async () => (await import('./backup.js')).backupCommand,
  },
  {
    name: 'server',
    summary: 'Run the embedded magic-link server (Express + PostgreSQL), optionally with a defect',
    usage: `Usage: specbench server [--port N] [--database-url URL] [--data-dir DIR] [--defect NAME] [--dev] [--list-defects]

Runs the embedded magic-link server (Express + PostgreSQL) in the foreground until Ctrl-C.
Prints "listening on http://127.0.0.1:PORT" when ready, then its JSON log lines.

  --port N            port on 127.0.0.1 (default $PORT or 4000; 0 picks a free one)
  --database-url URL  use this PostgreSQL (default $DATABASE_URL; unset: an embedded one)
  --data-dir DIR      keep the embedded PostgreSQL's data here (default: temporary)
  --defect NAME       start with one deliberate defect (see --list-defects)
  --dev               mount the dev control API under /__dev
  --list-defects      print the defects, one per line
`,
    load: async () => (await import('./server.js')).serverCommand,
  },
  {
    name: 'review',
    summary: 'Run AI review passes on a spec (offline reviewer without ANTHROPIC_API_KEY)',
    usage: `Usage: specbench review <file.md> [--pass ID | --all] [--format text|json] [--offline] [--dismiss KEY]

Runs AI review passes on a spec. With ANTHROPIC_API_KEY set, the passes call the model
(ANTHROPIC_BASE_URL is honoured); without it, the offline reviewer runs instead.
The spec's domains pick the checklists used (override with \`domains: [...]\` in front matter).

Each finding is labelled against the previous review of the same file: new, persisting,
and at the end the resolved ones. History lives in $SPECBENCH_HOME/review-history/.

  --pass ID        run one pass (see the ids in prompts/); default: --all
  --all            run every review pass and merge duplicate findings
  --format FORMAT  text (default) or json
  --offline        use the offline reviewer even when a key is set
  --dismiss KEY    dismiss the finding with this key (shown under each finding); it stays
                   hidden in later runs for as long as its quoted text is unchanged

Exit status: 0 when every pass succeeded, 2 on bad usage, unreadable input or a failed pass.
`,
    load: async () => (await import('./review.js')).reviewCommand,
  },
  {
    name: 'eval',
    summary: 'Measure the review passes on a folder of specs with planted gaps',
    usage: `Usage: specbench eval <dir> [--offline] [--format text|json] [--min-recall PERCENT]

Measures the review passes on a folder of specs with planted gaps (FR-5). Each spec
\`name.md\` has a sidecar \`name.gaps.json\`:

  { "domains": ["payments"],
    "gaps": [ { "id": "duplicate-refund",
                "description": "what a good reviewer should raise",
                "rules": ["checklist/payments/duplicate-request"],
                "terms": ["twice", "idempoten"] } ] }

A gap is raised by an offline finding whose rule is listed in "rules", or by a model finding
whose problem or suggestion contains one of "terms" (optionally only in "sections").
Prints recall per spec, per pass and overall, the findings that matched no planted gap (to
read by hand), and any checklist finding from a domain the sidecar does not list.
Offline by default; with ANTHROPIC_API_KEY set the model passes run (each pass costs tokens).

  --offline            use the offline reviewer even when a key is set
  --format FORMAT      text (default) or json
  --min-recall PERCENT exit 1 when overall recall is below this (for CI)

Exit status: 0 done, 1 below --min-recall or out-of-domain findings, 2 usage or input error.
`,
    load: async () => (await import('./eval.js')).evalCommand,
  },
  {
    name: 'validate',
    summary: "Run a spec's acceptance criteria against running code; score the spec by the defects it catches",
    usage: `Usage: specbench validate <file.md> [--target embedded|URL] [--defect NAME | --all-defects]
                          [--ac AC-3,AC-7] [--format text|json|junit] [--allow-remote]

Compiles each acceptance criterion (Gherkin, EARS or plain sentences) into HTTP steps and runs it
against the target, resetting its state between criteria through the /__dev test-control contract
(embedded-server/README.md). Team phrases come from "steps" in .specbench.json next to the spec.

  --target embedded   start the embedded magic-link server for the run (default)
  --target URL        an implementation already running (loopback only without --allow-remote)
  --defect NAME       run against the embedded server with one deliberate defect
  --all-defects       mutation run: every defect, the matrix, the score, a suggested criterion per survivor
  --ac LIST           only these criteria (the ones they draw captures from still run as setup)
  --format FORMAT     text (default), json, or junit (one <testcase> per criterion)
  --store             record the result against the library version with this exact text ($SPECBENCH_HOME)
  --smtp-port N       run an SMTP sink on 127.0.0.1:N and read emails from it, not /__dev/outbox
                      (start the target with SMTP_URL=smtp://127.0.0.1:N)

Exit 0 when every selected criterion passed, 1 otherwise, 2 on a usage or target error.`,
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'adr',
    summary: 'Import and export Architectural Decision Records (MADR, adr-tools, log4brains; CSV, HTML, PDF)',
    usage: `Usage:
  specbench adr import DIR [--log NAME] [--format text|json]
  specbench adr export --out DIR [--format madr|nygard|csv|html|pdf] [--log NAME] [--force] [--renumber] [--json]
  specbench adr list [--log NAME] [--format text|json]

import reads MADR 2-4 (with or without front matter), adr-tools/Nygard, log4brains and
unnumbered CamelCase.md records, keeps numbers, links and exact texts, and reports per file
what could not be mapped (e.g. "link to 0007 not found", duplicate numbers). Re-importing
changes nothing. The log is "main" unless --log names another.
export writes NNNN-slug.md files and an index README.md (madr, nygard), or one digest
(adrs.csv, adrs.html, adrs.pdf). Into a folder holding another log, numbers continue after its
highest; a file that differs is never overwritten without --force; --renumber gives records
sharing a number new numbers.
Exit 0 on success, 1 when a file was left alone (use --force), 2 on a usage or input error.`,
    load: async () => (await import('./adr.js')).adrCommand,
  },
  {
    name: 'metrics',
    summary: 'Spec-to-implementation-start per spec, monthly median and p90, specs over 7 days flagged',
    usage: `Usage: specbench metrics [--since DATE] [--format text|json|csv]

Flow metrics from the spec lifecycle (see specbench spec status): days from approval to
implementation start per spec (an approved spec not yet started counts "so far"), specs over
7 days flagged, median and 90th percentile per month of approval, time in review, and review
latency per reviewer when review data exists. --since keeps specs approved on or after DATE.
Exit 0 on success, 2 on a usage error, 1 when the database cannot be used.`,
    load: async () => (await import('./metrics.js')).metricsCommand,
  },
  {
    name: 'spec',
    summary: "Move a spec through its lifecycle or detect its implementation start from git",
    usage: `Usage:
  specbench spec status <spec-id> <draft|in-review|approved|implementation-started|done> [--at DATE] [--actor NAME] [--format text|json]
  specbench spec detect <spec-id> [--repo DIR] [--format text|json]

status records a lifecycle transition (now, or at --at) with who made it.
detect finds the first commit after approval whose message names the spec (its front matter
id, or SPEC-<id>) or touches a path matching its front matter implementation: globs, read
with git log in --repo (default: the current folder); a manual start always wins.
Exit 0 on success, 2 on a usage or input error, 1 when the database cannot be used.`,
    load: async () => (await import('./spec.js')).specCommand,
  },
  {
    name: 'spec-required',
    summary: 'Ask the "spec required?" questions and recommend a spec or none, with reasons',
    usage: `Usage: specbench spec-required [--architecture yes|no] [--teams yes|no] [--security yes|no]
                              [--alternatives yes|no] [--integration yes|no] [--engineers N] [--months N]
                              [--spec ID] [--format text|json|markdown]

Without flags, in a terminal, asks the questions. With flags (for issue templates) every
answer must be given. A spec is recommended for significant architectural change or new
infrastructure, several teams coordinating, security or compliance implications, meaningful
alternatives with different long-term trade-offs, a new third-party integration, or when more
than two engineers give input on a decision lasting more than six months.
--spec stores the answers with that spec in the library.
Exit 0 on success, 2 on a usage error.`,
    load: async () => (await import('./spec-required.js')).specRequiredCommand,
  },
  {
    name: 'team',
    summary: 'Run the team server (shared PostgreSQL, accounts, roles, live updates) or invite a user',
    usage: `Usage:
  specbench team serve --database-url URL --public-url URL [--listen HOST:PORT]
                       [--tls-cert FILE --tls-key FILE | --trust-proxy] [--log-level debug|info|warn|error]
  specbench team user add EMAIL --role admin|author|reviewer|productops [--name NAME]
                       --database-url URL --public-url URL

serve runs the workbench for a team on a PostgreSQL database: it migrates the database (under an
advisory lock, refusing a schema newer than this binary), then serves the renderer, /auth/*, the
API (POST /api/<operation>, session and X-Specbench-Token required), live events (/api/events),
/healthz and /readyz. Logs are JSON lines on stdout. SIGTERM or Ctrl-C finishes requests in
flight (up to 10 s), then exits 0.

  --database-url URL   postgres://USER:PASSWORD@HOST:PORT/DB (default $SPECBENCH_DATABASE_URL)
  --public-url URL     the origin users open, e.g. https://specs.example.com (default $SPECBENCH_PUBLIC_URL)
  --listen HOST:PORT   where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  --tls-cert, --tls-key  serve HTTPS with this PEM certificate and key (both or neither)
  --trust-proxy        a TLS-terminating reverse proxy is in front: X-Forwarded-For names the client
Plain HTTP on an address other than loopback is refused unless --trust-proxy is given.
SMTP_URL, when set, offers sign-in by magic link.

user add creates (or re-invites) an account and prints its one-time invitation link.

Exit 0 on success or after a clean shutdown, 1 when the database cannot be reached or is newer
than this binary (one line naming the host and reason), 2 on a usage error.`,
    load: async () => (await import('./team.js')).teamCommand,
  },
];

/** The name, summary and usage of one command, for its module to build its `CliCommand` from. */
export function commandInfo(name: string): CommandInfo {
  const entry = commands.find((c) => c.name === name);
  if (!entry) throw new Error(`no CLI command "${name}" in commands/index.ts`);
  return { name: entry.name, summary: entry.summary, usage: entry.usage };
}
