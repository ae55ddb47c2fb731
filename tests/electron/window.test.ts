import { describe, expect, it, vi } from 'vitest';

// window.ts only imports electron's types; replace the module anyway so nothing can reach the real one.
vi.mock('electron', () => ({}));

const { isAppUrl, lockDownNavigation, mainWindowOptions } = await import('../../electron/main/window.ts');
const { FakeBrowserWindow } = await import('./fake-electron.ts');

const RENDERER = 'file:///opt/Feuillet/resources/app/out/renderer/index.html';

describe('mainWindowOptions', () => {
  const prefs = mainWindowOptions('/opt/Feuillet/out/preload/index.cjs').webPreferences!;

  it('isolates the page: context isolation and sandbox on, no Node in the page or its workers', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
  });

  it('keeps web security on and refuses insecure content and experimental features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('loads the bundled CommonJS preload and opens hidden until ready', () => {
    expect(prefs.preload).toBe('/opt/Feuillet/out/preload/index.cjs');
    expect(mainWindowOptions('/x').show).toBe(false);
  });

  it('never enables webviews or remote modules by default', () => {
    expect(prefs.webviewTag ?? false).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts the bundled renderer and its own files', () => {
    expect(isAppUrl(RENDERER, RENDERER)).toBe(true);
    expect(isAppUrl('file:///opt/Feuillet/resources/app/out/renderer/index.html#/patients/3', RENDERER)).toBe(true);
    expect(isAppUrl('file:///opt/Feuillet/resources/app/out/renderer/assets/index.js', RENDERER)).toBe(true);
  });

  it('refuses remote pages, other local files and escapes out of the renderer folder', () => {
    expect(isAppUrl('https://example.org/', RENDERER)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', RENDERER)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', RENDERER)).toBe(false);
    expect(isAppUrl('file:///opt/Feuillet/resources/app/out/renderer/../../package.json', RENDERER)).toBe(false);
    expect(isAppUrl('file:///opt/Feuillet/resources/app/out/renderer-evil/index.html', RENDERER)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', RENDERER)).toBe(false);
    expect(isAppUrl('', RENDERER)).toBe(false);
    expect(isAppUrl('not a url', RENDERER)).toBe(false);
  });
});

describe('lockDownNavigation', () => {
  const setup = () => {
    const win = new FakeBrowserWindow({});
    lockDownNavigation(win as never, RENDERER);
    return win.webContents;
  };

  it('denies every window.open', () => {
    const wc = setup();
    expect(wc.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(wc.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: RENDERER })).toEqual({ action: 'deny' });
  });

  it('prevents navigation to a remote URL or another local file', () => {
    const wc = setup();
    expect(wc.fire('will-navigate', 'https://example.org/phishing')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  it('lets the app navigate inside its own pages', () => {
    const wc = setup();
    expect(wc.fire('will-navigate', RENDERER)).toBe(false);
    expect(wc.fire('will-navigate', `${RENDERER}#/factures`)).toBe(false);
  });

  it('refuses to attach a webview', () => {
    const wc = setup();
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
  });
});
