import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backends } from './backends.js';
import { seedSpec } from './seed-spec.js';

/** ADR logs and records through the store contract, the same test on SQLite and on PostgreSQL. */

const record = (n: number | null, fileName: string, status = 'accepted', title = `Record ${fileName}`) => ({
  number: n,
  fileName,
  title,
  status,
  date: '2026-01-02',
  text: `# ${title}\n\nStatus: ${status}\n`,
});

const code = (c: string) => (error: unknown) => (error as { code?: string }).code === c;

for (const backend of backends) {
  test(`${backend.name}: ADR logs are created once, found by name, listed by id and keep their folder`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    assert.equal(await d.log('main'), null);
    const main = await d.ensureLog('main');
    assert.deepEqual(main, { id: main.id, name: 'main', dir: null, format: 'madr' });
    const again = await d.ensureLog('main', 'nygard', '/elsewhere');
    assert.deepEqual(again, main, 'an existing log is returned as it is');
    const other = await d.ensureLog('legacy', 'nygard', '/adr');
    assert.deepEqual(other, { id: other.id, name: 'legacy', dir: '/adr', format: 'nygard' });
    await d.setLogDir(main.id, '/docs/adr');
    assert.deepEqual(await d.log('main'), { ...main, dir: '/docs/adr' });
    assert.deepEqual((await d.logs()).map((l) => l.name), ['main', 'legacy']);
    // Two writers creating the same log at once get the same one.
    const [a, b] = await Promise.all([d.ensureLog('race'), d.ensureLog('race')]);
    assert.equal(a.id, b.id);
    assert.equal((await d.logs()).filter((l) => l.name === 'race').length, 1);
  });

  test(`${backend.name}: an inserted ADR has its fields, one revision and its first status; it is found by file and by id`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const specId = await seedSpec(store, 'Magic link');
    const log = await d.ensureLog('main');
    const summary = await d.insertAdr({ logId: log.id, ...record(1, '0001-use-postgres.md'), specId, specVersion: 1, requirementIds: ['FR-1', 'NFR-2'], actor: 'ada' });
    assert.equal(typeof summary.id, 'number');
    assert.deepEqual({ ...summary, id: 0, updatedAt: '' }, {
      id: 0,
      logId: log.id,
      logName: 'main',
      number: 1,
      fileName: '0001-use-postgres.md',
      title: 'Record 0001-use-postgres.md',
      status: 'accepted',
      date: '2026-01-02',
      specId,
      specVersion: 1,
      requirementIds: ['FR-1', 'NFR-2'],
      meetingId: null,
      updatedAt: '',
      deletedAt: null,
    });
    assert.match(summary.updatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const detail = await d.getAdr(summary.id);
    assert.equal(detail.text, record(1, '0001-use-postgres.md').text);
    assert.deepEqual(detail.revisions.map((r) => [r.status, r.actor, r.text]), [['accepted', 'ada', detail.text]]);
    assert.deepEqual(detail.statusChanges.map((c) => [c.from, c.to, c.actor]), [[null, 'accepted', 'ada']]);
    assert.deepEqual(await d.adrByFile(log.id, '0001-use-postgres.md'), { ...summary, text: detail.text });
    assert.equal(await d.adrByFile(log.id, '0009-missing.md'), null);
    assert.equal(await d.adrText(summary.id), detail.text);
  });

  test(`${backend.name}: an edit keeps every earlier text as a revision and logs status changes; an unchanged text writes nothing`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const log = await d.ensureLog('main');
    const { id } = await d.insertAdr({ logId: log.id, ...record(1, '0001-a.md', 'proposed'), actor: 'ada' });
    const first = await d.getAdr(id);
    const unchanged = await d.updateAdr(id, record(1, '0001-a.md', 'proposed'), 'bob');
    assert.equal(unchanged.updatedAt, first.updatedAt);
    assert.equal((await d.getAdr(id)).revisions.length, 1);

    const edited = await d.updateAdr(id, { ...record(1, '0001-a.md', 'accepted', 'Better title'), date: '2026-02-03' }, 'bob');
    assert.equal(edited.title, 'Better title');
    assert.equal(edited.status, 'accepted');
    assert.equal(edited.date, '2026-02-03');
    await d.updateAdr(id, { ...record(1, '0001-a.md', 'accepted', 'Better title'), text: 'same status, new words\n' }, 'cy');
    const detail = await d.getAdr(id);
    assert.equal(detail.text, 'same status, new words\n');
    assert.deepEqual(
      detail.revisions.map((r) => [r.status, r.actor]),
      [
        ['proposed', 'ada'],
        ['accepted', 'bob'],
        ['accepted', 'cy'],
      ],
    );
    assert.equal(detail.revisions[0].text, first.text, 'the first text is still there');
    assert.deepEqual(
      detail.statusChanges.map((c) => [c.from, c.to, c.actor]),
      [
        [null, 'proposed', 'ada'],
        ['proposed', 'accepted', 'bob'],
      ],
    );
  });

  test(`${backend.name}: deleting is explicit and undoable; lists hide deleted records unless asked`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const log = await d.ensureLog('main');
    const one = await d.insertAdr({ logId: log.id, ...record(1, '0001-a.md') });
    const two = await d.insertAdr({ logId: log.id, ...record(2, '0002-b.md') });
    const deleted = await d.setAdrDeleted(one.id, true);
    assert.match(deleted.deletedAt ?? '', /^\d{4}-/);
    assert.deepEqual((await d.listAdrs()).map((a) => a.id), [two.id]);
    assert.deepEqual((await d.listAdrs({ includeDeleted: true })).map((a) => a.id), [one.id, two.id]);
    assert.deepEqual((await d.adrTexts(log.id)).map((a) => a.id), [two.id]);
    assert.equal(await d.nextNumber(log.id), 3, 'a deleted record keeps its number taken');
    const back = await d.setAdrDeleted(one.id, false);
    assert.equal(back.deletedAt, null);
    assert.deepEqual((await d.listAdrs()).map((a) => a.id), [one.id, two.id]);
    assert.equal((await d.getAdr(one.id)).revisions.length, 1, 'deletion is not an edit');
  });

  test(`${backend.name}: records list per log by number (unnumbered last, then by file name); duplicate numbers are both kept`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const main = await d.ensureLog('main');
    const legacy = await d.ensureLog('legacy', 'plain');
    await d.insertAdr({ logId: main.id, ...record(null, 'ZebraChoice.md') });
    await d.insertAdr({ logId: main.id, ...record(2, '0002-b.md') });
    await d.insertAdr({ logId: main.id, ...record(null, 'AppleChoice.md') });
    await d.insertAdr({ logId: main.id, ...record(1, '0001-z.md') });
    await d.insertAdr({ logId: main.id, ...record(1, '0001-a.md') });
    await d.insertAdr({ logId: legacy.id, ...record(7, '0007-x.md') });
    assert.deepEqual(
      (await d.listAdrs({ logName: 'main' })).map((a) => a.fileName),
      ['0001-a.md', '0001-z.md', '0002-b.md', 'AppleChoice.md', 'ZebraChoice.md'],
    );
    assert.deepEqual(
      (await d.listAdrs()).map((a) => `${a.logName}/${a.fileName}`),
      ['main/0001-a.md', 'main/0001-z.md', 'main/0002-b.md', 'main/AppleChoice.md', 'main/ZebraChoice.md', 'legacy/0007-x.md'],
    );
    assert.deepEqual(await d.listAdrs({ logName: 'nowhere' }), []);
    assert.equal(await d.nextNumber(main.id), 3);
    assert.equal(await d.nextNumber(legacy.id), 8);
    assert.equal(await d.nextNumber((await d.ensureLog('empty')).id), 1);
  });

  test(`${backend.name}: two records taking the next number at once get consecutive numbers, none shared or skipped`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const log = await d.ensureLog('main');
    await d.insertAdr({ logId: log.id, ...record(1, '0001-first.md') });
    const made = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((slug) =>
        d.insertNextAdr({ logId: log.id, actor: 'ops' }, (n) => {
          const { number: _n, ...fields } = record(n, `${String(n).padStart(4, '0')}-${slug}.md`);
          return fields;
        }),
      ),
    );
    assert.deepEqual(made.map((a) => a.number).sort((x, y) => x! - y!), [2, 3, 4, 5, 6]);
    for (const a of made) assert.ok(a.fileName.startsWith(String(a.number).padStart(4, '0')), 'the record was rendered for the number it got');
    await assert.rejects(d.insertNextAdr({ logId: 9999 }, () => ({ fileName: 'x.md', title: 'x', status: 'accepted', date: null, text: 'x' })), code('NOT_FOUND'));
  });

  test(`${backend.name}: unknown ADR ids, unknown logs and a file name taken twice are refused with clear errors`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const log = await d.ensureLog('main');
    await d.insertAdr({ logId: log.id, ...record(1, '0001-a.md') });
    await assert.rejects(d.getAdr(4242), (e: Error) => code('NOT_FOUND')(e) && /ADR 4242/.test(e.message));
    await assert.rejects(d.updateAdr(4242, record(1, '0001-a.md')), code('NOT_FOUND'));
    await assert.rejects(d.setAdrDeleted(4242, true), code('NOT_FOUND'));
    await assert.rejects(d.adrText(4242), code('NOT_FOUND'));
    await assert.rejects(d.insertAdr({ logId: 4242, ...record(1, '0001-a.md') }), (e: Error) => code('NOT_FOUND')(e) && /ADR log 4242/.test(e.message));
    await assert.rejects(d.insertAdr({ logId: log.id, ...record(5, '0001-a.md') }), (e: Error) => code('ADR_EXISTS')(e) && /0001-a\.md/.test(e.message));
    assert.equal((await d.listAdrs()).length, 1, 'nothing was added by the refused calls');
  });

  test(`${backend.name}: ADRs of a meeting are listed by id without the deleted ones`, async (t) => {
    const store = await backend.open(t);
    const d = store.decisions;
    const log = await d.ensureLog('main');
    const meetingId = await d.createMeeting({ specId: null, specVersion: null, title: 'Round', scheduledAt: null, durationMinutes: 30 });
    const a = await d.insertAdr({ logId: log.id, ...record(1, '0001-a.md'), meetingId });
    const b = await d.insertAdr({ logId: log.id, ...record(2, '0002-b.md'), meetingId });
    await d.insertAdr({ logId: log.id, ...record(3, '0003-c.md') });
    await d.setAdrDeleted(a.id, true);
    assert.deepEqual((await d.adrsOfMeeting(meetingId)).map((x) => [x.id, x.meetingId, x.logName]), [[b.id, meetingId, 'main']]);
    assert.deepEqual(await d.adrsOfMeeting(4242), []);
  });
}
