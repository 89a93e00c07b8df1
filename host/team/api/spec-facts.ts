import type { OperationName } from '../../../core/contract/operations.js';
import { accessRule, type SpecFacts } from '../../../core/team/access-table.js';
import type { PgQueryable } from '../../db/pg/pg-database.js';
import { specAccess, specOfComment, specOfThread } from '../../db/pg/queries/access.js';
import type { Account } from '../team-types.js';

/**
 * The caller's relation to the spec a spec-scoped operation concerns (found from its parsed
 * arguments: a spec id, or the spec of a thread or comment); null for a workspace-scoped
 * operation, or when that spec, thread or comment does not exist — the store then answers
 * NOT_FOUND and nothing changes.
 */
export async function specFactsFor(db: PgQueryable, name: OperationName, args: unknown, account: Account): Promise<SpecFacts | null> {
  const rule = accessRule(name);
  if (rule.kind !== 'allowed' || rule.scope !== 'spec') return null;
  const value = (args as Record<string, unknown>)[rule.spec];
  let specId: number | null;
  if (rule.spec === 'threadId') specId = await specOfThread(db, String(value));
  else if (rule.spec === 'commentId') specId = await specOfComment(db, String(value));
  else specId = typeof value === 'number' ? value : null;
  if (specId === null) return null;
  return specAccess(db, specId, account.id, account.email);
}
