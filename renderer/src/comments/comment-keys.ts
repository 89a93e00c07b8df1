import { revealInPane } from '../monaco/editor-registry.js';
import { showPanel } from '../palette/panel-switch.js';
import { useComments, visibleThreads } from './comments-store.js';

/** Ctrl+Alt+M: open the Comments panel with the comment box focused; the editor keeps its selection. */
export function focusNewComment(): void {
  showPanel('comments');
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="comment-body"]')?.focus());
}

let current = -1;

/** Ctrl+Alt+↓ / ↑: the next or previous placed thread (as filtered in the panel), shown in its pane. */
export function moveToThread(step: 1 | -1): void {
  const state = useComments.getState();
  const placed = visibleThreads(state).filter((t) => state.paneRanges[t.id]);
  if (placed.length === 0) return;
  current = (current + step + placed.length) % placed.length;
  const range = state.paneRanges[placed[current].id];
  revealInPane(range.paneId, range.start, range.end - range.start);
}
