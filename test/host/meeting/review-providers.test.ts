import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sample, tempDir } from '../store/helpers.js';
import { machine } from '../review-threads/harness.js';

const markdown = sample('magic-link.md');
const QUOTE = 'whose JSON body has the shape';

test('the meeting agenda lists open blocking threads and reviewers requesting changes; metrics report the reviewer latency', async (t) => {
  const m = machine(t, tempDir(t));
  await m.call('profile.set', { name: 'Priya Author', email: 'priya@example.com' });
  const { spec } = await m.call('specs.create', { source: { kind: 'markdown', markdown, fileName: 'magic-link.md' } });
  const { reviewers } = await m.call('reviewers.add', { specId: spec.id, name: 'Sam Reviewer', email: 'sam@example.com' });
  await m.call('rounds.request', { specId: spec.id, reviewerIds: [reviewers[0].person.id] });

  // Sam reviews on this machine (switching the profile to a known person acts as them).
  await m.call('profile.set', { name: 'Sam Reviewer', email: 'sam@example.com' });
  const start = markdown.indexOf(QUOTE);
  await m.call('threads.add', { specId: spec.id, start, end: start + QUOTE.length, body: 'Which fields are required?', severity: 'blocking', pending: true });
  await m.call('threads.add', { specId: spec.id, start, end: start + 4, body: 'Nit: wording', severity: 'non-blocking', pending: true });
  await m.call('reviews.submit', { specId: spec.id, verdict: 'request-changes' });
  await m.call('profile.set', { name: 'Priya Author', email: 'priya@example.com' });

  const meeting = await m.call('meeting.open', { specId: spec.id });
  const items = meeting.items.map((i) => [i.sourceKind, i.title, i.requirementIds]);
  assert.deepEqual(
    items.filter(([kind]) => kind === 'thread' || kind === 'verdict'),
    [
      ['thread', 'Which fields are required?', ['FR-1']],
      ['verdict', 'Sam Reviewer requests changes', []],
    ],
    'the non-blocking thread is not an agenda item',
  );
  assert.deepEqual(meeting.providerNotes, []);

  const metrics = await m.call('metrics.flow', {});
  assert.deepEqual(metrics.reviewers.map((r) => [r.reviewer, r.answered]), [['Sam Reviewer', 1]]);
});

test('FR-2: deciding a thread item resolves the thread; an accepted suggestion is applied as a new version', async (t) => {
  const m = machine(t, tempDir(t));
  await m.call('profile.set', { name: 'Priya Author', email: 'priya@example.com' });
  const { spec } = await m.call('specs.create', { source: { kind: 'markdown', markdown, fileName: 'magic-link.md' } });
  const start = markdown.indexOf(QUOTE);
  const comment = await m.call('threads.add', { specId: spec.id, start, end: start + QUOTE.length, body: 'Which fields are required?', severity: 'blocking' });
  const suggestion = await m.call('threads.add', { specId: spec.id, start, end: start + QUOTE.length, body: 'Say it exactly', severity: 'blocking', suggestion: 'whose JSON body has exactly the shape' });

  const meeting = await m.call('meeting.open', { specId: spec.id });
  const itemOf = (threadId: string) => meeting.items.find((i) => i.sourceKind === 'thread' && i.sourceRef === threadId)!;
  await m.call('meeting.decide', { itemId: itemOf(comment.thread.id).id, outcome: 'rejected', rationale: 'all fields are listed in FR-1', resolveThread: true });
  await m.call('meeting.decide', { itemId: itemOf(suggestion.thread.id).id, outcome: 'accepted', rationale: 'exact shape', applySuggestion: true });

  const open = await m.call('threads.list', { specId: spec.id });
  assert.deepEqual(open.threads.filter((th) => th.status === 'open').map((th) => th.id), [], 'both threads are resolved');
  const head = await m.call('specs.get', { id: spec.id });
  assert.equal(head.head.number, 2);
  assert.equal(head.head.markdown, markdown.replace(QUOTE, 'whose JSON body has exactly the shape'));
  assert.equal(head.head.message, 'Suggestion applied by a meeting decision');
});
