import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compileCriterion, createStepLibrary, isRunnable, StepLibraryError } from '../../../core/validate/compile.js';
import { httpSteps } from '../../../core/validate/library.js';
import { parseCount, parseDuration, parseShape, placeholderType } from '../../../core/validate/parameter-types.js';
import { renderPlan } from '../../../core/validate/render.js';
import { appRoot } from '../../../host/paths.js';
import { embeddedTargetSteps } from '../../../host/validate/steps.js';

const library = createStepLibrary([...httpSteps, ...embeddedTargetSteps()]);
const compile = (text: string, id = 'AC-1') => compileCriterion(id, text, library);

describe('parameter types', () => {
  it('read durations with units, counts in words and digits, and JSON shapes with type placeholders', () => {
    assert.equal(parseDuration('7-day'), 7 * 86_400_000);
    assert.equal(parseDuration('50ms'), 50);
    assert.equal(parseDuration('15 minutes'), 900_000);
    assert.deepEqual(parseCount('exactly 1'), { cmp: 'eq', n: 1 });
    assert.deepEqual(parseCount('no'), { cmp: 'eq', n: 0 });
    assert.deepEqual(parseCount('at most 5'), { cmp: 'le', n: 5 });
    const shape = parseShape('`{"userId": string, "email": string}`') as Record<string, unknown>;
    assert.equal(placeholderType(shape.userId), 'string');
    assert.deepEqual(parseShape('{ "error": "TOKEN_USED" }'), { error: 'TOKEN_USED' });
    assert.throws(() => parseDuration('7 fortnights'), /unknown unit/);
  });
});

describe('compileCriterion', () => {
  it('AC-6: the same criterion in Gherkin, EARS and a plain sentence compiles to the same plan (11 triples)', () => {
    const triples = JSON.parse(readFileSync(join(appRoot, 'test/fixtures/validate/triples.json'), 'utf8')) as Array<Record<'gherkin' | 'ears' | 'plain', string>>;
    assert.ok(triples.length >= 10);
    for (const [i, t] of triples.entries()) {
      const [g, e, p] = [compile(t.gherkin), compile(t.ears), compile(t.plain)];
      for (const c of [g, e, p]) assert.deepEqual(c.problems, [], `triple ${i + 1} (${c.style}): ${c.text}`);
      assert.equal(g.style, 'gherkin', `triple ${i + 1}`);
      assert.equal(e.style, 'ears', `triple ${i + 1}`);
      assert.equal(p.style, 'plain', `triple ${i + 1}`);
      assert.equal(renderPlan(e.plan), renderPlan(g.plan), `triple ${i + 1}: EARS plan differs`);
      assert.equal(renderPlan(p.plan), renderPlan(g.plan), `triple ${i + 1}: plain plan differs`);
      assert.ok(g.plan.some((op) => op.kind === 'assert'), `triple ${i + 1} asserts something`);
    }
  });

  it('AC-4: "the login works" is undefined with three nearest definitions; "should be fast" is not binary', () => {
    const vague = compile('the login works');
    assert.equal(isRunnable(vague), false);
    const undef = vague.problems.find((p) => p.kind === 'undefined');
    assert.ok(undef && undef.kind === 'undefined');
    assert.equal(undef.nearest.length, 3);
    const fast = compile('Given an active user, when POST /auth/magic-link/request is sent, then the response should be fast');
    assert.equal(isRunnable(fast), false);
    const lint = fast.problems.find((p) => p.kind === 'non-binary');
    assert.ok(lint && lint.kind === 'non-binary' && lint.findings.length > 0, JSON.stringify(fast.problems));
  });

  it('joins atoms back when only the joined text is a step, and keeps literals whole', () => {
    const c = compile('Given a user with a matching email and password, when POST /auth/login is sent with those credentials, then the response status is 200 and the body is `{"userId": string, "email": string}` for that user');
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.steps.map((s) => s.definition), ['magic-link.password-user', 'http.send-var', 'http.status', 'http.body-for-user']);
    assert.deepEqual(c.steps.map((s) => s.keyword), ['given', 'when', 'then', 'then']);
  });

  it('names every definition a step matches when it matches two (ambiguous)', () => {
    const twice = createStepLibrary([...httpSteps, { id: 'team.status', expressions: ['the response status is {int}'], build: () => [] }]);
    const c = compileCriterion('AC-1', 'When GET /me is sent, then the response status is 200', twice);
    const amb = c.problems.find((p) => p.kind === 'ambiguous');
    assert.ok(amb && amb.kind === 'ambiguous');
    assert.deepEqual(amb.definitions.sort(), ['http.status', 'team.status']);
  });

  it('records the criteria a step draws captures from', () => {
    const c = compile('Given the raw token from AC-1 less than 15 minutes after its creation, when POST /auth/magic-link/verify is sent with that token, then the response status is 200', 'AC-2');
    assert.deepEqual(c.dependsOn, ['AC-1']);
    assert.deepEqual(c.problems, []);
  });

  it('binds a team phrase from .specbench.json to a library expression, and rejects a mapping to no expression', () => {
    const team = createStepLibrary([...httpSteps, ...embeddedTargetSteps()], { 'the server answers {status}': 'the response status is {status}' });
    const a = compileCriterion('AC-1', 'When GET /me is sent, then the server answers 401', team);
    const b = compileCriterion('AC-1', 'When GET /me is sent, then the response status is 401', team);
    assert.deepEqual(a.problems, []);
    assert.equal(renderPlan(a.plan), renderPlan(b.plan));
    assert.throws(() => createStepLibrary(httpSteps, { 'it works': 'no such expression' }), StepLibraryError);
  });

  it('renders the plan like a Hurl file', () => {
    const c = compile('When POST /auth/magic-link/request is sent with `{"email": "a@example.com"}`, then the response status is 202');
    assert.equal(renderPlan(c.plan), 'POST {{base}}/auth/magic-link/request\n{"email":"a@example.com"}\n[Asserts]\nlast.status equals 202');
  });
});
