/**
 * A crash or an unhandled rejection in main — or the page's process dying — is written to
 * `feuillet-erreurs.log` in the data folder and told to the user in French, never a blank window.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivate } from '../durable-files.ts';

export const ERROR_LOG_FILE = 'feuillet-erreurs.log';

export type ErrorKind = 'exception' | 'rejection' | 'renderer' | 'chargement';

const KIND_FR: Record<ErrorKind, string> = {
  exception: 'erreur inattendue',
  rejection: 'erreur inattendue (promesse rejetée)',
  renderer: "arrêt de l'affichage",
  chargement: "échec du chargement de l'affichage",
};

const describe = (err: unknown): string => {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  try {
    return typeof err === 'string' ? err : JSON.stringify(err);
  } catch {
    return String(err);
  }
};

/** One log entry: ISO time, kind, the error with its stack. */
export function formatLogEntry(kind: ErrorKind, err: unknown, now: Date): string {
  return `[${now.toISOString()}] ${kind} — ${describe(err)}\n`;
}

/** Appends to the data folder's log (private to the user's account); returns the log's path. */
export function appendErrorLog(dataDir: string, kind: ErrorKind, err: unknown, now = new Date()): string {
  const file = join(dataDir, ERROR_LOG_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  appendFileSync(file, formatLogEntry(kind, err, now), { mode: 0o600 });
  makePrivate(file); // `mode` only applies when the file is created: a log left wider is tightened too
  return file;
}

/** What the user reads: plain French, where the detail is, what to do. */
export function crashMessage(kind: ErrorKind, logFile: string | null): { title: string; message: string } {
  const where = logFile ? `Le détail est noté dans le fichier :\n${logFile}` : "Le détail n'a pas pu être noté dans le journal des erreurs.";
  const what =
    kind === 'renderer' || kind === 'chargement'
      ? "La fenêtre de Feuillet va être rechargée. Les données déjà enregistrées sont conservées ; vérifiez la dernière saisie."
      : "Les données déjà enregistrées sont conservées ; vérifiez la dernière saisie. Si l'erreur se répète, fermez puis relancez Feuillet.";
  return { title: `Feuillet — ${KIND_FR[kind]}`, message: `Feuillet a rencontré une ${KIND_FR[kind]}.\n\n${what}\n\n${where}\nTransmettez ce fichier à la personne qui vous aide si besoin.` };
}

export interface CrashReporting {
  /** The folder the log goes to (the data folder); may throw if unknown yet. */
  dataDir(): string;
  /** Shows the French message (dialog.showErrorBox in Electron, usable before `ready`). */
  show(title: string, message: string): void;
  now?(): Date;
}

/** Logs then shows; never throws (a failing report must not crash the report). */
export function reportError(r: CrashReporting, kind: ErrorKind, err: unknown): void {
  let logFile: string | null = null;
  try {
    logFile = appendErrorLog(r.dataDir(), kind, err, r.now?.() ?? new Date());
  } catch {
    logFile = null;
  }
  try {
    const { title, message } = crashMessage(kind, logFile);
    r.show(title, message);
  } catch {
    // Nothing left to tell the user with.
  }
}

/** Installs the main process's last-resort handlers: the process keeps running, the user is told. */
export function installCrashHandlers(proc: Pick<NodeJS.Process, 'on'>, r: CrashReporting): void {
  proc.on('uncaughtException', (err) => reportError(r, 'exception', err));
  proc.on('unhandledRejection', (reason) => reportError(r, 'rejection', reason));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain French page shown instead of a blank window when the app's page could not load. */
export function errorPageHtml(title: string, message: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1><p style="white-space:pre-line">${escapeHtml(message)}</p></body></html>`;
}

type WatchedContents = {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  reload(): void;
  loadURL(url: string): Promise<void>;
};

/**
 * The page's process dying is logged, told, and the page reloaded (at most 3 times in 10 minutes, then
 * only told); a page that cannot load shows the French error page. ERR_ABORTED (-3) is a cancelled load.
 */
export function watchRenderer(wc: WatchedContents, r: CrashReporting, now: () => number = Date.now): void {
  const reloads: number[] = [];
  wc.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    reportError(r, 'renderer', new Error(`render-process-gone: ${details.reason} (code ${details.exitCode})`));
    const t = now();
    while (reloads.length && t - reloads[0]! > 10 * 60_000) reloads.shift();
    if (reloads.length < 3) {
      reloads.push(t);
      wc.reload();
    }
  });
  wc.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === -3 || validatedURL.startsWith('data:')) return;
    reportError(r, 'chargement', new Error(`did-fail-load ${errorCode} ${errorDescription} ${validatedURL}`));
    const { title } = crashMessage('chargement', null);
    void wc
      .loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(errorPageHtml(title, "L'affichage de Feuillet n'a pas pu être chargé. Fermez puis relancez Feuillet ; si cela se répète, réinstallez-le (vos données ne sont pas touchées)."))}`)
      .catch(() => undefined);
  });
}
