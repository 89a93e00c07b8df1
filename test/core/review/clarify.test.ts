import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { applyClarification, offlineClarifyQuestions } from '../../../core/review/clarify.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');
const complete = readFileSync(new URL('../../../samples/magic-link.md', import.meta.url), 'utf8');

describe('offline Clarify questions', () => {
  it('asks at most five, most severe first, each with a recommended answer and alternatives', () => {
    const questions = offlineClarifyQuestions(parseSpec(draft));
    assert.equal(questions.length, 5);
    for (const q of questions) {
      assert.ok(q.recommended.length > 0);
      assert.ok(q.alternatives.length >= 1);
      assert.equal(q.offline, true);
    }
    assert.match(questions[0].question, /no account/);
    assert.equal(new Set(questions.map((q) => q.id)).size, 5);
  });

  it('has nothing to ask about a spec that already decides everything it knows', () => {
    assert.deepEqual(offlineClarifyQuestions(parseSpec(complete)), []);
  });
});

describe('applyClarification', () => {
  it('writes the answer after the quoted passage and lists it under a new "Clarifications" section', () => {
    const quote = 'The request endpoint should be rate limited.';
    const answer = 'At most 5 requests per email address per rolling 60 minutes; the 6th gets 429.';
    const { markdown, writtenInto } = applyClarification(draft, { section: 'functional', quote, question: 'What is the limit?', answer });
    assert.equal(writtenInto, 'quote');
    const doc = parseSpec(markdown);
    const fr5 = doc.sections.find((s) => s.key === 'functional')!.items.find((i) => i.id === 'FR-5')!;
    assert.equal(fr5.text, `${quote} ${answer}`);
    const last = doc.sections[doc.sections.length - 1];
    assert.equal(last.heading, 'Clarifications');
    assert.equal(last.body.trim(), `- **Q:** What is the limit? **A:** ${answer}`);
    // Nothing else moved: the text before FR-5's end is untouched.
    const cut = draft.indexOf(quote) + quote.length;
    assert.equal(markdown.slice(0, cut), draft.slice(0, cut));
  });

  it('appends to an existing Clarifications section and keeps earlier entries', () => {
    const once = applyClarification(draft, { section: 'nonFunctional', question: 'Q1?', answer: 'A1.' }).markdown;
    const twice = applyClarification(once, { section: 'nonFunctional', question: 'Q2?', answer: 'A2.' }).markdown;
    const doc = parseSpec(twice);
    const clarifications = doc.sections.filter((s) => s.heading === 'Clarifications');
    assert.equal(clarifications.length, 1);
    assert.deepEqual(clarifications[0].body.trim().split('\n'), ['- **Q:** Q1? **A:** A1.', '- **Q:** Q2? **A:** A2.']);
    const nfr = doc.sections.find((s) => s.key === 'nonFunctional')!;
    assert.match(nfr.body, /- A1\.\n- A2\.\n/);
  });

  it('adds a new line at the end of the section when the quote is gone', () => {
    const { markdown, writtenInto } = applyClarification(draft, { section: 'context', quote: 'text that is not there', question: 'Q?', answer: 'The API is versioned under /v1.' });
    assert.equal(writtenInto, 'section');
    const context = parseSpec(markdown).sections.find((s) => s.key === 'context')!;
    assert.match(context.body, /We already have an email service we can reuse\.\n\nThe API is versioned under \/v1\.\n/);
  });

  it('creates the template section when the spec lacks it', () => {
    const { markdown, writtenInto } = applyClarification(draft, { section: 'edgeCases', question: 'Q?', answer: 'Expired tokens get 400.' });
    assert.equal(writtenInto, 'new-section');
    const doc = parseSpec(markdown);
    assert.equal(doc.sections.find((s) => s.key === 'edgeCases')?.body.trim(), 'Expired tokens get 400.');
    assert.equal(doc.sections[doc.sections.length - 1].heading, 'Clarifications');
  });
});
