import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { crashMessage, ERROR_LOG_FILE, installCrashHandlers, watchRenderer } = await import('../../electron/main/crash.ts');
const { aboutContent } = await import('../../electron/main/about.ts');
const { FakeWebContents } = await import('./fake-electron.ts');

const dataDir = mkdtempSync(join(tmpdir(), 'feuillet-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const LOG = join(dataDir, ERROR_LOG_FILE);

describe('crash and unhandled rejection in main', () => {
  const proc = new EventEmitter();
  const show = vi.fn();
  installCrashHandlers(proc as never, { dataDir: () => dataDir, show, now: () => new Date('2026-11-28T09:30:00Z') });

  it('writes an uncaught exception, with its stack, to the log in the data folder and tells the user in French', () => {
    proc.emit('uncaughtException', new TypeError('boom in main'));
    const log = readFileSync(LOG, 'utf8');
    expect(log).toMatch(/^\[2026-11-28T09:30:00.000Z\] exception — TypeError: boom in main\n\s+at /);
    if (process.platform !== 'win32') expect(statSync(LOG).mode & 0o777).toBe(0o600);
    const [title, message] = show.mock.calls[0]!;
    expect(title).toBe('Feuillet — erreur inattendue');
    expect(message).toContain('Feuillet a rencontré une erreur inattendue.');
    expect(message).toContain('Les données déjà enregistrées sont conservées');
    expect(message).toContain(LOG);
  });

  it('does the same for an unhandled rejection, whatever was rejected', () => {
    proc.emit('unhandledRejection', { code: 'SQLITE_BUSY' });
    expect(readFileSync(LOG, 'utf8')).toContain('rejection — {"code":"SQLITE_BUSY"}');
    expect(show.mock.calls[1]![0]).toBe('Feuillet — erreur inattendue (promesse rejetée)');
  });

  it('still tells the user when the log cannot be written', () => {
    const p = new EventEmitter();
    const s = vi.fn();
    installCrashHandlers(p as never, { dataDir: () => { throw new Error('no data folder'); }, show: s });
    p.emit('uncaughtException', new Error('x'));
    expect(s.mock.calls[0]![1]).toContain("Le détail n'a pas pu être noté");
  });

  it('a page whose process died is logged, told and reloaded (three times at most); a clean exit is not an error', () => {
    const wc = new FakeWebContents();
    const s = vi.fn();
    let t = 0;
    watchRenderer(wc as never, { dataDir: () => dataDir, show: s }, () => t);
    wc.fire('render-process-gone', { reason: 'clean-exit', exitCode: 0 });
    expect(s).not.toHaveBeenCalled();
    for (let i = 0; i < 4; i++) wc.fire('render-process-gone', { reason: 'crashed', exitCode: 139 });
    expect(s).toHaveBeenCalledTimes(4);
    expect(s.mock.calls[0]![1]).toContain('La fenêtre de Feuillet va être rechargée');
    expect(wc.reload).toHaveBeenCalledTimes(3);
    t = 11 * 60_000;
    wc.fire('render-process-gone', { reason: 'oom', exitCode: 1 });
    expect(wc.reload).toHaveBeenCalledTimes(4);
    expect(readFileSync(LOG, 'utf8')).toContain('renderer — Error: render-process-gone: crashed (code 139)');
  });

  it('a page that cannot load shows a French error page, never a blank window', () => {
    const wc = new FakeWebContents();
    watchRenderer(wc as never, { dataDir: () => dataDir, show: vi.fn() });
    wc.fire('did-fail-load', -3, 'ERR_ABORTED', 'feuillet://app/index.html', true);
    wc.fire('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'feuillet://app/x.png', false);
    expect(wc.loadURL).not.toHaveBeenCalled();
    wc.fire('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'feuillet://app/index.html', true);
    const page = decodeURIComponent(String(wc.loadURL.mock.calls[0]![0]).replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('L&#39;affichage de Feuillet n&#39;a pas pu être chargé');
  });

  it('messages for the page are French and name the log', () => {
    expect(crashMessage('renderer', '/x/feuillet-erreurs.log').message).toContain('/x/feuillet-erreurs.log');
  });
});

describe('« À propos de Feuillet »', () => {
  it('gives the version, the « non certifié SESAM-Vitale » notice, the data folder and the engine versions', () => {
    const a = aboutContent({ version: '0.1.0', dataDir: '/home/ana/.config/Feuillet', versions: { electron: '45.4.1', chrome: '142.0.1', node: '24.1.0' } });
    expect(a.title).toBe('À propos de Feuillet');
    expect(a.message).toBe('Feuillet — version 0.1.0');
    expect(a.detail).toContain('Logiciel non certifié SESAM-Vitale.');
    expect(a.detail).toContain("Feuillet n'est pas certifié SESAM-Vitale et ne télétransmet pas");
    expect(a.detail).toContain('Dossier des données : /home/ana/.config/Feuillet');
    expect(a.detail).toContain('Electron 45.4.1 · Chromium 142.0.1 · Node 24.1.0');
  });
});
