import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAdr } from '../../../core/adr/index.js';
import { DecisionStore } from '../../../host/store/decisions.js';
import { MeetingService } from '../../../host/meeting/meeting-service.js';
import { findingsProvider, type AgendaProvider } from '../../../host/meeting/providers.js';
import { sample, tempStore } from '../store/helpers.js';

test('AC-1: three items decided accepted / rejected / deferred; closing makes accepted and rejected ADRs and carries the deferred item to the next agenda', async (t) => {
  const specs = tempStore(t);
  const spec = specs.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' }, author: 'Priya' }).spec;
  const decisions = new DecisionStore(specs);
  const head = specs.getSpec(spec.id).head;
  // The AI findings provider reads the findings the review service last reported and the author's states.
  specs.setFindingState({ specId: spec.id, contentHash: head.contentHash, findingId: 'f-dismissed', state: 'dismissed' });
  const findings = findingsProvider({
    findings: async () => [
      { id: 'f-open', severity: 'high', section: 'functional', problem: 'FR-3 does not say how long a token lives' },
      { id: 'f-dismissed', severity: 'high', section: 'functional', problem: 'already dismissed' },
      { id: 'f-low', severity: 'low', section: 'functional', problem: 'a wording nit' },
    ],
    states: (id, hash) => specs.listFindingStates(id, hash),
  });
  const broken: AgendaProvider = { kind: 'thread', collect: async () => Promise.reject(new Error('review threads are not available yet')) };
  const meetings = new MeetingService({ specs, decisions, providers: [findings, broken], today: () => '2026-11-20' });

  const meeting = await meetings.open({ specId: spec.id, manualItems: [{ title: 'Rate-limit link requests per address' }, { title: 'Send links by SMS too' }] });
  assert.deepEqual(meeting.items.map((i) => [i.sourceKind, i.title, i.requirementIds]), [
    ['finding', 'FR-3 does not say how long a token lives', ['FR-3']],
    ['manual', 'Rate-limit link requests per address', []],
    ['manual', 'Send links by SMS too', []],
  ]);
  assert.equal(meeting.items.reduce((sum, i) => sum + i.minutes, 0), 30, 'the 30 minutes are shared among the items');
  assert.deepEqual(meeting.providerNotes, ['thread: review threads are not available yet']);
  assert.equal(meeting.round, 1);
  assert.equal(meeting.specVersion, 1);

  const [token, rate, sms] = meeting.items;
  meetings.decide({ itemId: token.id, outcome: 'accepted', rationale: 'tokens live 15 minutes', alternatives: [{ option: '24 hours', whyRejected: 'too long for a sign-in link' }], people: ['Priya', 'Omar'] });
  meetings.decide({ itemId: sms.id, outcome: 'rejected', rationale: 'SMS costs money and adds a provider', people: ['Lena'] });
  meetings.decide({ itemId: rate.id, outcome: 'deferred', rationale: 'needs numbers from support' });
  const agenda = meetings.agendaMarkdown(meeting.id);
  assert.match(agenda, /^# Decision meeting: Magic Link Authentication\n/);
  assert.match(agenda, /1\. \*\*FR-3 does not say how long a token lives\*\* \(FR-3\) — \d+ min · finding\n   High-severity AI finding in functional\n   \*Accepted:\* tokens live 15 minutes/);

  const closed = meetings.close(meeting.id);
  assert.equal(closed.meeting.state, 'closed');
  assert.deepEqual(closed.adrs.map((a) => [a.number, a.title, a.status, a.specId, a.specVersion, a.requirementIds]), [
    [1, 'FR-3 does not say how long a token lives', 'accepted', spec.id, 1, ['FR-3']],
    [2, 'Send links by SMS too', 'rejected', spec.id, 1, []],
  ]);
  const accepted = parseAdr(closed.adrs[0].fileName, decisions.adrText(closed.adrs[0].id));
  assert.equal(accepted.status, 'accepted');
  assert.deepEqual(accepted.decisionMakers, ['Priya', 'Omar', 'Lena']);
  const body = accepted.sections.map((s) => `${s.heading}: ${s.body}`).join('\n');
  assert.match(body, /Context and Problem Statement: [\s\S]*REST API written in TypeScript/, 'context comes from the spec');
  assert.match(body, /Chosen option: "FR-3 does not say how long a token lives", because tokens live 15 minutes/);
  assert.match(body, /### 24 hours\n\n\* Bad, because too long for a sign-in link/);
  assert.match(body, /Spec: Magic Link Authentication \(spec \d+, version 1\)\.\nRequirements: FR-3\./);
  assert.throws(() => meetings.decide({ itemId: rate.id, outcome: 'accepted', rationale: 'late' }), /closed/);

  const next = await meetings.open({ specId: spec.id });
  assert.equal(next.round, 2);
  const carried = next.items.filter((i) => i.sourceKind === 'carried');
  assert.deepEqual(carried.map((i) => [i.title, i.carriedFrom]), [['Rate-limit link requests per address', rate.id]]);
  assert.ok(next.items.some((i) => i.sourceKind === 'finding'), 'the open finding is still listed while it is neither applied nor dismissed');
});

test('closing with undecided items defers them; re-recording a decision keeps the earlier one as replaced', async (t) => {
  const specs = tempStore(t);
  const decisions = new DecisionStore(specs);
  const meetings = new MeetingService({ specs, decisions });
  const m = await meetings.open({ manualItems: [{ title: 'One' }, { title: 'Two' }] });
  meetings.decide({ itemId: m.items[0].id, outcome: 'rejected', rationale: 'first thought' });
  const again = meetings.decide({ itemId: m.items[0].id, outcome: 'accepted', rationale: 'second thought' });
  assert.deepEqual(again.decisions.map((d) => [d.outcome, d.rationale]), [['accepted', 'second thought']]);
  const rows = specs.connection.prepare('SELECT outcome, replaced_by IS NOT NULL AS replaced FROM decisions ORDER BY id').all();
  assert.deepEqual(rows, [{ outcome: 'rejected', replaced: 1 }, { outcome: 'accepted', replaced: 0 }]);
  const closed = meetings.close(m.id);
  assert.deepEqual(closed.meeting.items.map((i) => i.state), ['decided', 'deferred']);
  const next = await meetings.open({});
  assert.deepEqual(next.items.map((i) => [i.sourceKind, i.title]), [['carried', 'Two']]);
});
