/**
 * What the desktop shell remembers between runs, in `shell-settings.json` beside the database: how to
 * print (system print dialog or the OS PDF viewer) and the window's size, position and maximised state.
 * A missing, damaged or foreign file gives the defaults; writes go through writeFileAtomic (temp file with the
 * shared temp prefix, fsynced, renamed, folder fsynced), like every file Feuillet writes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PRIVATE_DIR_MODE, writeFileAtomic } from '../durable-files.ts';

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
      mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
      writeFileAtomic(file, `${JSON.stringify(current, null, 2)}\n`);
      return current;
    },
  };
}

/**
 * A choice the user made in the menu: applied for this run whatever happens, saved if the file can be written.
 * A failed write (disk full, folder read-only) gives the French message to show instead of an exception.
 */
export function saveShellChoice(store: ShellSettingsStore, patch: Partial<ShellSettings>): string | null {
  try {
    store.update(patch);
    return null;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return `Ce choix s'applique jusqu'à la fermeture de Feuillet, mais il n'a pas pu être enregistré dans ${store.file} (${reason}). Vérifiez l'espace disque et les droits sur le dossier des données.`;
  }
}
