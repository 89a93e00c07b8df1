import type { ReviewThread } from '../../../core/contract/ops/review-threads.js';
import { client } from '../client/current.js';
import { ensureEditor, replaceInEditor } from '../review/pane-edit.js';
import { useWorkbench } from '../state/store.js';
import { useComments } from './comments-store.js';
import { toPaneRange } from './pane-offsets.js';

/**
 * Accepts a suggestion: the host checks the quote is unchanged and returns the one edit; it is
 * applied in the pane's editor as a single undoable edit (one Ctrl+Z restores the text).
 */
export async function acceptSuggestionInEditor(thread: ReviewThread): Promise<void> {
  await useComments.getState().run(async () => {
    useWorkbench.getState().sync();
    const markdown = useWorkbench.getState().doc.source;
    const accepted = await client().call('suggestions.accept', { threadId: thread.id, markdown });
    const range = toPaneRange(accepted.edit.start, accepted.edit.end);
    if (!range) throw new Error('the suggested text is not inside one section');
    replaceInEditor(await ensureEditor(range.paneId), range.start, range.end, accepted.edit.replacement);
  });
}
