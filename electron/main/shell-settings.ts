/**
 * What the desktop shell remembers between runs, in `shell-settings.json` beside the database: how to
 * print (system print dialog or the OS PDF viewer) and the window's size, position and maximised state.
 * A missing, damaged or foreign file gives the defaults; writes go to a temp file, fsynced, then renamed.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SHELL_SETTINGS_FILE = 'shell-settings.json';

/** 'dialog': the system print dialog opens on the PDF; 'viewer': the PDF opens in the OS viewer. */
export type PrintMode = 'dialog' | 'viewer';
export const PRINT_MODES: readonly PrintMode[] = ['dialog', 'viewer'];

export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface ShellSettings {
  printMode: PrintMode;
  window: WindowState | null;
}

export const DEFAULT_SHELL_SETTINGS: ShellSettings = { printMode: 'dialog', window: null };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

function parseWindow(raw: unknown): WindowState | null {
  if (!raw || typeof raw !== 'object') return null;
  const w = raw as Record<string, unknown>;
  if (![w.x, w.y, w.width, w.height].every(isInt) || (w.width as number) <= 0 || (w.height as number) <= 0) return null;
  return { x: w.x as number, y: w.y as number, width: w.width as number, height: w.height as number, maximized: w.maximized === true };
}

/** Settings from the file's text: each field checked on its own, anything wrong replaced by its default. */
export function parseShellSettings(text: string): ShellSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_SHELL_SETTINGS };
  }
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_SHELL_SETTINGS };
  const r = raw as Record<string, unknown>;
  return {
    printMode: PRINT_MODES.includes(r.printMode as PrintMode) ? (r.printMode as PrintMode) : DEFAULT_SHELL_SETTINGS.printMode,
    window: parseWindow(r.window),
  };
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export interface ShellSettingsStore {
  readonly file: string;
  get(): ShellSettings;
  update(patch: Partial<ShellSettings>): ShellSettings;
}

/** The settings of a data folder, read once, written on each change. */
export function openShellSettings(dataDir: string): ShellSettingsStore {
  const file = join(dataDir, SHELL_SETTINGS_FILE);
  let current: ShellSettings;
  try {
    current = parseShellSettings(readFileSync(file, 'utf8'));
  } catch {
    current = { ...DEFAULT_SHELL_SETTINGS };
  }
  return {
    file,
    get: () => current,
    update(patch) {
      current = { ...current, ...patch };
      writeAtomic(file, `${JSON.stringify(current, null, 2)}\n`);
      return current;
    },
  };
}
