// Electron main: lifecycle, window, menu, IPC, printing. The pieces live in the modules beside it.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { createBackend } from '../backend.ts';
import { dailyBackup } from '../backups.ts';
import { SHELL_ACTION_CHANNEL, type ShellAction } from '../preload/api.ts';
import { aboutContent } from './about.ts';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol.ts';
import { appendErrorLog, installCrashHandlers, watchRenderer, type CrashReporting } from './crash.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { electronPresentDocument } from './printing.ts';
import { openShellSettings, saveShellChoice } from './shell-settings.ts';
import { initialBounds, trackWindowState } from './window-state.ts';
import { denyAllPermissions, isAppUrl, lockDownNavigation, mainWindowOptions } from './window.ts';

const outDir = join(__dirname, '..');
const dataDir = (): string => process.env.FEUILLET_DATA_DIR || app.getPath('userData');

// Last resort: an error in main is logged in the data folder and told in French; the app keeps running.
const reporting: CrashReporting = { dataDir, show: (title, message) => dialog.showErrorBox(title, message) };
installCrashHandlers(process, reporting);

app.enableSandbox();
// The renderer is served on feuillet://app/ (registered before `ready`, as Electron requires).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;

function start(): void {
  const settings = openShellSettings(dataDir());
  const log = (err: unknown) => {
    try {
      appendErrorLog(dataDir(), 'exception', err);
    } catch {
      // Logging must never break printing.
    }
  };
  let backend: ReturnType<typeof createBackend>;
  try {
    backend = createBackend({
      dataDir: dataDir(),
      migrationsDir: join(outDir, 'migrations'),
      fontsDir: join(outDir, 'fonts'),
      transport: 'electron',
      appVersion: app.getVersion(),
      // The print dialog (or the system viewer, as chosen) gets the PDF; the renderer only the file name.
      presentDocument: electronPresentDocument({
        mode: () => settings.get().printMode,
        createWindow: (options) => new BrowserWindow({ ...options, ...(mainWindow ? { parent: mainWindow } : {}) }),
        openPath: (path) => shell.openPath(path),
        log,
      }),
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
  // Nothing the page asks for (camera, micro, notifications, geolocation…) is ever granted.
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, join(outDir, 'renderer'));
  // One backup a day, in the background: the window opens meanwhile.
  dailyBackup(backend.ctx).catch((err) => console.error('[feuillet] daily backup failed', err));
  registerIpc(ipcMain, backend.dispatch, (url) => isAppUrl(url, APP_INDEX_URL));

  const saved = settings.get().window;
  const bounds = initialBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow(mainWindowOptions(join(outDir, 'preload', 'index.cjs'), bounds));
  mainWindow = win;
  lockDownNavigation(win, APP_INDEX_URL);
  watchRenderer(win.webContents, reporting);
  trackWindowState(win, (state) => {
    try {
      settings.update({ window: state });
    } catch (err) {
      log(err);
    }
  });
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });

  const send = (action: ShellAction) => {
    if (!win.isDestroyed()) win.webContents.send(SHELL_ACTION_CHANNEL, action);
  };
  const buildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          isMac: process.platform === 'darwin',
          send,
          showAbout: () => {
            const about = aboutContent({ version: app.getVersion(), dataDir: dataDir(), versions: process.versions });
            void dialog.showMessageBox(win, { type: 'info', buttons: ['OK'], title: about.title, message: about.message, detail: about.detail });
          },
          printMode: () => settings.get().printMode,
          setPrintMode: (printMode) => {
            const problem = saveShellChoice(settings, { printMode });
            if (problem) dialog.showErrorBox('Impression : choix non enregistré', problem);
            buildMenu();
          },
          openDataFolder: () => void shell.openPath(dataDir()),
        }),
      ),
    );
  buildMenu();

  void win.loadURL(APP_INDEX_URL);

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
