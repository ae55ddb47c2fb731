// Electron main: lifecycle, window, IPC, opening printed PDFs. Nothing else lives here.
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend } from '../backend.ts';
import { dailyBackup } from '../backups.ts';
import { registerIpc } from './ipc.ts';
import { isAppUrl, lockDownNavigation, mainWindowOptions } from './window.ts';

const outDir = join(__dirname, '..');
const rendererIndex = join(outDir, 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function start(): void {
  let backend: ReturnType<typeof createBackend>;
  try {
    backend = createBackend({
      dataDir: process.env.FEUILLET_DATA_DIR || app.getPath('userData'),
      migrationsDir: join(outDir, 'migrations'),
      fontsDir: join(outDir, 'fonts'),
      transport: 'electron',
      appVersion: app.getVersion(),
      // The system viewer prints the feuille de soins; the renderer only gets the file name.
      presentDocument: (path, fileName) => {
        void shell.openPath(path);
        return { fileName, url: null, openedByShell: true };
      },
      presentBackup: (path) => {
        shell.showItemInFolder(path);
        return { url: null, shownInFolder: true };
      },
    });
  } catch (err) {
    // Data folder used by another Feuillet, database from a newer version…: say it, in French, and stop.
    dialog.showErrorBox('Feuillet ne peut pas démarrer', err instanceof Error ? err.message : String(err));
    app.quit();
    return;
  }
  // One backup a day, in the background: the window opens meanwhile.
  dailyBackup(backend.ctx).catch((err) => console.error('[feuillet] daily backup failed', err));
  registerIpc(ipcMain, backend.dispatch, (url) => isAppUrl(url, rendererUrl));

  const win = new BrowserWindow(mainWindowOptions(join(outDir, 'preload', 'index.cjs')));
  mainWindow = win;
  lockDownNavigation(win, rendererUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);

  app.on('window-all-closed', () => {
    backend.close();
    app.quit();
  });
}

// One Feuillet at a time: a second launch brings the open window to the front instead.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void app.whenReady().then(start);
} else {
  app.quit();
}
