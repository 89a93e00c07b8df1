import { placeholderType } from './parameter-types.js';
import type { Op, RequestOp } from './types.js';

function json(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (placeholderType(v) ? `<${placeholderType(v)}>` : v));
}

function requestLines(r: RequestOp): string[] {
  const lines = [`${r.method} {{base}}${String(r.path)}`];
  if (r.cookie !== undefined) lines.push(`Cookie: ${String(r.cookie)}`);
  for (const [k, v] of Object.entries(r.headers ?? {})) lines.push(`${k}: ${String(v)}`);
  if (r.json !== undefined) lines.push(json(r.json));
  if (r.save) lines.push(`# saved as ${r.save}`);
  return lines;
}

/** One op as Hurl-like lines: requests as Hurl entries, test-control calls as comments naming the contract. */
export function renderOp(op: Op): string[] {
  switch (op.kind) {
    case 'request':
      return requestLines(op);
    case 'user':
      return [`# control: ${op.status} user → ${op.var}${op.password ? ' (with password)' : ''}`];
    case 'set-status':
      return [`# control: set ${String(op.email)} ${op.status}`];
    case 'emails':
      return [`# control: emails${op.to ? ` to ${String(op.to)}` : ''} → ${op.save}`];
    case 'tokens':
      return [`# control: token rows${op.email ? ` of ${String(op.email)}` : ''} → ${op.save}`];
    case 'logs':
      return [`# control: log events → ${op.save}`];
    case 'clock':
      return [`# control: clock +${op.advanceMs} ms`];
    case 'email-failures':
      return [`# control: next ${op.count} email send(s) fail`];
    case 'capture':
      return ['[Captures]', `${op.name}: ${op.from}${op.regex ? ` regex "${op.regex}"` : ''}`];
    case 'assert':
      return ['[Asserts]', `${op.actual} ${op.predicate}${op.expected === undefined ? '' : ` ${json(op.expected)}`}${op.where ? ` where ${json(op.where)}` : ''}`];
    case 'repeat':
      return [`# repeat ${op.times}× ${op.concurrent ? 'concurrently' : 'in sequence'} → ${op.save}`, ...(op.request === 'last' ? ['(the last request)'] : requestLines(op.request))];
    case 'timing':
      return [`# timing: ${op.requests.join(' vs ')}, ${op.samples} interleaved samples each, Welch's t on cropped tails, within ${op.withinMs} ms`];
  }
}

/** The whole plan, readable like a Hurl file (FR-2). Consecutive [Asserts]/[Captures] headers merge. */
export function renderPlan(ops: readonly Op[]): string {
  const out: string[] = [];
  let section = '';
  for (const op of ops) {
    const lines = renderOp(op);
    if (lines[0] === '[Asserts]' || lines[0] === '[Captures]') {
      if (section !== lines[0]) out.push(lines[0]!);
      section = lines[0]!;
      out.push(...lines.slice(1));
    } else {
      if (out.length > 0) out.push('');
      section = '';
      out.push(...lines);
    }
  }
  return out.join('\n');
}
