/**
 * Printing a feuille de soins or a bordereau from Electron: either the system print dialog opens at
 * once on the PDF (webContents.print on a hidden window showing it), or the PDF opens in the system's
 * viewer, as the user chose (Fichier → Impression; remembered in shell-settings.json). If the print
 * dialog cannot be used, the viewer opens instead, so a printout is never lost.
 */
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { DocumentRef } from '../../core/domain/types.ts';
import type { PrintMode } from './shell-settings.ts';

/** The parts of a BrowserWindow the print path uses. */
export interface PrintWindow {
  webContents: {
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
    once(event: 'did-finish-load', listener: () => void): unknown;
    once(event: 'did-fail-load', listener: (event: unknown, errorCode: number, description: string) => void): unknown;
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
  loadFile(path: string): Promise<void>;
  close(): void;
  isDestroyed(): boolean;
}

export interface PrintDeps {
  mode(): PrintMode;
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  openPath(path: string): Promise<string>;
  log(err: unknown): void;
}

/** A window that is never shown, shows only the PDF (Chromium's viewer), runs no app code. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1100,
    title: 'Impression — Feuillet',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: true,
      // Chromium's PDF viewer is a plugin.
      plugins: true,
    },
  };
}

export type PrintOutcome = 'printed' | 'cancelled' | 'opened-in-viewer';

/** Opens the system print dialog on the PDF; falls back to the viewer on failure (not on a cancel). */
export function printInHiddenWindow(deps: PrintDeps, path: string): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    let win: PrintWindow;
    let settled = false;
    const fallBack = (err: unknown) => {
      if (settled) return;
      settled = true;
      deps.log(err);
      void deps.openPath(path).finally(() => resolve('opened-in-viewer'));
    };
    const done = (outcome: PrintOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    try {
      win = deps.createWindow(printWindowOptions());
    } catch (err) {
      fallBack(err);
      return;
    }
    const close = () => {
      if (!win.isDestroyed()) win.close();
    };
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.once('did-fail-load', (_event, errorCode, description) => {
      close();
      fallBack(new Error(`print window: did-fail-load ${errorCode} ${description}`));
    });
    win.webContents.once('did-finish-load', () => {
      win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        close();
        if (success) done('printed');
        else if (/cancel/i.test(failureReason)) done('cancelled');
        else fallBack(new Error(`print failed: ${failureReason}`));
      });
    });
    win.loadFile(path).catch((err: unknown) => {
      close();
      fallBack(err);
    });
  });
}

/** The backend's presentDocument for Electron: the renderer only gets the file name. */
export function electronPresentDocument(deps: PrintDeps): (path: string, fileName: string) => DocumentRef {
  return (path, fileName) => {
    if (deps.mode() === 'viewer') void deps.openPath(path);
    else void printInHiddenWindow(deps, path);
    return { fileName, url: null, openedByShell: true };
  };
}
