import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { openShellSettings, parseShellSettings, saveShellChoice, SHELL_SETTINGS_FILE } = await import('../../electron/main/shell-settings.ts');
const { currentState, initialBounds, trackWindowState } = await import('../../electron/main/window-state.ts');
const { FakeBrowserWindow } = await import('./fake-electron.ts');

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'feuillet-shell-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.useRealTimers();
});

const SCREEN = { x: 0, y: 0, width: 1920, height: 1040 };

describe('shell settings (print choice, window state) in the data folder', () => {
  it('defaults to the print dialog and no saved window', () => {
    expect(openShellSettings(tempDir()).get()).toEqual({ printMode: 'dialog', window: null });
  });

  it('remembers a change across runs, written atomically and private to the user', () => {
    const dir = tempDir();
    openShellSettings(dir).update({ printMode: 'viewer', window: { x: 10, y: 20, width: 1300, height: 900, maximized: true } });
    expect(openShellSettings(dir).get()).toEqual({ printMode: 'viewer', window: { x: 10, y: 20, width: 1300, height: 900, maximized: true } });
    expect(readdirSync(dir)).toEqual([SHELL_SETTINGS_FILE]);
    if (process.platform !== 'win32') expect(statSync(join(dir, SHELL_SETTINGS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a choice that cannot be saved applies for this run and gives a French message instead of throwing', () => {
    const dir = tempDir();
    const store = openShellSettings(dir);
    mkdirSync(join(dir, SHELL_SETTINGS_FILE)); // the file's name taken by a folder: the rename fails
    const problem = saveShellChoice(store, { printMode: 'viewer' });
    expect(problem).toMatch(/^Ce choix s'applique jusqu'à la fermeture de Feuillet, mais il n'a pas pu être enregistré/);
    expect(store.get().printMode).toBe('viewer');
    expect(readdirSync(dir)).toEqual([SHELL_SETTINGS_FILE]); // the shared writer leaves no temp file behind
    rmSync(join(dir, SHELL_SETTINGS_FILE), { recursive: true });
    expect(saveShellChoice(store, { printMode: 'dialog' })).toBeNull();
    expect(openShellSettings(dir).get().printMode).toBe('dialog');
  });

  it('survives a damaged or foreign file: each bad field falls back to its default', () => {
    expect(parseShellSettings('{not json')).toEqual({ printMode: 'dialog', window: null });
    expect(parseShellSettings('[]')).toEqual({ printMode: 'dialog', window: null });
    expect(parseShellSettings('{"printMode":"fax","window":{"x":1,"y":2,"width":-5,"height":700}}')).toEqual({ printMode: 'dialog', window: null });
    expect(parseShellSettings('{"printMode":"viewer","window":{"x":"1"}}')).toEqual({ printMode: 'viewer', window: null });
    const dir = tempDir();
    writeFileSync(join(dir, SHELL_SETTINGS_FILE), '\0\0\0');
    expect(openShellSettings(dir).get().printMode).toBe('dialog');
  });
});

describe('window state', () => {
  it('opens where it was left when that place is still on a screen', () => {
    expect(initialBounds({ x: 100, y: 50, width: 1400, height: 900, maximized: false }, [SCREEN])).toEqual({ x: 100, y: 50, width: 1400, height: 900 });
  });

  it('forgets a position on a screen since unplugged, and keeps the size within the screen and above the minimum', () => {
    expect(initialBounds({ x: 2500, y: 100, width: 1400, height: 900, maximized: false }, [SCREEN])).toEqual({ width: 1280, height: 860 });
    expect(initialBounds({ x: 0, y: 0, width: 4000, height: 3000, maximized: false }, [SCREEN])).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    expect(initialBounds({ x: 0, y: 0, width: 300, height: 200, maximized: false }, [SCREEN])).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
    expect(initialBounds(null, [SCREEN])).toEqual({ width: 1280, height: 860 });
  });

  it('saves the normal bounds and the maximised flag once the window is still, and at once on close', () => {
    vi.useFakeTimers();
    const win = new FakeBrowserWindow({ x: 30, y: 40, width: 1300, height: 880 });
    const save = vi.fn();
    trackWindowState(win as never, save, 500);
    win.fireWindow('move');
    win.fireWindow('resize');
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(save).toHaveBeenCalledExactlyOnceWith({ x: 30, y: 40, width: 1300, height: 880, maximized: false });
    win.isMaximized.mockReturnValue(true);
    win.fireWindow('maximize');
    win.fireWindow('close');
    expect(save).toHaveBeenLastCalledWith({ x: 30, y: 40, width: 1300, height: 880, maximized: true });
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('does not remember a minimised window as such', () => {
    const win = new FakeBrowserWindow({});
    const save = vi.fn();
    trackWindowState(win as never, save, 0);
    win.isMinimized.mockReturnValue(true);
    win.fireWindow('close');
    expect(save).not.toHaveBeenCalled();
    expect(currentState(win as never)).toMatchObject({ width: 1280, height: 860, maximized: false });
  });
});

