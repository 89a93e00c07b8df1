import type { CommandEntry } from '../../../core/commands/filter.js';
import { templates } from '../../../core/templates/index.js';
import { client } from '../client/current.js';
import { panels } from '../panels/registry.js';
import { startRun } from '../review/review-runs.js';
import { runValidation } from '../validate/validate-actions.js';
import { newSpec, save } from '../state/file-actions.js';
import { useWorkbench } from '../state/store.js';
import { useOverlay } from './overlay-store.js';
import { showPanel } from './panel-switch.js';
import { focusNewComment, moveToThread } from '../comments/comment-keys.js';
import { mergeCommands } from '../merge/merge-commands.js';

export interface Command extends CommandEntry {
  run(): void | Promise<unknown>;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
/** "Ctrl+Shift+P" on Linux and Windows, "⌘⇧P" on a Mac. */
export function keys(shortcut: string): string {
  return isMac ? shortcut.replace('Ctrl+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥') : shortcut;
}

const notify = (error: unknown) => useWorkbench.getState().notify('error', error instanceof Error ? error.message : String(error));
/** Runs `fn`, turning a failure into a notice: the palette has closed by then, nobody else would report it. */
const reported = (fn: () => Promise<unknown>) => () => fn().catch(notify);
const press = (testId: string) => () => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click();

/** Every action of the workbench, as the palette and the shortcut list show them. */
export function allCommands(): Command[] {
  const state = useWorkbench.getState();
  const passes = state.reviewPasses ?? [];
  return [
    { id: 'palette', title: 'Show all commands', keywords: 'command palette', shortcut: 'Ctrl+Shift+P', run: () => useOverlay.getState().show('palette') },
    { id: 'shortcuts', title: 'Keyboard shortcuts', keywords: 'help keys ?', shortcut: '?', run: () => useOverlay.getState().show('shortcuts') },
    { id: 'file.open', title: 'Open…', keywords: 'file', shortcut: 'Ctrl+O', run: press('open') },
    { id: 'file.save', title: 'Save', keywords: 'file write', shortcut: 'Ctrl+S', run: reported(() => save()) },
    ...mergeCommands(),
    { id: 'file.saveAs', title: 'Save as…', keywords: 'file export', shortcut: 'Ctrl+Shift+S', run: reported(() => save({ saveAs: true })) },
    ...templates.map((t) => ({ id: `file.new.${t.id}`, title: `New from template: ${t.name}`, keywords: `create spec ${t.description}`, run: () => newSpec(t.id) })),
    { id: 'comments.add', title: 'Comment on the selection', keywords: 'review thread annotate', shortcut: 'Ctrl+Alt+M', run: () => focusNewComment() },
    { id: 'comments.next', title: 'Next comment thread', keywords: 'review thread', shortcut: 'Ctrl+Alt+Down', run: () => moveToThread(1) },
    { id: 'comments.previous', title: 'Previous comment thread', keywords: 'review thread', shortcut: 'Ctrl+Alt+Up', run: () => moveToThread(-1) },
    { id: 'find.panes', title: 'Find in all panes', keywords: 'search sections', shortcut: 'Ctrl+Shift+F', run: () => useOverlay.getState().show('find') },
    { id: 'meta.title', title: 'Edit title', keywords: 'rename front matter', run: () => useOverlay.getState().editMeta('title') },
    { id: 'meta.status', title: 'Edit status', keywords: 'draft approved front matter', run: () => useOverlay.getState().editMeta('status') },
    { id: 'meta.front', title: 'Edit front matter', keywords: 'author date yaml', run: press('front-matter-button') },
    { id: 'view.sections', title: 'View: sections', keywords: 'panes layout', run: () => state.setView('sections') },
    { id: 'view.document', title: 'View: whole document', keywords: 'single editor layout', run: () => state.setView('document') },
    ...panels.map((p) => ({ id: `panel.${p.id}`, title: `Show panel: ${p.title}`, keywords: 'dock tab switch', run: () => showPanel(p.id) })),
    {
      id: 'server.start',
      title: 'Start server',
      keywords: 'embedded magic link run',
      run: reported(async () => (showPanel('server'), client().call('server.start', { port: 0 }))),
    },
    { id: 'server.stop', title: 'Stop server', keywords: 'embedded magic link', run: reported(async () => (showPanel('server'), client().call('server.stop', {}))) },
    { id: 'team.connect', title: 'Connect to team…', keywords: 'team share publish collaborate remote', run: () => showPanel('team') },
    { id: 'validate.run', title: 'Validate: Run', keywords: 'acceptance criteria live check implementation proof', run: reported(async () => (showPanel('validate'), runValidation('none'))) },
    { id: 'validate.all', title: 'Validate: Run against all defects', keywords: 'mutation score matrix', run: reported(async () => (showPanel('validate'), runValidation('all'))) },
    { id: 'review.all', title: 'Run all reviews', keywords: 'ai review pass', run: reported(async () => (showPanel('review'), startRun({ all: true }))) },
    ...passes.map((p) => ({
      id: `review.pass.${p.id}`,
      title: `Run review pass: ${p.title}`,
      keywords: `ai review ${p.id}`,
      run: reported(async () => (showPanel('review'), startRun({ passId: p.id }))),
    })),
  ];
}
