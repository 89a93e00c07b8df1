/**
 * Brings a dock panel to the front. The dock keeps its active tab in its own component state,
 * so this presses the panel's tab as a user would, and only when it is not already showing
 * (pressing the active tab folds the dock away).
 */
export function showPanel(id: string): void {
  const tab = document.querySelector<HTMLButtonElement>(`[data-testid="tab-${id}"]`);
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
}
