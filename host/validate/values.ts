import { createHash } from 'node:crypto';

/** What a plan's refs resolve against: variables, responses by name, the target's base URL. */
export interface Env {
  vars: Record<string, unknown>;
  responses: Record<string, unknown>;
  base: string;
}

export class MissingValueError extends Error {
  override name = 'MissingValueError';
}

const FUNCTIONS: Record<string, (value: unknown) => unknown> = {
  sha256: (v) => createHash('sha256').update(String(v)).digest('hex'),
  escape: (v) => String(v).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
  jwt: (v) => {
    const text = String(v);
    const jwt = text.includes('=') ? text.slice(text.indexOf('=') + 1) : text;
    const payload = jwt.split('.')[1];
    if (!payload) throw new MissingValueError(`not a JWT: ${text.slice(0, 40)}`);
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  },
};

function walk(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** `vars.token`, `last.body.userId`, `rows.0.used_at`, `sha256(vars.token)`, `jwt(vars.cookie).sub`. */
export function resolveRef(ref: string, env: Env): unknown {
  const fn = /^(\w+)\((.+?)\)(?:\.(.+))?$/.exec(ref);
  if (fn) {
    const f = FUNCTIONS[fn[1]!];
    if (!f) throw new MissingValueError(`unknown function ${fn[1]}`);
    const inner = resolveRef(fn[2]!, env);
    if (inner === undefined || inner === null) throw new MissingValueError(`no value for ${fn[2]}`);
    const out = f(inner);
    return fn[3] ? walk(out, fn[3].split('.')) : out;
  }
  const [head, ...rest] = ref.split('.');
  if (head === 'base') return env.base;
  if (head === 'vars') return walk(env.vars, rest);
  return walk(env.responses[head!], rest);
}

/** Fills `{{ref}}` placeholders; a string that is one placeholder keeps the value's type. */
export function fill(template: unknown, env: Env): unknown {
  if (typeof template === 'string') {
    const whole = /^\{\{([^}]+)\}\}$/.exec(template);
    const get = (ref: string): unknown => {
      const v = resolveRef(ref.trim(), env);
      if (v === undefined) throw new MissingValueError(`no value for ${ref.trim()} (an earlier step did not capture it)`);
      return v;
    };
    if (whole) return get(whole[1]!);
    return template.replace(/\{\{([^}]+)\}\}/g, (_, ref: string) => String(get(ref)));
  }
  if (Array.isArray(template)) return template.map((t) => fill(t, env));
  if (template && typeof template === 'object') {
    if ('ref' in template && Object.keys(template).length === 1) return resolveRef(String((template as { ref: unknown }).ref), env);
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, env)]));
  }
  return template;
}

/** The variables a template reads (`{{vars.email}}` → email). */
export function varsIn(template: unknown): string[] {
  const text = JSON.stringify(template) ?? '';
  return [...new Set([...text.matchAll(/\{\{vars\.(\w+)/g)].map((m) => m[1]!))];
}
