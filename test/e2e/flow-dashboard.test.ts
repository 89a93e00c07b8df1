import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSpecStore } from '../../host/store/spec-store.js';
import { DecisionStore } from '../../host/store/decisions.js';
import { openSession, type Session } from './harness.js';
import { FlowPanelPage } from './pages/flow-panel.js';

const SCREENSHOT = '/tmp/adr14-flow-dashboard.png';

describe('Product Ops dashboard (issue 14)', () => {
  let session: Session;

  before(async () => {
    session = await openSession('magic-link.md', { viewport: { width: 1500, height: 1000 } });
    // Two specs in the workbench's own library: one started 9 days after approval, one after 3.
    const store = openSpecStore(join(session.bench.dir, 'home'));
    try {
      const d = new DecisionStore(store);
      for (const [title, start] of [['Slow payments spec', '2026-10-10T09:00:00Z'], ['Quick search spec', '2026-10-04T09:00:00Z']] as const) {
        const id = store.createSpec({ source: { kind: 'markdown', markdown: `# ${title}\n\n## Context\n\nWhy.\n`, fileName: 'x.md' } }).spec.id;
        d.addTransition({ specId: id, state: 'in-review', at: '2026-09-29T09:00:00Z', actor: 'Priya' });
        d.addTransition({ specId: id, state: 'approved', at: '2026-10-01T09:00:00Z', actor: 'Lena' });
        d.addTransition({ specId: id, state: 'implementation-started', at: start, actor: 'Omar' });
      }
    } finally {
      store.close();
    }
  });
  after(() => session?.close());

  it('AC-7 / AC-4: product ops opens the dashboard, sees the chart and the flagged spec, and exports the CSV', async () => {
    const flow = new FlowPanelPage(session.page);
    await flow.open();
    await flow.chartCanvas().first().waitFor();
    const box = await flow.chart().boundingBox();
    assert.ok(box && box.width > 200 && box.height > 100, `the chart is drawn (${JSON.stringify(box)})`);
    assert.match(await flow.summary().innerText(), /median 6 d, p90 8\.4 d · 1 over 7 days/);
    assert.deepEqual((await flow.flaggedTitles()).map((t) => t.replace(/#\d+ /, '')), ['⚑ Slow payments spec']);
    assert.deepEqual((await flow.unflaggedTitles()).map((t) => t.replace(/#\d+ /, '')), ['Quick search spec']);
    await session.page.screenshot({ path: SCREENSHOT });

    const csv = await flow.exportCsv();
    assert.match(csv.name, /^spec-flow-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'spec_id,title,stage,approved_at,implementation_start_at,source,days_to_start,so_far,flagged,days_in_review');
    assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(1, 2).concat(l.split(',').slice(6, 9))), [
      ['Slow payments spec', '9', 'no', 'yes'],
      ['Quick search spec', '3', 'no', 'no'],
    ]);
    assert.deepEqual(session.problems, [], 'no page errors or CSP violations');
  });
});
