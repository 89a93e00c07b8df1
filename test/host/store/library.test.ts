import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newSpecMarkdown } from '../../../core/templates/new-spec.js';
import { sample, tempStore } from './helpers.js';

test('a spec created from a template holds the template text as version 1', (t) => {
  const store = tempStore(t);
  const { spec, version } = store.createSpec({ source: { kind: 'template', template: 'agent-ready', title: 'Rate limits' }, author: 'Priya' });
  const head = store.getSpec(spec.id).head;
  assert.equal(head.markdown, newSpecMarkdown('agent-ready', 'Rate limits', version.createdAt.slice(0, 10)));
  assert.equal(spec.title, 'Rate limits');
  assert.equal(spec.template, 'agent-ready');
  assert.equal(spec.status, 'draft');
  assert.equal(spec.headVersion, 1);
  assert.equal(version.author, 'Priya');
  assert.match(version.message, /template/);
});

test('a spec created from Markdown keeps the text exactly; a given title overrides the document title in the library only', (t) => {
  const store = tempStore(t);
  const markdown = sample('audit-log-export.md').replace(/\n/g, '\r\n');
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown, bom: true, title: 'Audit export (Q4)' } });
  const opened = store.getSpec(spec.id);
  assert.equal(opened.head.markdown, markdown);
  assert.equal(opened.head.bom, true);
  assert.equal(opened.head.title, 'Audit Log Export');
  assert.equal(opened.spec.title, 'Audit export (Q4)');
  assert.equal(opened.spec.template, 'product-ops');
  assert.equal(opened.draft, null);
});

test('rename changes the library title, not the Markdown or the versions', (t) => {
  const store = tempStore(t);
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
  const before = store.listVersions(spec.id);
  const renamed = store.renameSpec(spec.id, '  Passwordless sign-in  ');
  assert.equal(renamed.title, 'Passwordless sign-in');
  assert.deepEqual(store.listVersions(spec.id), before);
  assert.equal(store.getSpec(spec.id).head.markdown, sample('magic-link.md'));
  assert.throws(() => store.renameSpec(spec.id, '   '), /cannot be empty/);
});

test('archive, trash, restore and empty trash move specs between the lists', (t) => {
  const store = tempStore(t);
  const a = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } }).spec.id;
  const b = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-draft.md') } }).spec.id;
  const c = store.createSpec({ source: { kind: 'markdown', markdown: sample('audit-log-export.md') } }).spec.id;
  const ids = (state: 'active' | 'archived' | 'trashed') => store.listSpecs({ state, sort: 'created', direction: 'asc' }).map((s) => s.id);

  store.saveDraft({ specId: c, markdown: 'draft' });
  store.setArchived(b, true);
  assert.deepEqual([ids('active'), ids('archived')], [[a, c], [b]]);
  store.trashSpec(b);
  store.trashSpec(c);
  assert.deepEqual([ids('active'), ids('archived'), ids('trashed')], [[a], [], [b, c]]);
  assert.ok(store.listSpecs({ state: 'trashed' }).every((s) => s.trashedAt !== null));
  store.restoreSpec(b);
  assert.deepEqual(ids('archived'), [b], 'restored to where it was');
  store.setArchived(b, false);
  assert.deepEqual(ids('active'), [a, b]);

  assert.equal(store.emptyTrash(), 1);
  assert.deepEqual(ids('trashed'), []);
  assert.throws(() => store.getSpec(c), /does not exist/);
  const orphans = store.connection.prepare('SELECT count(*) AS n FROM contents WHERE id NOT IN (SELECT content_id FROM versions)').get() as { n: number };
  assert.equal(orphans.n, 0);
  const drafts = store.connection.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number };
  assert.equal(drafts.n, 0);
});

test('emptying the trash keeps texts another spec still uses', (t) => {
  const store = tempStore(t);
  const text = sample('magic-link.md');
  const keep = store.createSpec({ source: { kind: 'markdown', markdown: text } }).spec.id;
  const drop = store.createSpec({ source: { kind: 'markdown', markdown: text } }).spec.id;
  store.trashSpec(drop);
  assert.equal(store.emptyTrash([drop, keep]), 1, 'only trashed specs are deleted');
  assert.equal(store.getSpec(keep).head.markdown, text);
});

test('list shows title, status, readiness, counts and last edit; sorts and filters', (t) => {
  const store = tempStore(t);
  const approved = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') }, readiness: 90 }).spec.id;
  const draft = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-draft.md') }, readiness: 35 }).spec.id;
  const review = store.createSpec({ source: { kind: 'markdown', markdown: sample('audit-log-export.md') }, readiness: null }).spec.id;
  store.renameSpec(draft, 'Magic link 100% draft');

  const row = store.listSpecs().find((s) => s.id === approved)!;
  assert.deepEqual([row.title, row.status, row.readiness, row.counts.ac, row.hasDraft], ['Magic Link Authentication', 'approved', 90, 10, false]);

  const order = (args: Parameters<typeof store.listSpecs>[0]) => store.listSpecs(args).map((s) => s.id);
  assert.deepEqual(order({ sort: 'title' }), [review, draft, approved]);
  assert.deepEqual(order({ sort: 'title', direction: 'desc' }), [approved, draft, review]);
  assert.deepEqual(order({ sort: 'readiness' }), [approved, draft, review], 'highest first, unscored last');
  assert.deepEqual(order({ sort: 'status' }), [approved, draft, review]);
  assert.deepEqual(order({ status: 'in-review' }), [review]);
  assert.deepEqual(order({ titleContains: '100%' }), [draft], 'LIKE wildcards in the filter are literal');
  assert.deepEqual(order({ titleContains: 'MAGIC' }).sort(), [approved, draft].sort());

  // Editing (here: a draft) moves a spec to the top of "last edited".
  store.saveDraft({ specId: review, markdown: 'typing' });
  assert.equal(order({ sort: 'lastEdited' })[0], review);
  assert.equal(store.listSpecs().find((s) => s.id === review)!.hasDraft, true);
  store.saveDraft({ specId: approved, markdown: 'typing' });
  assert.equal(order({})[0], approved);
});
