import { placeholderType, type Count } from './parameter-types.js';
import type { AssertOp, Op, RequestOp, StepDefinition, Template } from './types.js';

/**
 * Generic HTTP steps (FR-1), the same for every target. Conventions the target's domain steps
 * share: `vars.email`, `vars.userId`, `vars.password`, `vars.token`, `vars.cookie` (a
 * `name=value` pair); every response is `last` and, when saved, also under its name.
 */

/** The variable a body field or a phrase's noun reads ("that address" → vars.email). */
export function varFor(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z_]/g, '');
  const alias: Record<string, string> = { address: 'email', email: 'email', token: 'token', link: 'token', credentials: 'credentials', id: 'userId', userid: 'userId' };
  return alias[w] ?? w;
}

/** `{"email": string}` → `{"email": "{{vars.email}}"}`: each typed placeholder reads the variable of its key. */
export function fillFromVars(shape: unknown, key?: string): Template {
  const type = placeholderType(shape);
  if (type) return key === undefined ? shape : `{{vars.${varFor(key)}}}`;
  if (Array.isArray(shape)) return shape.map((v) => fillFromVars(v));
  if (shape && typeof shape === 'object') return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fillFromVars(v, k)]));
  return shape;
}

function hasPlaceholder(shape: unknown): boolean {
  if (placeholderType(shape)) return true;
  if (shape && typeof shape === 'object') return Object.values(shape).some(hasPlaceholder);
  return false;
}

export const request = (method: string, path: string, extra: Partial<RequestOp> = {}): RequestOp => ({ kind: 'request', method, path, ...extra });
export const check = (actual: string, predicate: AssertOp['predicate'], expected?: Template, says?: string): AssertOp => ({ kind: 'assert', actual, predicate, expected, says });

const bodyFromWord = (word: string): Template => (varFor(word) === 'credentials' ? { email: '{{vars.email}}', password: '{{vars.password}}' } : { [varFor(word)]: `{{vars.${varFor(word)}}}` });

export function bodyAssert(shape: unknown, subject = 'last'): AssertOp {
  return hasPlaceholder(shape) ? check(`${subject}.body`, 'shape', shape) : check(`${subject}.body`, 'equals', shape);
}

const status = (s: number, subject = 'last'): AssertOp => check(`${subject}.status`, 'equals', s);

function countAssert(subject: string, count: Count, where: Record<string, Template>): AssertOp {
  return { kind: 'assert', actual: subject, predicate: 'count', expected: count, where };
}

const def = (id: string, expressions: string[], build: StepDefinition['build']): StepDefinition => ({ id, expressions, source: 'library', build });

