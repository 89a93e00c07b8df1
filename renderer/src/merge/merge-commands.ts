import type { CommandEntry } from '../../../core/commands/filter.js';
import { useMerge } from './merge-store.js';

/** The palette's "Resolve merge", offered only while a stale save's conflict is pending. */
export function mergeCommands(): Array<CommandEntry & { run(): void }> {
  if (!useMerge.getState().pending) return [];
  return [{ id: 'merge.resolve', title: 'Resolve merge', keywords: 'conflict stale save three-way team', run: () => useMerge.getState().show(true) }];
}
