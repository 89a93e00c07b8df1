import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts, placeNames } from '../../helpers.js';

const RULE = 'cross/number-conflict';

test('AC-3: a 15-minute expiry in an FR and 10 minutes in an AC give one finding naming both ids', () => {
  const report = lintParts({
    frs: ['The system must treat a magic-link token as expired once 15 minutes have passed since its creation.'],
    acs: ['Given a token created 10 minutes ago, when POST /auth/verify is sent with it, then the response status is 400 with `{"error":"TOKEN_EXPIRED"}`.'],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 1);
  assert.deepEqual(placeNames(found[0]), ['FR-1', 'AC-1']);
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message, /15 minutes.*10 minutes/);
});

test('two statements of an expiry that differ conflict; the same value in other units does not', () => {
  assert.equal(crossOf(lintParts({ frs: ['Reset links must expire after 1 hour.'], acs: ['Reset links expire after 30 minutes, so GET /reset returns 410.'] }), RULE).length, 1);
  assert.equal(crossOf(lintParts({ frs: ['Reset links must expire after 1 hour.'], acs: ['Reset links expire after 60 minutes, so GET /reset returns 410.'] }), RULE).length, 0);
});

test('scenarios are read with their direction', () => {
  const fr = ['The system must expire tokens after 15 minutes.'];
  const older = (n: number) => `Given a token created more than ${n} minutes ago, when POST /verify is sent, then the status is 400.`;
  assert.equal(crossOf(lintParts({ frs: fr, acs: [older(10)] }), RULE).length, 1, 'older than 10 but younger than 15 must still work');
  assert.equal(crossOf(lintParts({ frs: fr, acs: [older(20)] }), RULE).length, 0, 'older than 20 is expired under a 15-minute expiry');
  const younger = (n: number) => `Given a token less than ${n} minutes after its creation, when POST /verify is sent, then the status is 200.`;
  assert.equal(crossOf(lintParts({ frs: fr, acs: [younger(20)] }), RULE).length, 1);
  assert.equal(crossOf(lintParts({ frs: fr, acs: [younger(15)] }), RULE).length, 0);
});

test('5 vs 10 requests per hour conflict; 5 per hour and 5 per 60 minutes do not', () => {
  const fr = ['The system must limit POST /login to 5 requests per hour per IP address.'];
  const found = crossOf(lintParts({ frs: fr, nfrs: ['POST /login accepts at most 10 requests per hour per IP address.'] }), RULE);
  assert.deepEqual(found.map(placeNames), [['FR-1', 'NFR-1']]);
  assert.equal(crossOf(lintParts({ frs: fr, nfrs: ['POST /login accepts at most 5 requests per 60 minutes per IP address.'] }), RULE).length, 0);
});

test('numbers about different things are not compared', () => {
  const report = lintParts({
    frs: ['Session cookies must expire after 7 days.', 'Password reset links must expire after 30 minutes.'],
    nfrs: ['POST /a must have a p99 latency under 2 s.', 'POST /b must have a p99 latency under 200 ms.'],
    acs: ['Given a reset link created 40 minutes ago, when it is opened, then the page shows "Link expired".'],
  });
  assert.deepEqual(crossOf(report, RULE), []);
});

test('latency bounds of one endpoint conflict only at the same percentile', () => {
  const nfrs = ['GET /search must have a p99 latency under 300 ms.'];
  assert.equal(crossOf(lintParts({ nfrs: [...nfrs, 'GET /search must have a p99 latency under 500 ms.'] }), RULE).length, 1);
  assert.equal(crossOf(lintParts({ nfrs: [...nfrs, 'GET /search must have a p95 latency under 150 ms.'] }), RULE).length, 0);
});

test('an edge-case row takes part, named by its line', () => {
  const report = lintParts({
    frs: ['The system must expire tokens after 15 minutes.'],
    edgeRows: [['Token expired (older than 10 minutes)', '400', '`{"error":"TOKEN_EXPIRED"}`', 'Log WARN']],
    acs: ['Given a token created more than 15 minutes ago, when POST /verify is sent, then the status is 400 with `{"error":"TOKEN_EXPIRED"}`.'],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 1);
  assert.equal(found[0].places[1].kind, 'row');
});

// AC-8: values in different units, rates against ordinals, retry schedules; each with a control that must stay silent.
test('AC-8: 48 hours vs 3 days conflict; 48 hours vs 2 days, and forty-eight hours vs 2 days, do not', () => {
  const fr = ['Workspace invitations must expire after 48 hours.'];
  const ac = (when: string) => `Given an invitation sent more than ${when} ago, when the invitee opens it, then the page shows "Invitation expired".`;
  const found = crossOf(lintParts({ frs: fr, acs: ['Invitations expire after 3 days, so GET /invites/{id} returns 410.'] }), RULE);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /48 hours.*3 days/);
  assert.equal(crossOf(lintParts({ frs: fr, acs: ['Invitations expire after 2 days, so GET /invites/{id} returns 410.'] }), RULE).length, 0);
  assert.equal(crossOf(lintParts({ frs: ['Workspace invitations must expire after forty-eight hours.'], acs: [ac('2 days')] }), RULE).length, 0);
  assert.equal(crossOf(lintParts({ frs: ['Workspace invitations must expire after forty-eight hours.'], acs: [ac('1 day')] }), RULE).length, 1, 'older than 1 day is still valid under 48 hours');
});

test('AC-8: 500 per 10 minutes vs "the 51st request" conflict; vs "the 501st request" they agree', () => {
  const fr = ['POST /invites must accept at most 500 requests per 10 minutes per workspace.'];
  const ordinal = (n: string) => `Given a workspace that sent ${n} invites in the last 10 minutes, when the next request is the ${n === '50' ? '51st' : '501st'} request to POST /invites, then the response status is 429.`;
  const found = crossOf(lintParts({ frs: fr, acs: [ordinal('50')] }), RULE);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^Conflicting rate limit: FR-1 says "500 requests per 10 minutes", AC-1 says "the 51st request is refused \(50 allowed/);
  assert.equal(crossOf(lintParts({ frs: fr, acs: [ordinal('500')] }), RULE).length, 0);
  // Limits per different windows can both hold.
  assert.equal(crossOf(lintParts({ frs: fr, nfrs: ['POST /invites must accept at most 2,000 requests per day per workspace.'] }), RULE).length, 0);
});

test('AC-8: "every 30 s up to 4 times" vs "every minute 3 times" conflict; "every 60 seconds, three times" agrees with the second', () => {
  const fr = (s: string) => [`Failed webhook deliveries must be retried ${s}.`];
  const ac = 'Given a webhook endpoint that answers 500, when an event is delivered, then the delivery is retried every minute 3 times.';
  const found = crossOf(lintParts({ frs: fr('every 30 s up to 4 times'), acs: [ac] }), RULE);
  assert.equal(found.length, 1, 'interval and count disagree: one finding, not two');
  assert.match(found[0].message, /^Conflicting retry schedule: FR-1 says "every 30 s, 4 times", AC-1 says "every 1 min, 3 times"\.$/);
  assert.equal(crossOf(lintParts({ frs: fr('every 60 seconds, three times'), acs: [ac] }), RULE).length, 0);
  assert.equal(crossOf(lintParts({ frs: fr('up to 3 times'), acs: [ac] }), RULE).length, 0, 'a schedule that states only the count agrees on it');
});
