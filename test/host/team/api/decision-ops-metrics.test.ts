import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operations, type ArgsOf } from '../../../../core/contract/operations.js';
import { teamDecisionOps, type TeamDecisionOperation, type TeamDecisionOps } from '../../../../host/team/api/decision-ops.js';
import { backends } from '../../store/contract/backends.js';
import { seedSpec } from '../../store/contract/seed-spec.js';

/**
 * Flow metrics on the team server: transitions from the decision repository, titles from the
 * spec repository, reviewer latency from the review repository's rounds — the three PostgreSQL
 * repositories together (on PostgreSQL this needs the spec and review repositories of their branches).
 */

const ops = (o: TeamDecisionOps) =>
  <K extends TeamDecisionOperation>(name: K, args: ArgsOf<K>) =>
    (o[name] as (a: unknown) => ReturnType<TeamDecisionOps[K]>)(operations[name].args.parse(args));

const DAY = 86_400_000;

for (const backend of backends) {
  test(`${backend.name}: AC-4 over the team operations — approved day 0 and started day 9 is flagged, started day 3 is not, approved and not started counts so far; CSV export`, async (t) => {
    const store = await backend.open(t);
    const day0 = Date.parse('2026-10-01T09:00:00.000Z');
    const at = (days: number) => new Date(day0 + days * DAY).toISOString();
    const call = ops(teamDecisionOps(store, { now: () => new Date(day0 + 20 * DAY) }));
    const slow = await seedSpec(store, 'Slow');
    const quick = await seedSpec(store, 'Quick');
    const waiting = await seedSpec(store, 'Waiting');
    const untracked = await seedSpec(store, 'Untracked');
    void untracked;
    for (const [id, started] of [
      [slow, 9],
      [quick, 3],
    ] as const) {
      await call('lifecycle.set', { specId: id, state: 'in-review', at: at(-2) });
      await call('lifecycle.set', { specId: id, state: 'approved', at: at(0) });
      await call('lifecycle.set', { specId: id, state: 'implementation-started', at: at(started) });
    }
    await call('lifecycle.set', { specId: waiting, state: 'approved', at: at(10) });
    // A review round on one spec with two reviewers, neither answered yet: reviewer latency counts the requests.
    const reviews = store.reviews({ id: '6f1c8a9e-0000-4000-8000-000000000009', name: 'Priya Rao', email: 'priya@example.test' });
    if (!(await reviews.getProfile())) await reviews.setProfile({ name: 'Priya Rao', email: 'priya@example.test' });
    await reviews.addReviewer(quick, { name: 'Omar Haddad', email: 'omar@example.test' });
    const reviewers = await reviews.addReviewer(quick, { name: 'Lena Berg', email: 'lena@example.test' });
    await reviews.requestRound(quick, reviewers.map((r) => r.person.id));
    const m = await call('metrics.flow', {});
    const bySpec = new Map(m.specs.map((s) => [s.specId, s]));
    assert.equal(m.specs.length, 3, 'a spec without transitions is not measured');
    assert.deepEqual([bySpec.get(slow)?.daysToStart, bySpec.get(slow)?.flagged, bySpec.get(slow)?.soFar], [9, true, false]);
    assert.deepEqual([bySpec.get(quick)?.daysToStart, bySpec.get(quick)?.flagged, bySpec.get(quick)?.daysInReview], [3, false, 2]);
    assert.deepEqual([bySpec.get(waiting)?.daysToStart, bySpec.get(waiting)?.flagged, bySpec.get(waiting)?.soFar], [10, true, true]);
    assert.equal(m.flaggedCount, 2);
    assert.deepEqual(m.reviewers.map((r) => [r.reviewer, r.requests, r.answered, r.medianDays]).sort(), [
      ['Lena Berg', 1, 0, null],
      ['Omar Haddad', 1, 0, null],
    ]);
    const since = await call('metrics.flow', { since: at(5) });
    assert.deepEqual(since.specs.map((s) => s.specId), [waiting], 'only specs approved since the date');
    const { csv, fileName } = await call('metrics.csv', {});
    assert.equal(fileName, `spec-flow-${new Date(day0 + 20 * DAY).toISOString().slice(0, 10)}.csv`);
    const lines = csv.trim().split(/\r?\n/);
    assert.equal(lines[0], 'spec_id,title,stage,approved_at,implementation_start_at,source,days_to_start,so_far,flagged,days_in_review');
    assert.equal(lines.length, 4);
    assert.ok(lines.some((l) => l.startsWith(`${slow},Slow,implementation-started,`) && l.includes(',9,')), csv);
  });
}
