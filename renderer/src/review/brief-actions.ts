import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import type { BriefState } from '../state/review-slice.js';
import { useWorkbench } from '../state/store.js';
import { failureMessage } from './format.js';

const store = () => useWorkbench.getState();

function patchBrief(patch: (brief: BriefState) => Partial<BriefState>): void {
  useWorkbench.setState((s) => ({ reviewBrief: { ...s.reviewBrief, ...patch(s.reviewBrief) } }));
}

/** The items an agent brief can be built for, in the text as it is now. */
export async function loadBriefTargets(): Promise<void> {
  store().sync();
  try {
    const { targets } = await client().call('review.briefTargets', { specMarkdown: store().currentText() });
    patchBrief((b) => ({ targets, selected: Math.min(b.selected, Math.max(0, targets.length - 1)), error: null }));
  } catch (error) {
    patchBrief(() => ({ error: failureMessage(error) }));
  }
}

export async function buildBrief(): Promise<void> {
  const brief = store().reviewBrief;
  const target = brief.targets?.[brief.selected];
  if (!target) return;
  store().sync();
  patchBrief(() => ({ loading: true, error: null }));
  try {
    const result = await client().call('review.brief', {
      specMarkdown: store().currentText(),
      target,
      ...(brief.conventionsFile.trim() ? { conventionsFile: brief.conventionsFile.trim() } : {}),
    });
    patchBrief(() => ({ result, loading: false }));
  } catch (error) {
    patchBrief(() => ({ loading: false, error: failureMessage(error) }));
  }
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    store().notify('info', 'Brief copied to the clipboard.');
    announce('specbench:brief-copied');
  } catch (error) {
    store().notify('warning', `Could not copy: ${failureMessage(error)}. Select the text and copy it by hand.`);
  }
}
