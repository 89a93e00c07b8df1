import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import type { ClarifyState } from '../state/review-slice.js';
import { useWorkbench } from '../state/store.js';
import { failureMessage } from './format.js';
import { replaceDocumentText } from './pane-edit.js';

const store = () => useWorkbench.getState();

function patchClarify(patch: Partial<ClarifyState>): void {
  useWorkbench.setState((s) => ({ reviewClarify: { ...s.reviewClarify, ...patch } }));
}

/** Asks the host for Clarify's questions about the text as it is now. */
export async function loadClarify(): Promise<void> {
  store().sync();
  patchClarify({ status: 'loading', error: null, questions: [], index: 0, outcome: {} });
  store().reviewPatch({ reviewTab: 'clarify' });
  try {
    const result = await client().call('review.clarify', { specMarkdown: store().currentText() });
    patchClarify({ status: 'ready', mode: result.mode, questions: result.questions, index: 0, cost: result.cost, error: result.error ? result.error.message : null });
  } catch (error) {
    patchClarify({ status: 'error', error: failureMessage(error) });
  }
}

/** Writes the chosen answer into the spec (the section it concerns and "Clarifications"). */
export async function applyClarifyAnswer(questionId: string, answer: string): Promise<void> {
  const clarify = store().reviewClarify;
  const q = clarify.questions.find((x) => x.id === questionId);
  if (!q) return;
  store().sync();
  try {
    const { markdown } = await client().call('review.clarify.apply', {
      specMarkdown: store().currentText(),
      section: q.section,
      ...(q.quote ? { quote: q.quote } : {}),
      question: q.question,
      answer,
    });
    const how = await replaceDocumentText(markdown);
    patchClarify({ outcome: { ...store().reviewClarify.outcome, [q.id]: 'applied' }, index: store().reviewClarify.index + 1 });
    announce('specbench:clarify-applied', { questionId, how });
  } catch (error) {
    store().notify('error', `The answer was not written: ${failureMessage(error)}`);
  }
}

export function skipClarifyQuestion(questionId: string): void {
  patchClarify({ outcome: { ...store().reviewClarify.outcome, [questionId]: 'skipped' }, index: store().reviewClarify.index + 1 });
}
