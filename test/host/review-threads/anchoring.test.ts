import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sample, tempDir } from '../store/helpers.js';
import { machine } from './harness.js';

const AC4_PHRASE = 'used_at is already set';

async function authorWithSpec(t: Parameters<typeof machine>[0], dataDir = tempDir(t)) {
  const m = machine(t, dataDir);
  await m.call('profile.set', { name: 'Priya Author', email: 'priya@example.com' });
  const created = await m.call('specs.create', { source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' } });
  return { m, specId: created.spec.id, markdown: sample('magic-link.md') };
}

test('AC-1: a comment on AC-4 stays attached after rewording, a new version and reopening; deleted text shows outdated with its quote', async (t) => {
  const dataDir = tempDir(t);
  const { m, specId, markdown } = await authorWithSpec(t, dataDir);
  const at = markdown.indexOf(AC4_PHRASE);
  const { thread } = await m.call('threads.add', { specId, start: at, end: at + AC4_PHRASE.length, body: 'Which status when two requests race?', severity: 'blocking' });
  assert.equal(thread.selector.requirementId, 'AC-4');
  assert.equal(thread.selector.versionNumber, 1);

  // Reworded in the editor (not saved): placed in the editor text.
  const reworded = markdown.replace('Given a magic_link_tokens row whose used_at is already set', 'Given one stored magic_link_tokens row whose used_at is already set (a second click)');
  const inEditor = (await m.call('threads.list', { specId, markdown: reworded })).threads[0];
  assert.equal(inEditor.placement.status, 'attached');
  assert.equal(inEditor.placement.status === 'attached' && reworded.slice(inEditor.placement.start, inEditor.placement.end), AC4_PHRASE);
  assert.equal(inEditor.placement.status === 'attached' && inEditor.placement.requirementId, 'AC-4');

  // Saved as version 2, then the app is closed and reopened.
  await m.call('versions.save', { specId, markdown: reworded });
  await m.call('threads.list', { specId });
  await m.close();
  const reopened = machine(t, dataDir);
  const after = (await reopened.call('threads.list', { specId })).threads;
  assert.equal(after.length, 1);
  const placed = after[0].placement;
  assert.equal(placed.status, 'attached');
  assert.equal(placed.status === 'attached' && reworded.slice(placed.start, placed.end), AC4_PHRASE);
  assert.equal(placed.status === 'attached' && placed.section, 'Acceptance Criteria');

  // The quoted words are deleted in version 3: outdated, with the original quote and version.
  const deleted = reworded.replace(`whose ${AC4_PHRASE} (a second click)`, 'that was verified before');
  await reopened.call('versions.save', { specId, markdown: deleted });
  const outdated = (await reopened.call('threads.list', { specId })).threads[0];
  assert.deepEqual(outdated.placement, { status: 'outdated', reason: 'not-found' });
  assert.equal(outdated.selector.exact, AC4_PHRASE);
  assert.equal(outdated.selector.versionNumber, 1);
  assert.equal(outdated.comments[0].body, 'Which status when two requests race?', 'never lost');
});

test('a renumbered requirement keeps its comment, whose requirement id follows (AC-4 → AC-5)', async (t) => {
  const { m, specId, markdown } = await authorWithSpec(t);
  const at = markdown.indexOf(AC4_PHRASE);
  await m.call('threads.add', { specId, start: at, end: at + AC4_PHRASE.length, body: 'race?' });
  const renumbered = markdown
    .replace(/- \*\*AC-(\d+):\*\*/g, (_, n: string) => (Number(n) >= 4 ? `- **AC-${Number(n) + 1}:**` : `- **AC-${n}:**`))
    .replace('### Error States\n', '### Error States\n- **AC-4:** Given a revoked token, when it is verified, then the response status is 400.\n');
  await m.call('versions.save', { specId, markdown: renumbered });
  const [thread] = (await m.call('threads.list', { specId })).threads;
  assert.equal(thread.placement.status === 'attached' && thread.placement.requirementId, 'AC-5');
  assert.equal(thread.placement.status === 'attached' && renumbered.slice(thread.placement.start, thread.placement.end), AC4_PHRASE);
});

test('edit, delete (tombstone) and undo of own comments; nobody else may; nothing is removed by an edit', async (t) => {
  const { m, specId, markdown } = await authorWithSpec(t);
  const at = markdown.indexOf('15 minutes');
  const { thread } = await m.call('threads.add', { specId, start: at, end: at + 10, body: 'first', severity: 'question' });
  const reply = await m.call('threads.reply', { threadId: thread.id, body: 'second, cc @reviewer@example.com' });
  const secondId = reply.thread.comments[1].id;
  const edited = await m.call('threads.edit', { commentId: secondId, body: 'second (edited)' });
  assert.equal(edited.thread.comments[1].body, 'second (edited)');
  assert.ok(edited.thread.comments[1].editedAt);

  const deleted = await m.call('threads.delete', { commentId: secondId });
  assert.equal(deleted.thread.comments.length, 2, 'the tombstone stays');
  assert.ok(deleted.thread.comments[1].deletedAt);
  const undone = await m.call('threads.undoDelete', { commentId: secondId });
  assert.equal(undone.thread.comments[1].deletedAt, null);
  assert.equal(undone.thread.comments[1].body, 'second (edited)');

  await m.call('versions.save', { specId, markdown: markdown.replace('## Context\n', '## Context\nEdited.\n') });
  assert.equal((await m.call('threads.list', { specId })).threads[0].comments.length, 2);

  await m.call('profile.set', { name: 'Priya Author', email: 'priya.new@example.com' });
  assert.equal((await m.call('threads.list', { specId })).threads[0].comments[0].author.email, 'priya.new@example.com', 'editing the profile keeps authorship');
  const other = await m.call('reviewers.add', { specId, name: 'Sam Reviewer', email: 'sam@example.com' });
  assert.equal(other.reviewers.length, 1);
});

test('resolve hides a thread unless resolved ones are asked for; reopen brings it back; mentions name reviewers', async (t) => {
  const { m, specId, markdown } = await authorWithSpec(t);
  await m.call('reviewers.add', { specId, name: 'Sam Reviewer', email: 'sam@example.com' });
  const at = markdown.indexOf('15 minutes');
  const { thread } = await m.call('threads.add', { specId, start: at, end: at + 10, body: '@Sam Reviewer is 15 right?' });
  assert.equal(thread.mentions.length, 1);
  await m.call('threads.resolve', { threadId: thread.id });
  assert.equal((await m.call('threads.list', { specId, includeResolved: false })).threads.length, 0);
  assert.equal((await m.call('threads.list', { specId })).threads[0].status, 'resolved');
  await m.call('threads.reopen', { threadId: thread.id });
  assert.equal((await m.call('threads.list', { specId, includeResolved: false })).threads.length, 1);
});

test('actions need a profile; a selection outside the text is refused', async (t) => {
  const m = machine(t, tempDir(t));
  const created = await m.call('specs.create', { source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'm.md' } });
  const noProfile = await m.fail('threads.add', { specId: created.spec.id, start: 0, end: 5, body: 'x' });
  assert.equal(noProfile.code, 'PROFILE_REQUIRED');
  await m.call('profile.set', { name: 'A', email: 'a@example.com' });
  const outside = await m.fail('threads.add', { specId: created.spec.id, start: 0, end: 10_000_000, body: 'x' });
  assert.equal(outside.code, 'INVALID_ARGUMENTS');
  const bad = await m.fail('profile.set', { name: 'A', email: 'not-an-email' });
  assert.equal(bad.code, 'INVALID_ARGUMENTS');
});

test('the profile name replaces the OS user name as the author in History', async (t) => {
  const { m, specId, markdown } = await authorWithSpec(t);
  await m.call('versions.save', { specId, markdown: markdown.replace('## Context\n', '## Context\nSigned.\n') });
  const { versions } = await m.call('versions.list', { specId });
  assert.deepEqual(versions.map((v) => v.author), ['Priya Author', 'Priya Author']);
});
