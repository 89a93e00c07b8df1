import type { ArgsOf } from '../../../core/contract/operations.js';
import type { ReviewSettingsView } from '../../../core/contract/ops/review.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';
import { failureMessage } from './format.js';

const store = () => useWorkbench.getState();

/** Passes and prompt-file errors, and the settings (never the key). */
export async function loadReviewInfo(): Promise<void> {
  try {
    const [library, settings] = await Promise.all([client().call('review.passes', {}), client().call('review.settings.get', {})]);
    store().reviewPatch({ reviewPasses: library.passes, reviewPassErrors: library.errors, reviewPromptsDir: library.userPromptsDir, reviewSettings: settings });
  } catch (error) {
    store().reviewPatch({ reviewError: `Could not load the review passes: ${failureMessage(error)}` });
  }
}

export async function saveReviewSettings(patch: ArgsOf<'review.settings.set'>): Promise<ReviewSettingsView> {
  const view = await client().call('review.settings.set', patch);
  store().reviewPatch({ reviewSettings: view });
  return view;
}
