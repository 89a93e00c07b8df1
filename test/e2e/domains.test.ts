import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSession, type Session } from './harness.js';

describe('domains in the title bar (FR-1)', () => {
  let session: Session;
  before(async () => {
    session = await openSession('audit-log-export.md');
  });
  after(() => session?.close());

  it('shows the domains the review will use for the open spec', async () => {
    const badge = session.page.getByTestId('spec-domains');
    await badge.waitFor();
    assert.equal(await badge.getAttribute('data-domains'), 'authorisation,data-import-export,personal-data,concurrency-jobs');
    assert.match((await badge.textContent()) ?? '', /^Authorisation and roles · Data import and export · Personal data and compliance · Concurrency and jobs$/);
    assert.match((await badge.getAttribute('title')) ?? '', /Domains detected from the text/);
    assert.deepEqual(session.problems, []);
  });
});
