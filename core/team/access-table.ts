import type { OperationNameListed } from '../contract/operation-names.js';
import { TEAM_ROLES, type TeamRole } from './roles.js';

/**
 * Who may call what on the team server (issue 15 FR-4): one rule for every contract operation,
 * defined here once. The team API enforces it, `npm run docs:roles` prints it into the README, and
 * `test/host/team/api/access-table.test.ts` checks the README against it and walks every cell.
 *
 * The semantics, kept deliberately small:
 * - every signed-in role reads everything in the workspace (specs, versions, threads, ADRs, metrics);
 * - authors create specs and change the text of specs they own (the creating author owns a spec);
 * - reviewers are invited to a spec by its owner (`reviewers.add`, by email); on specs they are
 *   invited to they comment, suggest and give verdicts, never change text;
 * - comments are for a spec's participants: its owner and the people invited to it;
 * - product ops manage meetings, ADRs, lifecycle and "spec required?" answers;
 * - admins may do everything (user management lives in the accounts CLI, not in this contract);
 * - operations that touch the server's own files, dialogs, the embedded server or an API key do not
 *   exist in team mode (404 `NOT_IN_TEAM_MODE`): uploads (`specs.create` with Markdown) and
 *   downloads (`specs.export`, `reviewPackage.export` without a path) replace them.
 */

/** How a spec-scoped operation names its spec in its arguments. */
export type SpecLocator = 'id' | 'specId' | 'threadId' | 'commentId';

/**
 * What a non-admin caller must be to the spec: its `owner` (the author who created it), `invited`
 * to it (by `reviewers.add`), or a `participant` (either).
 */
export type SpecRelation = 'owner' | 'invited' | 'participant';

export type AccessRule =
  | { kind: 'unavailable'; why: string }
  | { kind: 'allowed'; scope: 'workspace'; roles: readonly TeamRole[] }
  | { kind: 'allowed'; scope: 'spec'; roles: readonly TeamRole[]; spec: SpecLocator; relation: SpecRelation };

/** The caller's relation to the spec an operation concerns; null when that spec does not exist (the store answers NOT_FOUND). */
export interface SpecFacts {
  owner: boolean;
  invited: boolean;
}

export type AccessDecision = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'NOT_IN_TEAM_MODE'; message: string };

const read: AccessRule = { kind: 'allowed', scope: 'workspace', roles: TEAM_ROLES };
/** Workspace-wide for these roles; admin always. */
const workspace = (...roles: TeamRole[]): AccessRule => ({ kind: 'allowed', scope: 'workspace', roles: ['admin', ...roles] });
/** On one spec, for these roles standing in `relation` to it; admin always, whatever the relation. */
const onSpec = (spec: SpecLocator, relation: SpecRelation, ...roles: TeamRole[]): AccessRule => ({ kind: 'allowed', scope: 'spec', roles: ['admin', ...roles], spec, relation });
const unavailable = (why: string): AccessRule => ({ kind: 'unavailable', why });

const FILES = "it reads or writes files on the server: open specs from the library, upload with specs.create (Markdown) and download with specs.export";
const DIALOGS = 'native dialogs exist only in the desktop app; the browser uploads and downloads instead';
const LINT_FILE = 'lint settings come from a .specbench.json beside a file on disk; team specs are linted with the default rules';
const STORE = 'the team database is PostgreSQL, backed up with pg_dump by whoever runs the server (README "Running a team server")';
const AI = 'AI review runs in the desktop app or browser mode with your own key; the team server holds no API key or prompt files';
const SERVER = 'the embedded magic-link server runs on your own machine (desktop app or browser mode), not on the team server';
const PROFILE = "your name and email are your account's; an admin changes them";
const TEAM_CLIENT = 'connecting to a team is what a desktop app or browser mode does; in the team itself you are already signed in';
const PACKAGE = 'review packages carry review between machines; on the team server comment directly (reviewPackage.export still downloads one)';

