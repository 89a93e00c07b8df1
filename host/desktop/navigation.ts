import { APP_ORIGIN } from './window-options.js';

/**
 * The window's navigation events that must never leave the app: a link click, a server
 * redirect and a subframe navigation are all ways for injected content to load a foreign page
 * into a frame that can reach the bridge's origin.
 */
export const guardedNavigationEvents = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const;

/** True only for our own pages; main cancels (preventDefault) every other navigation. */
export function isAllowedNavigation(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

/** The https URL a link may open in the system browser, normalised, or null (any other scheme, a malformed URL, credentials in it). */
export function externalLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  return parsed.href;
}

/** What main supplies: a confirm (a native message box naming the URL) and the system browser. */
export interface ExternalLinkDeps {
  confirm(url: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
}

/**
 * A window-open request from the renderer: never a new Electron window; an https link opens in
 * the system browser only after the user confirms the exact URL.
 */
export async function openExternalLink(url: string, deps: ExternalLinkDeps): Promise<'opened' | 'declined' | 'refused'> {
  const target = externalLinkTarget(url);
  if (!target) return 'refused';
  if (!(await deps.confirm(target))) return 'declined';
  await deps.openExternal(target);
  return 'opened';
}

/** The confirm message box: the URL in full, Cancel the default so Enter does not open it. */
export function externalLinkPrompt(url: string) {
  return {
    type: 'question' as const,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    title: 'Open external link',
    message: 'Open this link in your browser?',
    detail: url,
  };
}
