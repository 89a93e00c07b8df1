import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAdr } from '../../../../core/adr/index.js';
import { recommendSpec } from '../../../../core/flow/spec-required.js';
import { operations, type ArgsOf } from '../../../../core/contract/operations.js';
import { TEAM_DECISION_OPERATIONS, teamDecisionOps, withSpecRequired, type TeamDecisionOperation, type TeamDecisionOps } from '../../../../host/team/api/decision-ops.js';
import type { RequestActor } from '../../../../host/team/team-types.js';
import { backends } from '../../store/contract/backends.js';
import { seedSpec } from '../../store/contract/seed-spec.js';

/**
 * The team server's decision operations over the store contract: the same scenario on SQLite and
 * on PostgreSQL. Arguments go through the contract's schema first, as the team API parses them.
 */

const ops = (o: TeamDecisionOps) =>
  <K extends TeamDecisionOperation>(name: K, args: ArgsOf<K>, caller?: RequestActor) =>
    (o[name] as (a: unknown, c?: RequestActor) => ReturnType<TeamDecisionOps[K]>)(operations[name].args.parse(args), caller);

const priya: RequestActor = { account: { id: '6f1c8a9e-0000-4000-8000-000000000001', email: 'priya@example.test', name: 'Priya Rao', role: 'productops' }, sessionId: 's1' };
const code = (c: string) => (error: unknown) => (error as { code?: string }).code === c;

test('every operation named in TEAM_DECISION_OPERATIONS is a contract operation with a function', () => {
  const o = teamDecisionOps({} as never);
  for (const name of TEAM_DECISION_OPERATIONS) {
    assert.ok(name in operations, `${name} is in the contract`);
    assert.equal(typeof o[name], 'function', name);
  }
  assert.deepEqual(Object.keys(o).sort(), [...TEAM_DECISION_OPERATIONS].sort());
});

