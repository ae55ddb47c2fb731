import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeIpcMain, invokeEvent } from './fake-electron.ts';

/** The electron module as the main process sees it: app, BrowserWindow, ipcMain, shell. */
function fakeElectron() {
  const appListeners = new Map<string, () => void>();
  return {
    appListeners,
    app: {
      enableSandbox: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      requestSingleInstanceLock: vi.fn(() => true),
      getPath: vi.fn((name: string) => `/home/infirmiere/.config/Feuillet-${name}`),
      getVersion: vi.fn(() => '9.8.7'),
      on: vi.fn((event: string, listener: () => void) => appListeners.set(event, listener)),
      quit: vi.fn(),
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: fakeIpcMain(),
    shell: { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
  };
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
  beforeAll(async () => {
    delete process.env.FEUILLET_DATA_DIR;
    FakeBrowserWindow.instances = [];
    await import('../../electron/main/index.ts');
    await flush();
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
    expect(opts).toMatchObject({ dataDir: '/home/infirmiere/.config/Feuillet-userData', transport: 'electron', appVersion: '9.8.7' });
    expect(String(opts.migrationsDir)).toMatch(/migrations$/);
    expect(String(opts.fontsDir)).toMatch(/fonts$/);
  });

  it('opens printed PDFs with the system viewer and gives the renderer only the file name', () => {
    const opts = backend.createBackend.mock.calls[0]![0] as { presentDocument: (p: string, f: string) => unknown };
    expect(opts.presentDocument('/data/documents/facture-12.pdf', 'facture-12.pdf')).toEqual({
      fileName: 'facture-12.pdf',
      url: null,
      openedByShell: true,
    });
    expect(mocks.electron.shell.openPath).toHaveBeenCalledWith('/data/documents/facture-12.pdf');
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
    expect(mocks.electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('wires the one IPC channel to the backend dispatch, trusting only the bundled renderer', async () => {
    const handler = mocks.electron.ipcMain.handlers.get('feuillet:invoke')!;
    expect(handler).toBeTypeOf('function');
    const win = FakeBrowserWindow.instances[0]!;
    const rendererFile = win.loadFile.mock.calls[0]![0];
    const rendererUrl = new URL(`file://${rendererFile}`).href;
    await expect(handler(invokeEvent(rendererUrl), 'app/info', {})).resolves.toEqual({ ok: true, value: 'dispatched' });
    expect(backend.dispatch).toHaveBeenCalledWith('app/info', {});
    await expect(handler(invokeEvent('https://example.org/'), 'app/info', {})).resolves.toMatchObject({ ok: false });
    expect(backend.dispatch).toHaveBeenCalledOnce();
  });

  it('opens one hardened window on the bundled renderer, shown once ready', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.loadFile.mock.calls[0]![0]).toMatch(/renderer[\\/]index\.html$/);
    expect(win.loadURL).not.toHaveBeenCalled();
    expect(win.show).not.toHaveBeenCalled();
    win.readyToShow!();
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('locks navigation of that window', () => {
    const wc = FakeBrowserWindow.instances[0]!.webContents;
    expect(wc.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(wc.fire('will-navigate', 'https://example.org/')).toBe(true);
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

describe.skipIf(!existsSync(MAIN))('out/main/index.cjs (npm run build)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'feuillet-main-'));
  const electron = fakeElectron();
  let before = 0;

  beforeAll(async () => {
    before = FakeBrowserWindow.instances.length;
    process.env.FEUILLET_DATA_DIR = dataDir;
    const nodeRequire = createRequire(MAIN);
    const require = (id: string) => (id === 'electron' ? electron : nodeRequire(id));
    const module = { exports: {} };
    const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {\n${readFileSync(MAIN, 'utf8')}\n})`);
    wrapper(module.exports, require, module, MAIN, dirname(MAIN));
    await flush();
  });

  afterAll(() => {
    electron.appListeners.get('window-all-closed')?.();
    delete process.env.FEUILLET_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts: sandbox on, database migrated in FEUILLET_DATA_DIR, the built preload and renderer exist', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(existsSync(join(dataDir, 'feuillet.sqlite'))).toBe(true);
    const win = FakeBrowserWindow.instances[before]!;
    expect(existsSync(String((win.options.webPreferences as Record<string, unknown>).preload))).toBe(true);
    expect(existsSync(win.loadFile.mock.calls[0]![0])).toBe(true);
  });

  it('answers a real call over the fake IPC from the renderer page', async () => {
    const win = FakeBrowserWindow.instances[before]!;
    const url = new URL(`file://${win.loadFile.mock.calls[0]![0]}`).href;
    const handler = electron.ipcMain.handlers.get('feuillet:invoke')!;
    const r = (await handler(invokeEvent(url), 'app/info', {})) as { ok: boolean; value: Record<string, unknown> };
    expect(r).toMatchObject({ ok: true, value: { transport: 'electron', dataDir, version: '9.8.7' } });
    const search = (await handler(invokeEvent(url), 'patients/search', { query: '' })) as { ok: boolean; value: unknown[] };
    expect(search).toEqual({ ok: true, value: [] });
  });

  it("makes the day's backup in the background, beside the database", async () => {
    const backups = join(dataDir, 'sauvegardes');
    await expect.poll(() => (existsSync(backups) ? readdirSync(backups).filter((f) => f.endsWith('.sqlite')).length : 0)).toBe(1);
  });
});
