import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { BUILTIN_DOMAINS } from '../../../core/review/domains/catalog.js';
import { classifyDomains } from '../../../core/review/domains/classify.js';

const EVAL = new URL('../../fixtures/review-eval/', import.meta.url);
const read = (url: URL) => readFileSync(url, 'utf8');

describe('domain classifier (FR-1)', () => {
  it('knows the twelve domains of the issue', () => {
    assert.deepEqual(
      BUILTIN_DOMAINS.map((d) => d.id),
      ['authentication', 'authorisation', 'payments', 'file-upload', 'outbound-calls', 'data-import-export', 'search', 'notifications', 'public-api', 'personal-data', 'concurrency-jobs', 'ui-forms'],
    );
  });

  it('tags every evaluation spec with domains its sidecar lists, and at least one', () => {
    for (const name of readdirSync(EVAL).filter((n) => n.endsWith('.md'))) {
      const doc = parseSpec(read(new URL(name, EVAL)));
      const expected = (JSON.parse(read(new URL(name.replace(/\.md$/, '.gaps.json'), EVAL))) as { domains: string[] }).domains;
      const got = classifyDomains(doc.source, doc.frontMatter);
      assert.equal(got.source, 'classifier');
      assert.ok(got.domains.length > 0, `${name}: no domain`);
      for (const d of got.domains) assert.ok(expected.includes(d), `${name}: tagged ${d}, sidecar lists ${expected.join(', ')}`);
    }
  });

  it('tags the magic-link samples as authentication only', () => {
    for (const name of ['magic-link.md', 'magic-link-draft.md']) {
      const doc = parseSpec(read(new URL(`../../../samples/${name}`, import.meta.url)));
      assert.deepEqual(classifyDomains(doc.source, doc.frontMatter).domains, ['authentication'], name);
    }
  });

  it('finds no domain in a spec about none of them', () => {
    const got = classifyDomains('# Dark mode\n\n## Functional Requirements\n- FR-1: The app must follow the operating system colour scheme.\n');
    assert.deepEqual(got.domains, []);
    assert.deepEqual(got.warnings, []);
  });

  it('does not let one repeated word decide a domain', () => {
    assert.deepEqual(classifyDomains('refund '.repeat(200)).domains, []);
  });

  it('takes the domains from front matter, and warns about an unknown one naming the known ones', () => {
    const doc = parseSpec('---\ntitle: T\ndomains: [search, payment-stuff]\n---\n# T\n\nRefunds, refunds, payments and invoices in EUR.\n');
    const got = classifyDomains(doc.source, doc.frontMatter);
    assert.equal(got.source, 'front-matter');
    assert.deepEqual(got.domains, ['search']);
    assert.equal(got.warnings.length, 1);
    assert.match(got.warnings[0], /unknown domain "payment-stuff"/);
    for (const d of BUILTIN_DOMAINS) assert.ok(got.warnings[0].includes(d.id), d.id);
  });

  it('lets front matter switch domains off with an empty list', () => {
    const doc = parseSpec('---\ndomains: []\n---\n# Refunds\n\nPayments, refunds, invoices and chargebacks in EUR cents.\n');
    assert.deepEqual(classifyDomains(doc.source, doc.frontMatter).domains, []);
    assert.ok(classifyDomains(doc.source).domains.includes('payments'));
  });

  it('is deterministic', () => {
    const text = read(new URL('refunds.md', EVAL));
    assert.deepEqual(classifyDomains(text), classifyDomains(text));
  });
});