for (const backend of backends) {
  test(`${backend.name}: AC-1 over the team operations — three items decided accepted / rejected / deferred, closing makes ADRs and the deferred item returns next round`, async (t) => {
    const store = await backend.open(t);
    const call = ops(teamDecisionOps(store, { today: () => '2026-11-20' }));
    const meeting = await call('meeting.open', { title: 'Sign-in round', manualItems: [{ title: 'Tokens live 15 minutes' }, { title: 'Send links by SMS' }, { title: 'Rate-limit per address', detail: 'needs numbers' }] }, priya);
    assert.equal(meeting.title, 'Sign-in round');
    assert.equal(meeting.round, 1);
    assert.deepEqual(meeting.items.map((i) => [i.sourceKind, i.title]), [
      ['manual', 'Tokens live 15 minutes'],
      ['manual', 'Send links by SMS'],
      ['manual', 'Rate-limit per address'],
    ]);
    const [tokens, sms, rate] = meeting.items;
    await call('meeting.decide', { itemId: tokens.id, outcome: 'accepted', rationale: 'short tokens limit theft', alternatives: [{ option: '24 hours', whyRejected: 'too long' }], people: ['Omar'] }, priya);
    await call('meeting.decide', { itemId: sms.id, outcome: 'rejected', rationale: 'costs money', people: ['Lena'] }, priya);
    const decided = await call('meeting.decide', { itemId: rate.id, outcome: 'deferred', rationale: 'needs support numbers' }, priya);
    assert.deepEqual(decided.items.map((i) => i.state), ['decided', 'decided', 'deferred']);
    const added = await call('meeting.addItem', { meetingId: meeting.id, title: 'Late item', minutes: 3 });
    assert.deepEqual(added.items.map((i) => [i.position, i.title, i.minutes]).at(-1), [4, 'Late item', 3]);
    const { markdown } = await call('meeting.agendaMarkdown', { id: meeting.id });
    assert.match(markdown, /^# Sign-in round\n/);
    assert.match(markdown, /\*Accepted:\* short tokens limit theft/);

    const closed = await call('meeting.close', { id: meeting.id, people: ['Priya Rao'] }, priya);
    assert.equal(closed.meeting.state, 'closed');
    assert.deepEqual(closed.meeting.people, ['Priya Rao', 'Omar', 'Lena']);
    assert.deepEqual(closed.meeting.items.map((i) => i.state), ['decided', 'decided', 'deferred', 'deferred'], 'the undecided late item is deferred');
    assert.deepEqual(closed.adrs.map((a) => [a.number, a.title, a.status, a.date, a.logName, a.meetingId]), [
      [1, 'Tokens live 15 minutes', 'accepted', '2026-11-20', 'main', meeting.id],
      [2, 'Send links by SMS', 'rejected', '2026-11-20', 'main', meeting.id],
    ]);
    const record = parseAdr(closed.adrs[0].fileName, (await call('adr.get', { id: closed.adrs[0].id })).text);
    assert.equal(record.status, 'accepted');
    assert.deepEqual(record.decisionMakers, ['Omar', 'Priya Rao', 'Lena']);
    assert.deepEqual((await call('meeting.get', { id: meeting.id })).decisions.map((x) => x.adrId), [closed.adrs[0].id, closed.adrs[1].id, null]);

    await assert.rejects(call('meeting.decide', { itemId: rate.id, outcome: 'accepted', rationale: 'late' }), code('MEETING_CLOSED'));
    await assert.rejects(call('meeting.addItem', { meetingId: meeting.id, title: 'Too late' }), code('MEETING_CLOSED'));
    await assert.rejects(call('meeting.close', { id: meeting.id }), code('MEETING_CLOSED'));

    const next = await call('meeting.open', {});
    assert.equal(next.round, 2);
    assert.deepEqual(next.items.map((i) => [i.sourceKind, i.title, i.carriedFrom]), [
      ['carried', 'Rate-limit per address', rate.id],
      ['carried', 'Late item', added.items[3].id],
    ]);
    assert.deepEqual((await call('meeting.list', {})).map((m) => [m.id, m.round, m.state]), [
      [next.id, 2, 'open'],
      [meeting.id, 1, 'closed'],
    ]);
    await assert.rejects(call('meeting.get', { id: 4242 }), code('NOT_FOUND'));
    await assert.rejects(call('meeting.decide', { itemId: 4242, outcome: 'accepted', rationale: 'r' }), code('NOT_FOUND'));
  });

  test(`${backend.name}: two meetings closing at once into one log get consecutive ADR numbers, none shared`, async (t) => {
    const store = await backend.open(t);
    const call = ops(teamDecisionOps(store, { today: () => '2026-11-20' }));
    const meetings = await Promise.all(
      ['A', 'B', 'C'].map(async (x) => {
        const m = await call('meeting.open', { title: `Meeting ${x}`, manualItems: [{ title: `${x} one` }, { title: `${x} two` }] });
        for (const item of m.items) await call('meeting.decide', { itemId: item.id, outcome: 'accepted', rationale: 'agreed' });
        return m;
      }),
    );
    const closed = await Promise.all(meetings.map((m) => call('meeting.close', { id: m.id, logName: 'team' })));
    const numbers = closed.flatMap((c) => c.adrs.map((a) => a.number)).sort((a, b) => a! - b!);
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6]);
    const listed = await call('adr.list', { logName: 'team' });
    assert.deepEqual(listed.map((a) => a.number), [1, 2, 3, 4, 5, 6]);
    for (const a of listed) assert.match(a.fileName, new RegExp(`^${String(a.number).padStart(4, '0')}-`), 'each file carries its own number');
  });

  test(`${backend.name}: closing one meeting twice at once (a double submit) makes its ADRs once; the second close is refused`, async (t) => {
    const store = await backend.open(t);
    const call = ops(teamDecisionOps(store, { today: () => '2026-11-20' }));
    const m = await call('meeting.open', { manualItems: [{ title: 'One' }, { title: 'Two' }] });
    for (const item of m.items) await call('meeting.decide', { itemId: item.id, outcome: 'accepted', rationale: 'agreed' });
    const results = await Promise.allSettled([call('meeting.close', { id: m.id }), call('meeting.close', { id: m.id })]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((refused.reason as { code?: string }).code, 'MEETING_CLOSED');
    assert.deepEqual((await call('adr.list', {})).map((a) => [a.number, a.title]), [
      [1, 'One'],
      [2, 'Two'],
    ]);
  });

  test(`${backend.name}: two servers closing the same meeting at once make each decision's ADR once`, async (t) => {
    const store = await backend.open(t);
    // Two instances share nothing in memory, as two team serve processes on one database.
    const [a, b] = [ops(teamDecisionOps(store, { today: () => '2026-11-20' })), ops(teamDecisionOps(store, { today: () => '2026-11-20' }))];
    const m = await a('meeting.open', { manualItems: [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }] });
    for (const item of m.items) await a('meeting.decide', { itemId: item.id, outcome: 'accepted', rationale: 'agreed' });
    const results = await Promise.allSettled([a('meeting.close', { id: m.id }), b('meeting.close', { id: m.id })]);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { code?: string }).code, 'MEETING_CLOSED');
    assert.ok(results.some((r) => r.status === 'fulfilled'));
    const adrs = await a('adr.list', {});
    assert.deepEqual(adrs.map((x) => x.number), [1, 2, 3]);
    assert.deepEqual(adrs.map((x) => x.title).sort(), ['One', 'Three', 'Two']);
    const closed = await b('meeting.get', { id: m.id });
    assert.equal(closed.state, 'closed');
    assert.deepEqual(new Set(closed.decisions.map((x) => x.adrId)), new Set(adrs.map((x) => x.id)));
  });

  test(`${backend.name}: adr.save keeps revisions in the caller's name and makes a supersede link two-way; delete and undo; unknown ids refused`, async (t) => {
    const store = await backend.open(t);
    const call = ops(teamDecisionOps(store));
    const log = await store.decisions.ensureLog('main');
    const first = await store.decisions.insertAdr({ logId: log.id, number: 1, fileName: '0001-queue-jobs.md', title: 'Queue jobs', status: 'accepted', date: '2026-05-01', text: '---\nstatus: accepted\ndate: 2026-05-01\n---\n\n# Queue jobs\n\n## Context and Problem Statement\n\nJobs must survive restarts.\n' });
    const thirdText = '---\nstatus: proposed\ndate: 2026-05-03\n---\n\n# Use a broker\n\n## Context and Problem Statement\n\nThe queue table became hot.\n';
    const third = await store.decisions.insertAdr({ logId: log.id, number: 2, fileName: '0002-use-a-broker.md', title: 'Use a broker', status: 'proposed', date: '2026-05-03', text: thirdText });

    const saved = await call('adr.save', { id: third.id, text: thirdText.replace('status: proposed\n', 'status: accepted\nsupersedes: "[ADR-0001](0001-queue-jobs.md)"\n'), actor: 'Someone Else' }, priya);
    assert.equal(saved.status, 'accepted');
    assert.deepEqual(saved.revisions.map((r) => [r.status, r.actor]).at(-1), ['accepted', 'Priya Rao'], 'the signed-in account, not the name in the arguments');
    assert.deepEqual(saved.statusChanges.map((c) => [c.from, c.to]).at(-1), ['proposed', 'accepted']);
    const older = await call('adr.get', { id: first.id });
    assert.equal(older.status, 'superseded');
    assert.match(older.text, /superseded by \[ADR-0002\]\(0002-use-a-broker\.md\)/);
    assert.equal(older.revisions.length, 2, 'the reverse link is an edit with its own revision');
    assert.equal(older.revisions[1].actor, 'Priya Rao');

    // Without a signed-in caller (a local call), the name in the arguments is recorded.
    const again = await call('adr.save', { id: third.id, text: `${saved.text}\nMore.\n`, actor: 'Ana' });
    assert.equal(again.revisions.at(-1)?.actor, 'Ana');

    const deleted = await call('adr.delete', { id: first.id });
    assert.notEqual(deleted.deletedAt, null);
    assert.deepEqual((await call('adr.list', {})).map((a) => a.id), [third.id]);
    assert.deepEqual((await call('adr.list', { includeDeleted: true })).map((a) => a.id), [first.id, third.id]);
    assert.equal((await call('adr.undoDelete', { id: first.id })).deletedAt, null);
    assert.deepEqual((await call('adr.list', { logName: 'main' })).map((a) => a.id), [first.id, third.id]);

    await assert.rejects(call('adr.get', { id: 4242 }), code('NOT_FOUND'));
    await assert.rejects(call('adr.save', { id: 4242, text: 'x' }), code('NOT_FOUND'));
    await assert.rejects(call('adr.delete', { id: 4242 }), code('NOT_FOUND'));
    await assert.rejects(call('adr.undoDelete', { id: 4242 }), code('NOT_FOUND'));
  });

  test(`${backend.name}: lifecycle.set records the stage in the caller's name; specRequired.save recommends and stores; unknown specs refused`, async (t) => {
    const store = await backend.open(t);
    const call = ops(teamDecisionOps(store));
    const specId = await seedSpec(store, 'Payments');
    const transitions = await call('lifecycle.set', { specId, state: 'approved', at: '2026-01-05T09:30:00+02:00', actor: 'Other' }, priya);
    assert.deepEqual(transitions, [{ specId, state: 'approved', at: '2026-01-05T07:30:00.000Z', actor: 'Priya Rao', source: 'manual', detail: null }]);
    const more = await call('lifecycle.set', { specId, state: 'in-review', at: '2026-01-02T00:00:00Z', actor: 'Ana' });
    assert.deepEqual(more.map((x) => [x.state, x.actor]), [
      ['in-review', 'Ana'],
      ['approved', 'Priya Rao'],
    ]);
    await assert.rejects(call('lifecycle.set', { specId: 4242, state: 'approved' }, priya), code('NOT_FOUND'));

    assert.equal(await call('specRequired.get', { specId }), null);
    const answers = { architecture: false, teams: true, security: false, alternatives: false, integration: false, engineers: 5, lastsMonths: 24 };
    const saved = await call('specRequired.save', { specId, answers }, priya);
    assert.equal(saved.recommendation, 'spec');
    assert.equal(saved.reasons[0], 'several teams must coordinate');
    assert.deepEqual(saved.reasons, recommendSpec(answers).reasons, 'the reasons the framework gives, stored as given');
    assert.equal(saved.actor, 'Priya Rao');
    const got = await call('specRequired.get', { specId });
    assert.deepEqual({ ...got!, at: '' }, { ...saved, at: '' });
    const none = await call('specRequired.save', { answers: { ...answers, teams: false, engineers: 1 } });
    assert.equal(none.specId, null);
    assert.equal(none.recommendation, 'no-spec');
    await assert.rejects(call('specRequired.save', { specId: 4242, answers }), code('NOT_FOUND'));

    // The Library's badges for the team's specs.list: the latest answer per listed spec, or null.
    const other = await seedSpec(store, 'Unasked');
    const rows = await withSpecRequired(store, [{ id: specId, title: 'Payments' }, { id: other, title: 'Unasked' }]);
    assert.deepEqual(rows, [
      { id: specId, title: 'Payments', specRequired: { recommended: true, reasons: saved.reasons } },
      { id: other, title: 'Unasked', specRequired: null },
    ]);
  });
}