export const httpSteps: StepDefinition[] = [
  def('http.send', ['{method} {path} is sent', 'a {method} request is sent to {path}', 'a {method} to {path} is sent'], ([m, p]) => [request(m as string, p as string)]),
  def('http.send-json', ['{method} {path} is sent with {json}', 'a {method} request is sent to {path} with {json}'], ([m, p, j]) => [request(m as string, p as string, { json: j })]),
  def('http.send-var-in-json', ['{method} {path} is sent with that {word} in {json}', '{method} {path} is sent with the {word} in {json}'], ([m, p, , j]) => [request(m as string, p as string, { json: fillFromVars(j) })]),
  def('http.send-var', ['{method} {path} is sent with that {word}', '{method} {path} is sent with those {word}', '{method} {path} is sent with the matching raw {word}', '{method} {path} is sent with the first {word}'], ([m, p, w]) => [
    request(m as string, p as string, { json: bodyFromWord(w as string) }),
  ]),
  def('http.send-cookie', ['{method} {path} is sent with that {word} cookie', '{method} {path} is sent with the {word} cookie'], ([m, p]) => [request(m as string, p as string, { cookie: '{{vars.cookie}}' })]),
  def('http.send-header', ['{method} {path} is sent with header {string} set to {string}'], ([m, p, h, v]) => [request(m as string, p as string, { headers: { [h as string]: v } })]),
  def('http.send-concurrent', ['{method} {path} is sent {int} times concurrently with that {word}'], ([m, p, n, w]) => [
    { kind: 'repeat', request: request(m as string, p as string, { json: bodyFromWord(w as string) }), times: n as number, concurrent: true, save: 'burst' },
  ]),
  def('http.send-n', ['{int} {method} {path} requests are sent with that {word}'], ([n, m, p, w]) => [
    { kind: 'repeat', request: request(m as string, p as string, { json: bodyFromWord(w as string) }), times: n as number, concurrent: false, save: 'burst' },
  ]),
  def('http.again', ['a {ordinal} call for the same {word} is sent', 'the same request is sent again'], () => [{ kind: 'repeat', request: 'last', times: 1, concurrent: false, save: 'last' }]),
  def('http.cookie-from', ['the {word} cookie returned by {method} {path} in {ac}'], () => [check('vars.cookie', 'not-null', undefined, 'a cookie was captured')]),

  def('http.status', ['the response status is {status}', 'the response is {status}', 'the status is {status}', 'the response has status {status}', 'return(s) {status}', 'respond(s) with status {status}', 'reply/replies with status {status}', 'the response code is {status}', 'continues to return {status}'], ([s]) => [status(s as number)]),
  def('http.status-body', ['return(s) {status} with {json}', 'respond(s) with status {status} and body {json}'], ([s, j]) => [status(s as number), bodyAssert(j)]),
  def('http.body', ['the body is {json}', 'the response body is {json}', 'the body equals {json}'], ([j]) => [bodyAssert(j)]),
  def('http.body-user-id', ["the body is {json} holding the user's id"], ([j]) => [bodyAssert(j), check('last.body.userId', 'equals', '{{vars.userId}}')]),
  def('http.body-for-user', ['the body is {json} for the user from {ac}', 'the body is {json} for that user'], ([j]) => {
    const fields = j && typeof j === 'object' ? Object.keys(j) : [];
    return [bodyAssert(j), ...fields.filter((f) => ['userId', 'email'].includes(f)).map((f) => check(`last.body.${f}`, 'equals', `{{vars.${f}}}`))];
  }),
  def('http.body-contains', ['the body contains {string}'], ([s]) => [check('last.text', 'contains', s)]),
  def('http.body-field-type', ['the body has a field {string} of type {word}'], ([f, t]) => [check(`last.body.${f as string}`, 'shape', `\u0000type:${t as string}`)]),
  def('http.header', ['the {word} header is {string}'], ([h, v]) => [check(`last.headers.${(h as string).toLowerCase()}`, 'equals', v)]),
  def('http.set-cookie-contains', ['the Set-Cookie header contains {word}'], ([name]) => [check(`last.cookies.${name as string}.value`, 'not-null'), { kind: 'capture', name: 'cookie', from: `last.cookies.${name as string}.pair` }]),
  def('http.set-cookie-httponly', ['the Set-Cookie header sets an HttpOnly {word} cookie'], ([name]) => cookieChecks(name as string)),
  def('http.set-cookie-expiry', ['the Set-Cookie header sets an HttpOnly {word} cookie with a {duration} expiry'], ([name, ms]) => [
    ...cookieChecks(name as string),
    check(`last.cookies.${name as string}.maxAgeMs`, 'equals', ms, `expires after ${ms as number} ms`),
  ]),
  def('http.response-time', ['the response time is under {duration}', 'the response arrives within {duration}'], ([ms]) => [check('last.ms', 'at-most', ms)]),

  def('http.both-status', ['both responses have status {status}'], ([s]) => [status(s as number, 'a'), status(s as number, 'b')]),
  def('http.both-identical', ['byte-identical bodies', 'both responses have byte-identical bodies', 'the bodies are byte-identical'], () => [check('a.text', 'equals', { ref: 'b.text' })]),
  def('http.timing', ['response times within {duration} of each other', 'both response times are within {duration} of each other'], ([ms]) => [{ kind: 'timing', requests: ['a', 'b'], withinMs: ms as number, samples: 60 }]),
  def('http.count-status', ['{count} response(s) has/have status {status}'], ([c, s]) => [countAssert('burst', c as Count, { status: s as number })]),
  def('http.count-status-body', ['{count} response(s) has/have status {status} with the body {json}'], ([c, s, j]) => [countAssert('burst', c as Count, { status: s as number, body: j })]),
];

/** The cookie exists with HttpOnly, and is kept as `vars.cookie` for later requests. */
export function cookieChecks(name: string): Op[] {
  return [
    check(`last.cookies.${name}.value`, 'not-null', undefined, `Set-Cookie sets ${name}`),
    check(`last.cookies.${name}.attributes`, 'has-attribute', 'httponly', `${name} is HttpOnly`),
    { kind: 'capture', name: 'cookie', from: `last.cookies.${name}.pair` },
  ];
}
