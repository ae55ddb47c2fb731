import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isAppOrigin } from './app-protocol.ts';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 1024, height: 700 };

/** Hardened window options: isolation and sandbox on, no Node in the page, no remote content. */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds = DEFAULT_BOUNDS): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Feuillet',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  };
}

/**
 * True when a URL belongs to the bundled renderer: the app protocol (feuillet://app/…) of the
 * renderer's index URL. Anything else — https, file://, another host — is foreign.
 */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  return isAppOrigin(rendererIndexUrl) && isAppOrigin(url);
}

/** The URL a navigation event is about (Electron ≥ 25 puts it on the event; older signatures pass it second). */
const urlOf = (event: unknown, legacyUrl: unknown): string => {
  const fromEvent = (event as { url?: unknown }).url;
  return typeof fromEvent === 'string' ? fromEvent : typeof legacyUrl === 'string' ? legacyUrl : '';
};

/** No pop-ups, no webviews, no navigation or redirect away from the app (main frame or any frame). */
export function lockDownNavigation(win: BrowserWindow, rendererIndexUrl: string): void {
  const wc: WebContents = win.webContents;
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { preventDefault(): void }, legacyUrl?: unknown) => {
    if (!isAppUrl(urlOf(event, legacyUrl), rendererIndexUrl)) event.preventDefault();
  };
  wc.on('will-navigate', guard);
  wc.on('will-frame-navigate', guard);
  wc.on('will-redirect', guard);
  wc.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, microphone, geolocation, notifications, clipboard read, HID, serial…) refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
