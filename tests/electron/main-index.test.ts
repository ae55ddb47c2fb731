import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKUP_NAME_RE } from '../../core/domain/backup-names.ts';
import { TEMP_PREFIX } from '../../electron/durable-files.ts';
import { FakeBrowserWindow, fakeIpcMain, fakeMenu, fakeProtocol, fakeSession, invokeEvent } from './fake-electron.ts';

/** Where the fake app's getPath() points (never a real home folder). */
const HOME = mkdtempSync(join(tmpdir(), 'feuillet-home-'));

/** The electron module as the main process sees it: app, BrowserWindow, ipcMain, shell, protocol, session, Menu, screen. */
function fakeElectron() {
  const appListeners = new Map<string, () => void>();
  return {
    appListeners,
    app: {
      enableSandbox: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      requestSingleInstanceLock: vi.fn(() => true),
      getPath: vi.fn((name: string) => join(HOME, `Feuillet-${name}`)),
      getVersion: vi.fn(() => '9.8.7'),
      on: vi.fn((event: string, listener: () => void) => appListeners.set(event, listener)),
      quit: vi.fn(),
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: fakeIpcMain(),
    shell: { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    protocol: fakeProtocol(),
    session: { defaultSession: fakeSession() },
    Menu: fakeMenu(),
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]) },
  };
}

/** main/index.ts installs last-resort handlers on `process`: take them off the test worker afterwards. */
const processListeners = () => [...process.listeners('uncaughtException'), ...process.listeners('unhandledRejection')];
function removeAddedProcessListeners(before: unknown[]) {
  for (const l of process.listeners('uncaughtException')) if (!before.includes(l)) process.removeListener('uncaughtException', l);
  for (const l of process.listeners('unhandledRejection')) if (!before.includes(l)) process.removeListener('unhandledRejection', l);
}

