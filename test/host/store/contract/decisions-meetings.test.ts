import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recommendSpec, type SpecRequiredAnswers } from '../../../../core/flow/spec-required.js';
import type { NewAgendaItem } from '../../../../host/store/decisions.js';
import { backends } from './backends.js';
import { seedSpec } from './seed-spec.js';

/** Meetings, agenda items, decisions, lifecycle transitions and "spec required?" answers through the store contract, on both dialects. */

const code = (c: string) => (error: unknown) => (error as { code?: string }).code === c;

const agendaItem = (title: string, extra: Partial<NewAgendaItem> = {}): NewAgendaItem => ({
  sourceKind: 'manual',
  sourceRef: `manual-${title}`,
  title,
  detail: `About ${title}`,
  requirementIds: ['FR-1'],
  minutes: 5,
  carriedFrom: null,
  ...extra,
});

const meetingArgs = (specId: number | null, title = 'Decision meeting') => ({ specId, specVersion: specId === null ? null : 1, title, scheduledAt: '2026-03-01T10:00:00.000Z', durationMinutes: 30 });

for (const backend of backends) {
  test(`${backend.name}: meetings are numbered in rounds per spec, listed newest first, and carry their agenda in order`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const specId = await seedSpec(store, 'Search');
    const first = await d.createMeeting(meetingArgs(specId, 'Round one'));
    const loose = await d.createMeeting(meetingArgs(null, 'No spec'));
    const second = await d.createMeeting(meetingArgs(specId, 'Round two'));
    assert.deepEqual((await d.listMeetings()).map((m) => [m.id, m.round, m.title]), [
      [second, 2, 'Round two'],
      [loose, 1, 'No spec'],
      [first, 1, 'Round one'],
    ]);
    await d.addItems(first, [agendaItem('alpha'), agendaItem('beta', { requirementIds: [] })]);
    await d.addItems(first, [agendaItem('gamma', { minutes: 10 })]);
    const m = await d.meeting(first, ['threads: not available']);
    assert.deepEqual(
      { ...m, createdAt: '', items: m.items.map((i) => [i.position, i.title, i.state, i.minutes, i.requirementIds, i.meetingId]) },
      {
        id: first,
        specId,
        specVersion: 1,
        round: 1,
        title: 'Round one',
        scheduledAt: '2026-03-01T10:00:00.000Z',
        durationMinutes: 30,
        people: [],
        state: 'open',
        createdAt: '',
        closedAt: null,
        items: [
          [1, 'alpha', 'open', 5, ['FR-1'], first],
          [2, 'beta', 'open', 5, [], first],
          [3, 'gamma', 'open', 10, ['FR-1'], first],
        ],
        decisions: [],
        providerNotes: ['threads: not available'],
      },
    );
    assert.equal(await d.meetingState(first), 'open');
  });

  test(`${backend.name}: agenda positions stay unique when two writers add items at once`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const id = await d.createMeeting(meetingArgs(null));
    await Promise.all(['a', 'b', 'c', 'd'].map((x) => d.addItems(id, [agendaItem(`${x}1`), agendaItem(`${x}2`)])));
    const positions = (await d.meeting(id)).items.map((i) => i.position);
    assert.deepEqual(positions, [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test(`${backend.name}: recording a decision again keeps the earlier one replaced; items take minutes and states; decisions link to ADRs`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const id = await d.createMeeting(meetingArgs(null));
    await d.addItems(id, [agendaItem('alpha'), agendaItem('beta')]);
    const [alpha, beta] = (await d.meeting(id)).items;
    await d.setItemMinutes(alpha.id, 12);
    assert.equal((await d.item(alpha.id)).minutes, 12);

    const first = await d.recordDecision({ itemId: alpha.id, outcome: 'deferred', rationale: 'needs data', alternatives: [], people: ['ada'] });
    assert.equal((await d.item(alpha.id)).state, 'deferred');
    const second = await d.recordDecision({ itemId: alpha.id, outcome: 'accepted', rationale: 'data came', alternatives: [{ option: 'wait', whyRejected: 'too slow' }], people: ['ada', 'bob'] });
    assert.notEqual(second.id, first.id);
    assert.deepEqual({ ...second, id: 0, createdAt: '' }, {
      id: 0,
      meetingId: id,
      agendaItemId: alpha.id,
      outcome: 'accepted',
      rationale: 'data came',
      alternatives: [{ option: 'wait', whyRejected: 'too slow' }],
      people: ['ada', 'bob'],
      adrId: null,
      createdAt: '',
    });
    assert.equal((await d.item(alpha.id)).state, 'decided');
    assert.deepEqual((await d.meeting(id)).decisions.map((x) => x.id), [second.id], 'only the current decision is listed');

    await d.setItemState(beta.id, 'deferred');
    assert.equal((await d.item(beta.id)).state, 'deferred');

    const log = await d.ensureLog('main');
    const adr = await d.insertAdr({ logId: log.id, number: 1, fileName: '0001-x.md', title: 'X', status: 'accepted', date: null, text: 'x', meetingId: id });
    await d.linkDecisionAdr(second.id, adr.id);
    assert.equal((await d.meeting(id)).decisions[0].adrId, adr.id);
  });

  test(`${backend.name}: a decision's ADR is made once, even by two writers at once, and linked to it in the same step`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const id = await d.createMeeting(meetingArgs(null));
    await d.addItems(id, [agendaItem('alpha'), agendaItem('beta')]);
    const [alpha, beta] = (await d.meeting(id)).items;
    const one = await d.recordDecision({ itemId: alpha.id, outcome: 'accepted', rationale: 'r', alternatives: [], people: [] });
    const two = await d.recordDecision({ itemId: beta.id, outcome: 'rejected', rationale: 'r', alternatives: [], people: [] });
    const log = await d.ensureLog('main');
    let renders = 0;
    const render = (slug: string) => (n: number) => {
      renders += 1;
      return { fileName: `${String(n).padStart(4, '0')}-${slug}.md`, title: slug, status: 'accepted', date: null, text: `# ${n}. ${slug}\n` };
    };
    // Six writers for one decision and six for the other, all at once.
    const made = await Promise.all([...Array(12).keys()].map((i) => (i % 2 === 0 ? d.insertNextAdr({ logId: log.id, decisionId: one.id, meetingId: id }, render('alpha')) : d.insertNextAdr({ logId: log.id, decisionId: two.id, meetingId: id }, render('beta')))));
    assert.equal(new Set(made.filter((_, i) => i % 2 === 0).map((a) => a.id)).size, 1, 'every later writer gets the ADR the first made');
    assert.equal(new Set(made.filter((_, i) => i % 2 === 1).map((a) => a.id)).size, 1);
    assert.equal(renders, 2);
    assert.deepEqual((await d.listAdrs()).map((a) => a.number), [1, 2]);
    assert.deepEqual(new Set((await d.listAdrs()).map((a) => a.title)), new Set(['alpha', 'beta']));
    const decisions = (await d.meeting(id)).decisions;
    assert.deepEqual(decisions.map((x) => x.adrId), [made[0].id, made[1].id]);
    await assert.rejects(d.insertNextAdr({ logId: log.id, decisionId: 4242 }, render('x')), (e: Error) => code('NOT_FOUND')(e) && /decision 4242/.test(e.message));
  });

  test(`${backend.name}: a closed meeting keeps its people; the previous closed meeting of the same spec is found for carrying items`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const specId = await seedSpec(store, 'Billing');
    const otherSpec = await seedSpec(store, 'Other');
    const one = await d.createMeeting(meetingArgs(specId));
    await d.addItems(one, [agendaItem('carry me')]);
    await d.createMeeting(meetingArgs(otherSpec));
    const two = await d.createMeeting(meetingArgs(specId));
    assert.equal(await d.previousMeeting(specId, two), null, 'the first meeting is not closed yet');
    await d.markClosed(one, ['ada', 'bob']);
    const closed = await d.meeting(one);
    assert.equal(closed.state, 'closed');
    assert.deepEqual(closed.people, ['ada', 'bob']);
    assert.match(closed.closedAt ?? '', /^\d{4}-/);
    assert.equal(await d.meetingState(one), 'closed');
    const previous = await d.previousMeeting(specId, two);
    assert.equal(previous?.id, one);
    assert.deepEqual(previous?.items.map((i) => i.title), ['carry me']);
    assert.equal(await d.previousMeeting(otherSpec, two), null);
    assert.equal(await d.previousMeeting(specId, one), null, 'only meetings before the given one');

    // Meetings without a spec carry between themselves too (spec id null matches null).
    const loose1 = await d.createMeeting(meetingArgs(null));
    await d.markClosed(loose1, []);
    const loose2 = await d.createMeeting(meetingArgs(null));
    assert.equal((await d.previousMeeting(null, loose2))?.id, loose1);
  });

  test(`${backend.name}: unknown meetings and agenda items are refused with NOT_FOUND`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    await assert.rejects(d.meeting(4242), (e: Error) => code('NOT_FOUND')(e) && /meeting 4242/.test(e.message));
    await assert.rejects(d.meetingState(4242), code('NOT_FOUND'));
    await assert.rejects(d.item(4242), (e: Error) => code('NOT_FOUND')(e) && /agenda item 4242/.test(e.message));
    await assert.rejects(d.recordDecision({ itemId: 4242, outcome: 'accepted', rationale: 'r', alternatives: [], people: [] }), code('NOT_FOUND'));
    assert.deepEqual(await d.listMeetings(), []);
  });

  test(`${backend.name}: lifecycle transitions are kept per spec in time order, detected starts are found once, unknown specs refused`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const a = await seedSpec(store, 'A');
    const b = await seedSpec(store, 'B');
    await d.addTransition({ specId: a, state: 'approved', at: '2026-01-05T00:00:00.000Z', actor: 'ops' });
    await d.addTransition({ specId: a, state: 'in-review', at: '2026-01-02T00:00:00.000Z', actor: 'ops' });
    await d.addTransition({ specId: a, state: 'implementation-started', at: '2026-01-09T00:00:00.000Z', actor: 'git', source: 'detected', detail: 'abc123' });
    await d.addTransition({ specId: b, state: 'draft', actor: 'ann' });
    assert.deepEqual(await d.transitions(a), [
      { specId: a, state: 'in-review', at: '2026-01-02T00:00:00.000Z', actor: 'ops', source: 'manual', detail: null },
      { specId: a, state: 'approved', at: '2026-01-05T00:00:00.000Z', actor: 'ops', source: 'manual', detail: null },
      { specId: a, state: 'implementation-started', at: '2026-01-09T00:00:00.000Z', actor: 'git', source: 'detected', detail: 'abc123' },
    ]);
    const all = await d.allTransitions();
    assert.deepEqual(all.map((x) => [x.specId, x.state]), [
      [a, 'in-review'],
      [a, 'approved'],
      [a, 'implementation-started'],
      [b, 'draft'],
    ]);
    assert.match(all[3].at, /^\d{4}-\d\d-\d\dT/);
    assert.equal(await d.hasDetectedStart(a, 'abc123'), true);
    assert.equal(await d.hasDetectedStart(a, 'def456'), false);
    assert.equal(await d.hasDetectedStart(b, 'abc123'), false);
    await assert.rejects(d.addTransition({ specId: 4242, state: 'approved' }), (e: Error) => code('NOT_FOUND')(e) && /spec 4242/.test(e.message));
    assert.deepEqual(await d.transitions(4242), []);
  });

  test(`${backend.name}: "spec required?" answers are stored per spec (or for none), the latest wins, and the Library gets one per spec`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const a = await seedSpec(store, 'A');
    const b = await seedSpec(store, 'B');
    const yes: SpecRequiredAnswers = { architecture: true, teams: false, security: true, alternatives: false, integration: false, engineers: 4, lastsMonths: 12 };
    const no: SpecRequiredAnswers = { architecture: false, teams: false, security: false, alternatives: false, integration: false, engineers: 1, lastsMonths: 1 };
    const saved = await d.saveSpecRequired(a, no, recommendSpec(no), 'ops');
    assert.deepEqual({ ...saved, at: '' }, { specId: a, answers: no, ...recommendSpec(no), actor: 'ops', at: '' });
    await d.saveSpecRequired(a, yes, recommendSpec(yes), 'lead');
    await d.saveSpecRequired(b, no, recommendSpec(no), 'ops');
    await d.saveSpecRequired(null, yes, recommendSpec(yes), 'anon');
    const latest = await d.latestSpecRequired(a);
    assert.deepEqual({ ...latest!, at: '' }, { specId: a, answers: yes, recommendation: 'spec', reasons: recommendSpec(yes).reasons, actor: 'lead', at: '' });
    assert.equal(await d.latestSpecRequired(4242), null);
    const perSpec = await d.latestSpecRequiredPerSpec();
    assert.deepEqual([...perSpec.entries()].sort(([x], [y]) => x - y), [
      [a, recommendSpec(yes)],
      [b, recommendSpec(no)],
    ]);
    await assert.rejects(d.saveSpecRequired(4242, yes, recommendSpec(yes)), code('NOT_FOUND'));
  });
}