/** The access table: every contract operation, exactly once (the type makes a missing one a compile error). */
export const accessTable: Readonly<Record<OperationNameListed, AccessRule>> = {
  'app.info': read,
  'app.initialDocument': read,
  'files.read': unavailable(FILES),
  'files.write': unavailable(FILES),
  'files.openDialog': unavailable(DIALOGS),
  'files.saveDialog': unavailable(DIALOGS),
  'files.folderDialog': unavailable(DIALOGS),
  'lint.config': unavailable(LINT_FILE),
  'specs.list': read,
  'specs.get': read,
  'specs.forFile': unavailable(FILES),
  'specs.create': workspace('author'),
  'specs.rename': onSpec('id', 'owner', 'author'),
  'specs.archive': onSpec('id', 'owner', 'author'),
  'specs.trash': onSpec('id', 'owner', 'author'),
  'specs.restore': onSpec('id', 'owner', 'author'),
  // Deleting for good takes every trashed spec (or a list): one decision for the whole workspace.
  'specs.emptyTrash': workspace(),
  'specs.import': unavailable(FILES),
  // A download: allowed to everyone who reads; a `path` is refused by the handler (NOT_IN_TEAM_MODE).
  'specs.export': read,
  'versions.save': onSpec('specId', 'owner', 'author'),
  'versions.list': read,
  'versions.get': read,
  'versions.restore': onSpec('specId', 'owner', 'author'),
  'versions.diff': read,
  // One draft per spec: the owner's autosave of the text they are editing.
  'drafts.save': onSpec('specId', 'owner', 'author'),
  'drafts.load': onSpec('specId', 'owner', 'author'),
  'drafts.discard': onSpec('specId', 'owner', 'author'),
  'search.query': read,
  'store.info': unavailable(STORE),
  'store.backup': unavailable(STORE),
  'store.restoreBackup': unavailable(STORE),
  'review.passes': unavailable(AI),
  'review.run': unavailable(AI),
  'review.cancel': unavailable(AI),
  'review.status': unavailable(AI),
  'review.findingState.list': read,
  // What the author did with an AI finding on their own text.
  'review.findingState.set': onSpec('specId', 'owner', 'author'),
  'review.settings.get': unavailable(AI),
  'review.settings.set': unavailable(AI),
  'review.briefTargets': read,
  'review.brief': unavailable(AI),
  'review.clarify': unavailable(AI),
  // Returns edited Markdown for the author's editor; nothing is stored until they save.
  'review.clarify.apply': workspace('author'),
  'server.status': unavailable(SERVER),
  'server.start': unavailable(SERVER),
  'server.stop': unavailable(SERVER),
  'server.defects': unavailable(SERVER),
  'server.logs': unavailable(SERVER),
  'server.outbox': unavailable(SERVER),
  'server.tokens': unavailable(SERVER),
  'server.reset': unavailable(SERVER),
  'server.request': unavailable(SERVER),
  'adr.list': read,
  'adr.get': read,
  'adr.save': workspace('productops'),
  'adr.delete': workspace('productops'),
  'adr.undoDelete': workspace('productops'),
  'meeting.open': workspace('productops'),
  'meeting.get': read,
  'meeting.list': read,
  'meeting.addItem': workspace('productops'),
  'meeting.decide': workspace('productops'),
  'meeting.close': workspace('productops'),
  'meeting.agendaMarkdown': read,
  'metrics.flow': read,
  'metrics.csv': read,
  'lifecycle.set': workspace('productops'),
  'specRequired.save': workspace('productops', 'author'),
  'specRequired.get': read,
  'profile.get': read,
  'profile.set': unavailable(PROFILE),
  'reviewers.add': onSpec('specId', 'owner', 'author'),
  'reviewers.list': read,
  'threads.list': read,
  'threads.add': onSpec('specId', 'participant', 'author', 'reviewer'),
  'threads.reply': onSpec('threadId', 'participant', 'author', 'reviewer'),
  'threads.edit': onSpec('commentId', 'participant', 'author', 'reviewer'),
  'threads.delete': onSpec('commentId', 'participant', 'author', 'reviewer'),
  'threads.undoDelete': onSpec('commentId', 'participant', 'author', 'reviewer'),
  'threads.resolve': onSpec('threadId', 'participant', 'author', 'reviewer'),
  'threads.reopen': onSpec('threadId', 'participant', 'author', 'reviewer'),
  // Accepting or rejecting a suggestion decides the text: the owner's call.
  'suggestions.accept': onSpec('threadId', 'owner', 'author'),
  'suggestions.reject': onSpec('threadId', 'owner', 'author'),
  'rounds.request': onSpec('specId', 'owner', 'author'),
  'rounds.status': read,
  // Your own pending review (null when none): nothing another person wrote.
  'reviews.pending': read,
  'reviews.submit': onSpec('specId', 'invited', 'author', 'reviewer'),
  // A download; a `path` is refused by the handler (NOT_IN_TEAM_MODE).
  'reviewPackage.export': read,
  'reviewPackage.import': unavailable(PACKAGE),
  'validate.run': unavailable(SERVER),
  'validate.runs': read,
  'teamClient.status': unavailable(TEAM_CLIENT),
  'teamClient.connect': unavailable(TEAM_CLIENT),
  'teamClient.disconnect': unavailable(TEAM_CLIENT),
  'teamClient.publish': unavailable(TEAM_CLIENT),
  // Who has a spec open: any signed-in person may say which spec they are looking at.
  'team.presence.set': read,
};

export function accessRule(name: OperationNameListed): AccessRule {
  return accessTable[name];
}

const RELATION_WORDS: Record<SpecRelation, string> = {
  owner: "as the spec's owner",
  invited: 'invited to the spec',
  participant: "as the spec's owner or invited to it",
};

function listRoles(roles: readonly TeamRole[]): string {
  return roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}

/** Whether `role` satisfies `relation` given the facts (admin always does). */
export function meetsRelation(role: TeamRole, relation: SpecRelation, facts: SpecFacts): boolean {
  if (role === 'admin') return true;
  if (relation === 'owner') return facts.owner;
  if (relation === 'invited') return facts.invited;
  return facts.owner || facts.invited;
}

/**
 * The decision for one call: `facts` is the caller's relation to the spec named in the arguments,
 * or null for a workspace-scoped operation or a spec that does not exist. Refusals name the role(s)
 * needed and the caller's role, so the person knows whom to ask.
 */
export function decideAccess(name: OperationNameListed, role: TeamRole, facts: SpecFacts | null): AccessDecision {
  const rule = accessTable[name];
  if (rule.kind === 'unavailable') return { ok: false, code: 'NOT_IN_TEAM_MODE', message: `${name} does not exist on the team server: ${rule.why}` };
  const others = rule.roles.filter((r) => r !== 'admin');
  if (!rule.roles.includes(role)) {
    const needed = rule.scope === 'spec' && others.length > 0 ? `the ${listRoles(others)} role (${RELATION_WORDS[rule.relation]}) or admin` : `the ${listRoles(rule.roles)} role`;
    return { ok: false, code: 'FORBIDDEN', message: `${name} needs ${needed}; you are signed in as ${role}` };
  }
  if (rule.scope === 'spec' && facts && !meetsRelation(role, rule.relation, facts)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `${name} needs the ${listRoles(others)} role ${RELATION_WORDS[rule.relation]}, or admin; you are signed in as ${role} and are not ${rule.relation === 'owner' ? "the spec's owner" : rule.relation === 'invited' ? 'invited to it' : 'its owner or invited to it'}`,
    };
  }
  return { ok: true };
}