const mocks = vi.hoisted(() => ({ electron: null as unknown as ReturnType<typeof fakeElectron> }));
const backend = vi.hoisted(() => ({
  dispatch: vi.fn(async () => ({ ok: true as const, value: 'dispatched' })),
  close: vi.fn(),
  createBackend: vi.fn(),
  ctx: { dataDir: '/data' },
  dailyBackup: vi.fn(async () => null),
}));
vi.mock('electron', () => {
  mocks.electron = fakeElectron();
  return mocks.electron;
});
vi.mock('../../electron/backend.ts', () => ({
  createBackend: backend.createBackend.mockImplementation(() => ({ dispatch: backend.dispatch, close: backend.close, ctx: backend.ctx })),
}));
vi.mock('../../electron/backups.ts', () => ({ dailyBackup: backend.dailyBackup }));

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('electron/main/index.ts (electron replaced)', () => {
  const listenersBefore = processListeners();
  beforeAll(async () => {
    delete process.env.FEUILLET_DATA_DIR;
    FakeBrowserWindow.instances = [];
    await import('../../electron/main/index.ts');
    await flush();
  });
  afterAll(() => {
    removeAddedProcessListeners(listenersBefore);
    rmSync(HOME, { recursive: true, force: true });
  });

  it('enables the sandbox for every renderer before the app is ready', () => {
    expect(mocks.electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(mocks.electron.app.enableSandbox.mock.invocationCallOrder[0]!).toBeLessThan(
      mocks.electron.app.whenReady.mock.invocationCallOrder[0]!,
    );
  });

  it('creates the backend in userData with the app version and the bundled migrations and fonts', () => {
    expect(backend.createBackend).toHaveBeenCalledOnce();
    const opts = backend.createBackend.mock.calls[0]![0] as Record<string, unknown>;
    expect(opts).toMatchObject({ dataDir: join(HOME, 'Feuillet-userData'), transport: 'electron', appVersion: '9.8.7' });
    expect(String(opts.migrationsDir)).toMatch(/migrations$/);
    expect(String(opts.fontsDir)).toMatch(/fonts$/);
  });

  it('prints a PDF in the system print dialog by default, and gives the renderer only the file name', () => {
    const opts = backend.createBackend.mock.calls[0]![0] as { presentDocument: (p: string, f: string) => unknown };
    const before = FakeBrowserWindow.instances.length;
    expect(opts.presentDocument('/data/documents/facture-12.pdf', 'facture-12.pdf')).toEqual({
      fileName: 'facture-12.pdf',
      url: null,
      openedByShell: true,
    });
    const printWin = FakeBrowserWindow.instances[before]!;
    expect(printWin.options).toMatchObject({ show: false, parent: FakeBrowserWindow.instances[0] });
    expect(printWin.loadFile).toHaveBeenCalledWith('/data/documents/facture-12.pdf');
    printWin.webContents.fire('did-finish-load');
    expect(printWin.webContents.print).toHaveBeenCalledOnce();
    expect(mocks.electron.shell.openPath).not.toHaveBeenCalled();
  });

  it('shows a backup in its folder (to copy it elsewhere) and makes the daily backup in the background', () => {
    const opts = backend.createBackend.mock.calls[0]![0] as { presentBackup: (p: string, f: string) => unknown };
    const file = '/data/sauvegardes/feuillet-2026-11-25-093012.sqlite';
    expect(opts.presentBackup(file, 'feuillet-2026-11-25-093012.sqlite')).toEqual({ url: null, shownInFolder: true });
    expect(mocks.electron.shell.showItemInFolder).toHaveBeenCalledWith(file);
    expect(backend.dailyBackup).toHaveBeenCalledWith(backend.ctx);
  });

  it('takes the single-instance lock, and a second launch brings the window to the front', () => {
    expect(mocks.electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    const win = FakeBrowserWindow.instances[0]!;
    mocks.electron.appListeners.get('second-instance')!();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('wires the one IPC channel to the backend dispatch, trusting only the bundled renderer', async () => {
    const handler = mocks.electron.ipcMain.handlers.get('feuillet:invoke')!;
    expect(handler).toBeTypeOf('function');
    await expect(handler(invokeEvent('feuillet://app/index.html'), 'app/info', {})).resolves.toEqual({ ok: true, value: 'dispatched' });
    expect(backend.dispatch).toHaveBeenCalledWith('app/info', {});
    await expect(handler(invokeEvent('https://example.org/'), 'app/info', {})).resolves.toMatchObject({ ok: false });
    await expect(handler(invokeEvent('file:///opt/Feuillet/out/renderer/index.html'), 'app/info', {})).resolves.toMatchObject({ ok: false });
    expect(backend.dispatch).toHaveBeenCalledOnce();
  });

  it('opens one hardened window on the bundled renderer served by the app protocol, shown once ready', () => {
    const win = FakeBrowserWindow.instances[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('feuillet://app/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(mocks.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'feuillet', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(mocks.electron.protocol.handlers.has('feuillet')).toBe(true);
    expect(win.show).not.toHaveBeenCalled();
    win.readyToShow!();
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('locks navigation of that window and denies every permission', () => {
    const wc = FakeBrowserWindow.instances[0]!.webContents;
    expect(wc.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(wc.fire('will-navigate', 'https://example.org/')).toBe(true);
    expect(wc.fireWithUrl('will-frame-navigate', 'https://example.org/')).toBe(true);
    expect(wc.fireWithUrl('will-redirect', 'https://example.org/')).toBe(true);
    const session = mocks.electron.session.defaultSession;
    const callback = vi.fn();
    session.requestHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.checkHandler!({}, 'geolocation', 'feuillet://app', {})).toBe(false);
  });

  it('sets the French menu; its actions reach the page on the shell-action channel', () => {
    const menu = mocks.electron.Menu.current as { template: { label: string; submenu: { label?: string; click?: () => void }[] }[] };
    expect(menu.template.map((m) => m.label)).toEqual(process.platform === 'darwin' ? ['Feuillet', 'Fichier', 'Édition', 'Affichage', 'Aide'] : ['Fichier', 'Édition', 'Affichage', 'Aide']);
    const fichier = menu.template.find((m) => m.label === 'Fichier')!;
    fichier.submenu.find((i) => i.label === 'Facturer')!.click!();
    expect(FakeBrowserWindow.instances[0]!.webContents.send).toHaveBeenCalledWith('feuillet:shell-action', 'facturer');
  });

  it('shows « À propos de Feuillet » with the version and the non-certification notice', () => {
    const menu = mocks.electron.Menu.current as { template: { label: string; submenu: { label?: string; click?: () => void }[] }[] };
    menu.template.find((m) => m.label === 'Aide')!.submenu.find((i) => i.label === 'À propos de Feuillet')!.click!();
    const [, options] = mocks.electron.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { title: string; message: string; detail: string }];
    expect(options.title).toBe('À propos de Feuillet');
    expect(options.message).toBe('Feuillet — version 9.8.7');
    expect(options.detail).toContain('non certifié SESAM-Vitale');
  });

  it('remembers the print choice made in the menu (shell-settings.json in the data folder)', () => {
    const menu = () => mocks.electron.Menu.current as { template: { label: string; submenu: { label?: string; submenu?: { label?: string; checked?: boolean; click?: () => void }[] }[] }[] };
    const printing = () => menu().template.find((m) => m.label === 'Fichier')!.submenu.find((i) => i.label === 'Impression')!.submenu!;
    expect(printing().map((i) => i.checked)).toEqual([true, false]);
    printing()[1]!.click!();
    expect(printing().map((i) => i.checked)).toEqual([false, true]);
    const saved = JSON.parse(readFileSync(join(HOME, 'Feuillet-userData', 'shell-settings.json'), 'utf8'));
    expect(saved.printMode).toBe('viewer');
    const opts = backend.createBackend.mock.calls[0]![0] as { presentDocument: (p: string, f: string) => unknown };
    opts.presentDocument('/data/documents/facture-13.pdf', 'facture-13.pdf');
    expect(mocks.electron.shell.openPath).toHaveBeenCalledWith('/data/documents/facture-13.pdf');
  });

  it('a print choice that cannot be saved is said in French, applies for the run, and throws nothing', () => {
    const menu = () => mocks.electron.Menu.current as { template: { label: string; submenu: { label?: string; submenu?: { label?: string; checked?: boolean; click?: () => void }[] }[] }[] };
    const printing = () => menu().template.find((m) => m.label === 'Fichier')!.submenu.find((i) => i.label === 'Impression')!.submenu!;
    const file = join(HOME, 'Feuillet-userData', 'shell-settings.json');
    const before = printing().map((i) => i.checked);
    rmSync(file, { force: true });
    mkdirSync(file); // the file's name taken by a folder: the write fails
    try {
      const target = before[0] ? 1 : 0;
      expect(() => printing()[target]!.click!()).not.toThrow();
      expect(mocks.electron.dialog.showErrorBox).toHaveBeenCalledWith('Impression : choix non enregistré', expect.stringContaining("n'a pas pu être enregistré"));
      expect(printing()[target]!.checked).toBe(true);
    } finally {
      rmSync(file, { recursive: true, force: true });
    }
  });

  it('writes a crash in main to the log of the data folder and says it in French', () => {
    const handler = process.listeners('uncaughtException').find((l) => !listenersBefore.includes(l))!;
    handler(new Error('boom'), 'uncaughtException');
    expect(readFileSync(join(HOME, 'Feuillet-userData', 'feuillet-erreurs.log'), 'utf8')).toContain('Error: boom');
    expect(mocks.electron.dialog.showErrorBox).toHaveBeenCalledWith('Feuillet — erreur inattendue', expect.stringContaining('feuillet-erreurs.log'));
  });

  it('closes the database and quits when the window is closed', () => {
    mocks.electron.appListeners.get('window-all-closed')!();
    expect(backend.close).toHaveBeenCalledOnce();
    expect(mocks.electron.app.quit).toHaveBeenCalledOnce();
  });
});

/**
 * The BUILT main bundle (out/main/index.cjs, what Electron runs), loaded as CommonJS with a fake
 * `electron` and the real backend on a temporary data folder: catches bundling and path mistakes.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'out/main/index.cjs');

/** Runs the built Electron main bundle as Electron would, with `electron` replaced by the fake. */
async function runMainBundle(electron: unknown): Promise<void> {
  const nodeRequire = createRequire(MAIN);
  const require = (id: string) => (id === 'electron' ? electron : nodeRequire(id));
  const module = { exports: {} };
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {\n${readFileSync(MAIN, 'utf8')}\n})`);
  wrapper(module.exports, require, module, MAIN, dirname(MAIN));
  await flush();
}

describe.skipIf(!existsSync(MAIN))('out/main/index.cjs (npm run build)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'feuillet-main-'));
  const electron = fakeElectron();
  let before = 0;
  const listenersBefore = processListeners();

  beforeAll(async () => {
    before = FakeBrowserWindow.instances.length;
    process.env.FEUILLET_DATA_DIR = dataDir;
    await runMainBundle(electron);
  });

  afterAll(() => {
    electron.appListeners.get('window-all-closed')?.();
    removeAddedProcessListeners(listenersBefore);
    delete process.env.FEUILLET_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts: sandbox on, database migrated in FEUILLET_DATA_DIR, the built preload exists, the renderer is served', async () => {
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(existsSync(join(dataDir, 'feuillet.sqlite'))).toBe(true);
    const win = FakeBrowserWindow.instances[before]!;
    expect(existsSync(String((win.options.webPreferences as Record<string, unknown>).preload))).toBe(true);
    expect(win.loadURL).toHaveBeenCalledWith('feuillet://app/index.html');
    const serve = electron.protocol.handlers.get('feuillet')!;
    const index = await serve({ url: 'feuillet://app/index.html' });
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toContain('<div id="root"></div>');
    // Every script and stylesheet the page names is served too.
    for (const [, src] of html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)) {
      expect((await serve({ url: `feuillet://app/${src}` })).status, src).toBe(200);
    }
  });

  it('answers a real call over the fake IPC from the renderer page', async () => {
    const url = 'feuillet://app/index.html';
    const handler = electron.ipcMain.handlers.get('feuillet:invoke')!;
    const r = (await handler(invokeEvent(url), 'app/info', {})) as { ok: boolean; value: Record<string, unknown> };
    expect(r).toMatchObject({ ok: true, value: { transport: 'electron', dataDir, version: '9.8.7' } });
    const search = (await handler(invokeEvent(url), 'patients/search', { query: '' })) as { ok: boolean; value: unknown[] };
    expect(search).toEqual({ ok: true, value: [] });
  });

  it("makes the day's backup in the background, beside the database", async () => {
    const backups = join(dataDir, 'sauvegardes');
    // A finished backup under its final name (the temporary file being written does not count).
    await expect.poll(() => (existsSync(backups) ? readdirSync(backups).filter((f) => BACKUP_NAME_RE.test(f)).length : 0)).toBe(1);
    expect(readdirSync(backups).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([]);
  });
});

/**
 * The BUILT main bundle on a data folder another Feuillet holds (e.g. the browser mode): the lock
 * refuses, the user reads why in French, and the app quits without opening a window or the database.
 */
describe.skipIf(!existsSync(MAIN))('out/main/index.cjs on a data folder already in use', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'feuillet-main-locked-'));
  const electron = fakeElectron();
  let before = 0;
  let release: () => void = () => {};
  const listenersBefore = processListeners();

  beforeAll(async () => {
    const { lockDataDir } = await import('../../electron/data-dir-lock.ts');
    release = lockDataDir(dataDir);
    before = FakeBrowserWindow.instances.length;
    process.env.FEUILLET_DATA_DIR = dataDir;
    await runMainBundle(electron);
  });

  afterAll(() => {
    release();
    removeAddedProcessListeners(listenersBefore);
    delete process.env.FEUILLET_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says in French that Feuillet is already open on this folder, and quits', () => {
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Feuillet ne peut pas démarrer',
      "Feuillet est déjà ouvert sur ce dossier de données. Fermez l'autre fenêtre de Feuillet, puis réessayez.",
    );
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.instances.length).toBe(before);
    expect(existsSync(join(dataDir, 'feuillet.sqlite'))).toBe(false);
  });
});
