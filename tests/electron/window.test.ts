import { describe, expect, it, vi } from 'vitest';

// window.ts only imports electron's types; replace the module anyway so nothing can reach the real one.
vi.mock('electron', () => ({}));

const { denyAllPermissions, isAppUrl, lockDownNavigation, mainWindowOptions } = await import('../../electron/main/window.ts');
const { FakeBrowserWindow, fakeSession } = await import('./fake-electron.ts');

/** The renderer is served on the app protocol, never from file:// (electron/main/app-protocol.ts). */
const RENDERER = 'feuillet://app/index.html';

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
  it('accepts the bundled renderer and its own files on feuillet://app/', () => {
    expect(isAppUrl(RENDERER, RENDERER)).toBe(true);
    expect(isAppUrl('feuillet://app/index.html#/patients/3', RENDERER)).toBe(true);
    expect(isAppUrl('feuillet://app/assets/index.js', RENDERER)).toBe(true);
  });

  it('refuses remote pages, every file:// URL, another host of the scheme and junk', () => {
    expect(isAppUrl('https://example.org/', RENDERER)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', RENDERER)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', RENDERER)).toBe(false);
    expect(isAppUrl('file:///opt/Feuillet/resources/app/out/renderer/index.html', RENDERER)).toBe(false);
    expect(isAppUrl('feuillet://evil/index.html', RENDERER)).toBe(false);
    expect(isAppUrl('feuillet://app.evil.org/index.html', RENDERER)).toBe(false);
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

  it('refuses frame navigations and redirects that leave the app (Electron ≥ 25 event objects)', () => {
    const wc = setup();
    expect(wc.fireWithUrl('will-frame-navigate', 'https://example.org/frame')).toBe(true);
    expect(wc.fireWithUrl('will-frame-navigate', 'feuillet://app/index.html')).toBe(false);
    expect(wc.fireWithUrl('will-redirect', 'https://example.org/elsewhere')).toBe(true);
    expect(wc.fireWithUrl('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(wc.fireWithUrl('will-redirect', 'feuillet://app/index.html')).toBe(false);
    expect(wc.fireWithUrl('will-navigate', 'https://example.org/')).toBe(true);
  });

  it('refuses to attach a webview', () => {
    const wc = setup();
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and answers no to every permission check', () => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'fullscreen', 'openExternal']) {
      const callback = vi.fn();
      session.requestHandler!({}, permission, callback, { requestingUrl: RENDERER });
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.checkHandler!({}, permission, 'feuillet://app', {})).toBe(false);
    }
  });
});
