/**
 * Issue #19 item 15: `npm start` with the Electron binary absent fetches it through the electron package's own
 * installer (node_modules/electron/install.js), time-limited, then runs Electron; offline or on failure, the
 * browser mode. The installer is replaced here by stand-ins in a scratch project (no network).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_FALLBACK_MESSAGE, chooseRuntime, findElectronBinary } from '../../scripts/electron-binary.mjs';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A project whose node_modules/electron holds only the npm package and `installer` as its install.js. */
function project(installer: string): string {
  const root = mkdtempSync(join(tmpdir(), 'feuillet-start-'));
  roots.push(root);
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'install.js'), installer);
  return root;
}

/** What install.js does once downloaded: dist/<binary> and path.txt naming it. */
const WORKING_INSTALLER = `
const fs = require('fs'); const path = require('path');
process.stderr.write('Downloading electron-v45.zip: [====] 100%\\n');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\necho electron');
fs.chmodSync(path.join(__dirname, 'dist', 'electron'), 0o755);
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;

describe('npm start without the Electron binary', () => {
  it('runs the electron package’s installer, shows its progress, then starts Electron', async () => {
    const root = project(WORKING_INSTALLER);
    expect(findElectronBinary(root)).toBeNull();
    const lines: string[] = [];
    const runtime = await chooseRuntime(root, { timeoutMs: 20_000, log: (l) => lines.push(l), stdio: 'ignore' });
    expect(runtime).toEqual({ kind: 'electron', binary: join(root, 'node_modules', 'electron', 'dist', 'electron') });
    expect(lines[0]).toMatch(/^Electron n'est pas encore téléchargé : téléchargement par son installateur \(20 s au plus\)/);
    // Next time the binary is there: no download.
    const again: string[] = [];
    expect(await chooseRuntime(root, { log: (l) => again.push(l) })).toMatchObject({ kind: 'electron' });
    expect(again).toEqual([]);
  });

  it('offline (the installer fails): the browser mode, with the reason', async () => {
    const root = project(`console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1);`);
    const lines: string[] = [];
    expect(await chooseRuntime(root, { timeoutMs: 20_000, log: (l) => lines.push(l), stdio: 'ignore' })).toEqual({ kind: 'browser', reason: 'no-binary' });
    expect(lines.at(-1)).toBe("Téléchargement d'Electron impossible (hors ligne ou refusé, code 1).");
    expect(BROWSER_FALLBACK_MESSAGE).toMatch(/mode navigateur/);
  });

  it('a download that hangs is stopped at the time limit', async () => {
    const root = project('setInterval(() => {}, 1000);');
    const started = Date.now();
    const lines: string[] = [];
    expect(await chooseRuntime(root, { timeoutMs: 1500, log: (l) => lines.push(l), stdio: 'ignore' })).toMatchObject({ kind: 'browser' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(lines.at(-1)).toBe("Téléchargement d'Electron impossible (délai de 2 s dépassé).");
  });

  it('--browser never downloads', async () => {
    const root = project('process.exit(3);');
    chmodSync(join(root, 'node_modules', 'electron', 'install.js'), 0o644);
    const lines: string[] = [];
    expect(await chooseRuntime(root, { forceBrowser: true, log: (l) => lines.push(l) })).toEqual({ kind: 'browser', reason: 'forced' });
    expect(lines).toEqual([]);
  });
});
