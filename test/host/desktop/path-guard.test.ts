import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { operations } from '../../../core/contract/operations.js';
import { hostPathFields } from '../../../host/desktop/path-guard.js';

/**
 * Argument fields whose name looks like a path but that are not host file paths; each says why.
 * A new entry here needs the same scrutiny as a new path argument.
 */
const notHostPaths: Record<string, string> = {
  'server.request:path': 'a URL path on the embedded server (validated to start with one /)',
  'review.brief:target.path': 'an HTTP endpoint path named in the spec, never opened',
  'review.brief:conventionsFile': 'a file name written into the brief text for the agent (core/review/brief.ts), never opened',
};

const pathLike = /^(path|file|folder|dir|directory)$|(Path|File|Folder|Dir)$/;

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** Every string-valued field with a path-like name, as dotted names, found anywhere in the schema. */
function pathLikeFields(schema: ZodLike, prefix = '', key = ''): string[] {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, ZodLike>).flatMap(([name, inner]) => pathLikeFields(inner, prefix ? `${prefix}.${name}` : name, name));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return pathLikeFields(def.innerType as ZodLike, prefix, key);
    case 'pipe':
      return pathLikeFields(def.in as ZodLike, prefix, key);
    case 'union':
      return [...new Set((def.options as ZodLike[]).flatMap((option) => pathLikeFields(option, prefix, key)))];
    case 'array':
      return pathLikeFields(def.element as ZodLike, `${prefix}[]`, key);
    case 'intersection':
      return [...pathLikeFields(def.left as ZodLike, prefix, key), ...pathLikeFields(def.right as ZodLike, prefix, key)];
    case 'record':
      return pathLikeFields(def.valueType as ZodLike, `${prefix}.*`, key);
    case 'lazy':
      return pathLikeFields((def.getter as () => ZodLike)(), prefix, key);
    case 'string':
      return pathLike.test(key) ? [prefix] : [];
    default:
      return [];
  }
}

describe('desktop path guard coverage', () => {
  const found = Object.entries(operations).flatMap(([name, op]) => pathLikeFields(op.args as unknown as ZodLike).map((field) => `${name}:${field}`));

  it('finds the known path arguments by walking the contract (the walk itself works)', () => {
    for (const expected of ['files.read:path', 'specs.create:file', 'versions.save:file', 'store.restoreBackup:path', 'server.request:path']) {
      assert.ok(found.includes(expected), `${expected} not found in ${JSON.stringify(found)}`);
    }
  });

  it('guards every path-like argument of every operation, except the listed non-file paths', () => {
    const guarded = Object.entries(hostPathFields).flatMap(([name, fields]) => fields.map((field) => `${name}:${field}`));
    const unguarded = found.filter((field) => !guarded.includes(field) && !(field in notHostPaths));
    assert.deepEqual(unguarded, [], 'add these to hostPathFields in host/desktop/path-guard.ts (or to notHostPaths here, with why)');
    for (const field of guarded) assert.ok(found.includes(field), `${field} is guarded but no operation has it (stale entry)`);
    for (const field of Object.keys(notHostPaths)) assert.ok(found.includes(field), `${field} is excused but no operation has it (stale entry)`);
  });

  it('guards only top-level fields, which is what the guard reads', () => {
    for (const fields of Object.values(hostPathFields)) for (const field of fields) assert.doesNotMatch(field, /[.[]/);
  });
});
