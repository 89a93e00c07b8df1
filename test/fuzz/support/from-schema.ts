import fc from 'fast-check';
import { adversarialJson, adversarialText, hugeNumber, type Scale } from './adversarial.js';

/** A JSON Schema as zod's `toJSONSchema` writes it (the parts used here). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
}

export interface FieldHints {
  /** Values for a field by its name (paths inside a sandbox, ids that exist), used most of the time. */
  byName: Record<string, fc.Arbitrary<unknown>>;
  /** Fields that only ever get their hint (file system paths: never outside the sandbox). */
  exclusive: ReadonlySet<string>;
}

/**
 * Arguments that mostly fit an operation's schema, so the handler behind the validation runs,
 * with adversarial values wherever the schema allows (strings up to their limit, numbers at and
 * beyond their bounds) and, now and then, a field dropped, added or replaced by anything at all.
 */
export function argsFromSchema(schema: JsonSchema, scale: Scale, hints: FieldHints): fc.Arbitrary<unknown> {
  return fc.oneof(
    // Valid by construction: the handler itself runs.
    { weight: 6, arbitrary: fittingValue(schema, scale, hints, '', true) },
    // Almost valid: a field replaced, added or dropped somewhere.
    { weight: 3, arbitrary: valueFor(schema, scale, hints, '') },
    { weight: 1, arbitrary: adversarialJson(scale) },
  );
}

function valueFor(schema: JsonSchema, scale: Scale, hints: FieldHints, name: string): fc.Arbitrary<unknown> {
  if (hints.exclusive.has(name) && hints.byName[name]) return hints.byName[name];
  const fitting = fittingValue(schema, scale, hints, name, false);
  return fc.oneof({ weight: 12, arbitrary: fitting }, { weight: 1, arbitrary: adversarialJson('test') });
}

/** `strict`: only values the schema accepts (as far as bounds, enums and patterns go). */
function fittingValue(schema: JsonSchema, scale: Scale, hints: FieldHints, name: string, strict: boolean): fc.Arbitrary<unknown> {
  const hinted = hints.byName[name];
  const sub = (s: JsonSchema, key: string): fc.Arbitrary<unknown> =>
    strict ? (hints.exclusive.has(key) && hints.byName[key] ? hints.byName[key] : fittingValue(s, scale, hints, key, true)) : valueFor(s, scale, hints, key);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return strict ? fc.constantFrom(...schema.enum) : fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fittingValue(s, scale, hints, name, strict)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, schemaOf] of entries) record[key] = sub(schemaOf, key);
      const base = fc.record(record, { requiredKeys: [...required] });
      if (strict) return base;
      return fc
        .tuple(base, fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), adversarialJson('test')), { freq: 10 }), fc.option(fc.constantFrom(...(required.size ? [...required] : ['_'])), { freq: 10 }))
        .map(([value, extra, drop]) => {
          const out: Record<string, unknown> = { ...value };
          if (extra) out[extra[0]] = extra[1];
          if (drop) delete out[drop];
          return out;
        });
    }
    case 'array': {
      const item = schema.items ? fittingValue(schema.items, scale, hints, name, strict) : adversarialJson('test');
      return fc.array(item, { maxLength: Math.min(schema.maxItems ?? 20, 20) });
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
      const max = Math.min(schema.maximum ?? 1e6, Number.MAX_SAFE_INTEGER);
      const inRange = fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max });
      const edges = fc.constantFrom(min, max, min - 1, max + 1, 0, -1);
      if (strict) return hinted ? fc.oneof({ weight: 4, arbitrary: hinted.filter((v) => typeof v === 'number' && v >= min && v <= max) }, inRange) : inRange;
      const arbitraries = [inRange, edges, hugeNumber()] as fc.Arbitrary<unknown>[];
      if (hinted) return fc.oneof({ weight: 4, arbitrary: hinted }, ...arbitraries);
      return fc.oneof(...arbitraries);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string': {
      const maxLength = Math.min(schema.maxLength ?? 100_000, scale === 'test' ? 20_000 : 400_000);
      const minLength = schema.minLength ?? 0;
      if (strict) {
        if (schema.pattern === '^[0-9a-f]{64}$') return fc.stringMatching(/^[0-9a-f]{64}$/);
        if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((v) => v.length >= minLength && v.length <= maxLength);
        if ((schema as { format?: string }).format === 'uri') return fc.constantFrom('https://api.example.invalid', 'http://127.0.0.1:9', 'file:///etc/passwd', 'javascript:alert(1)', 'https://[::1]:0/');
        const fits = (v: string): boolean => v.trim().length >= minLength && v.length <= maxLength;
        const pool = fc.oneof(fc.string({ minLength, maxLength: Math.min(maxLength, 60) }), adversarialText(scale).map((t) => t.slice(0, maxLength))).filter(fits);
        return hinted ? fc.oneof({ weight: 4, arbitrary: hinted }, pool) : pool;
      }
      const text = fc.oneof(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(maxLength, 60) }),
        adversarialText(scale).map((t) => t.slice(0, maxLength)),
        fc.constantFrom('', ' ', '\u0000', '\ud800', '%E0%A4%A', '../../../etc/passwd', 'a'.repeat(Math.min(maxLength + 1, 100_001))),
      );
      if (hinted) return fc.oneof({ weight: 4, arbitrary: hinted }, text);
      return text;
    }
    default:
      return hinted ?? adversarialJson('test');
  }
}
