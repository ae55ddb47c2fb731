import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/** Hardened window options: isolation and sandbox on, no Node in the page, no remote content. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
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

/** True when a URL belongs to the bundled renderer (file:// inside the app folder). */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(rendererIndexUrl);
    return u.protocol === 'file:' && u.pathname.startsWith(app.pathname.replace(/index\.html$/, ''));
  } catch {
    return false;
  }
}

/** No pop-ups, no navigation away from the app. */
export function lockDownNavigation(win: BrowserWindow, rendererIndexUrl: string): void {
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererIndexUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}
