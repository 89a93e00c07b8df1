import { register } from 'node:module';
import { Window } from 'happy-dom';

/** The browser globals React DOM and the renderer read, taken from one happy-dom window. */
const GLOBALS = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'getComputedStyle',
  'requestAnimationFrame', 'cancelAnimationFrame', 'Node', 'Element', 'HTMLElement', 'HTMLInputElement',
  'HTMLSelectElement', 'HTMLTextAreaElement', 'HTMLIFrameElement', 'HTMLButtonElement', 'HTMLFormElement',
  'Text', 'DocumentFragment', 'Event', 'CustomEvent', 'KeyboardEvent', 'MouseEvent', 'FocusEvent', 'InputEvent',
  'SubmitEvent', 'MutationObserver', 'confirm',
] as const;

let hookRegistered = false;

/**
 * Installs a happy-dom window as the global browser environment of a test file, and lets modules
 * that import stylesheets load. Import React DOM and the renderer's modules only after this
 * (dynamic import), so they see the DOM and the stylesheet hook. `cleanup` restores the globals.
 */
export function installDom(): { window: Window; cleanup(): Promise<void> } {
  if (!hookRegistered) {
    register('./css-hook.mjs', import.meta.url);
    hookRegistered = true;
  }
  const window = new Window({ url: 'http://localhost:5173/' });
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const source = window as unknown as Record<string, unknown>;
  for (const name of GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    const value = name === 'window' ? window : source[name];
    // Window functions (getComputedStyle, requestAnimationFrame…) need the window as `this`; classes do not.
    const bound = typeof value === 'function' && /^[a-z]/.test(name) ? (value as (...a: unknown[]) => unknown).bind(window) : value;
    Object.defineProperty(globalThis, name, { value: bound, configurable: true, writable: true });
  }
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  return {
    window,
    async cleanup() {
      await window.happyDOM.abort();
      await window.happyDOM.close();
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete (globalThis as Record<string, unknown>)[name];
      }
    },
  };
}
