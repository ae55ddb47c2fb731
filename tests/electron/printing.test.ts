import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { electronPresentDocument, printInHiddenWindow, printWindowOptions } = await import('../../electron/main/printing.ts');
const { FakeBrowserWindow } = await import('./fake-electron.ts');

const PDF = '/data/documents/facture-1-000012.pdf';
const flush = () => new Promise((r) => setTimeout(r, 0));

function deps(mode: 'dialog' | 'viewer' = 'dialog') {
  const windows: InstanceType<typeof FakeBrowserWindow>[] = [];
  return {
    windows,
    mode: vi.fn(() => mode),
    createWindow: vi.fn((options: Record<string, unknown>) => {
      const w = new FakeBrowserWindow(options);
      windows.push(w);
      return w as never;
    }),
    openPath: vi.fn(async (_path: string) => ''),
    log: vi.fn(),
  };
}

describe('printing from Electron', () => {
  it('prints in a hidden, sandboxed window that shows only the PDF: the system print dialog opens on it', async () => {
    const d = deps();
    const outcome = printInHiddenWindow(d, PDF);
    const win = d.windows[0]!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loadFile).toHaveBeenCalledWith(PDF);
    expect(win.webContents.print).not.toHaveBeenCalled();
    win.webContents.fire('did-finish-load');
    expect(win.webContents.print).toHaveBeenCalledOnce();
    expect(win.webContents.print.mock.calls[0]![0]).toMatchObject({ silent: false, printBackground: true });
    win.webContents.printCallback!(true, '');
    await expect(outcome).resolves.toBe('printed');
    expect(win.close).toHaveBeenCalledOnce();
    expect(d.openPath).not.toHaveBeenCalled();
  });

  it('a cancelled dialog is just closed; a failed print opens the PDF in the system viewer instead', async () => {
    const d = deps();
    const cancelled = printInHiddenWindow(d, PDF);
    d.windows[0]!.webContents.fire('did-finish-load');
    d.windows[0]!.webContents.printCallback!(false, 'Print job canceled');
    await expect(cancelled).resolves.toBe('cancelled');
    expect(d.openPath).not.toHaveBeenCalled();

    const failed = printInHiddenWindow(d, PDF);
    d.windows[1]!.webContents.fire('did-finish-load');
    d.windows[1]!.webContents.printCallback!(false, 'Print job failed');
    await expect(failed).resolves.toBe('opened-in-viewer');
    expect(d.openPath).toHaveBeenCalledExactlyOnceWith(PDF);
    expect(d.log).toHaveBeenCalledOnce();
  });

  it('a PDF that does not load falls back to the viewer once, even when both failure signals come', async () => {
    const d = deps();
    const win0 = { resolveLoad: null as null | ((e: Error) => void) };
    d.createWindow.mockImplementationOnce((options: Record<string, unknown>) => {
      const w = new FakeBrowserWindow(options);
      w.loadFile.mockImplementation(() => new Promise((_r, reject) => (win0.resolveLoad = reject)));
      d.windows.push(w);
      return w as never;
    });
    const outcome = printInHiddenWindow(d, PDF);
    d.windows[0]!.webContents.fire('did-fail-load', -6, 'ERR_FILE_NOT_FOUND');
    win0.resolveLoad!(new Error('ERR_FILE_NOT_FOUND'));
    await expect(outcome).resolves.toBe('opened-in-viewer');
    await flush();
    expect(d.openPath).toHaveBeenCalledOnce();
  });

  it('the print window can neither open pop-ups nor navigate away', () => {
    const d = deps();
    void printInHiddenWindow(d, PDF);
    const wc = d.windows[0]!.webContents;
    expect(wc.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(wc.fire('will-navigate', 'https://example.org/')).toBe(true);
    expect(printWindowOptions().show).toBe(false);
  });

  it('presentDocument follows the remembered choice and gives the renderer only the file name', async () => {
    const viewer = deps('viewer');
    expect(electronPresentDocument(viewer)(PDF, 'facture-1-000012.pdf')).toEqual({ fileName: 'facture-1-000012.pdf', url: null, openedByShell: true });
    expect(viewer.openPath).toHaveBeenCalledWith(PDF);
    expect(viewer.createWindow).not.toHaveBeenCalled();

    const dialog = deps('dialog');
    expect(electronPresentDocument(dialog)(PDF, 'facture-1-000012.pdf')).toEqual({ fileName: 'facture-1-000012.pdf', url: null, openedByShell: true });
    expect(dialog.createWindow).toHaveBeenCalledOnce();
    expect(dialog.openPath).not.toHaveBeenCalled();
  });
});
