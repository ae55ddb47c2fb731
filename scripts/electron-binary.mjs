// Finds the installed Electron binary WITHOUT requiring the `electron` package: from Electron 42 on,
// require('electron') tries to download the binary lazily, which fails on machines without internet.
// When it is absent, `npm start` fetches it through the electron package's own installer
// (node_modules/electron/install.js, @electron/get: its progress bar, cache and checksums), time-limited.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute path of the Electron executable, or null when only the npm package (no binary) is installed. */
export function findElectronBinary(root) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = join(pkgDir, 'dist', relative);
  return relative && existsSync(binary) ? binary : null;
}

/** How long the download may take before `npm start` gives up and opens the browser mode (5 min; env in seconds). */
export const DEFAULT_INSTALL_TIMEOUT_MS = 5 * 60_000;

export const BROWSER_FALLBACK_MESSAGE =
  "Electron n'est pas installé sur cette machine (binaire absent) : Feuillet démarre en mode navigateur, ouvrez l'adresse ci-dessous.";

/**
 * Runs the electron package's installer (stdio shared: its progress bar shows), killed after `timeoutMs`.
 * Resolves to the binary once installed, or null (no installer, offline, failure, timeout) — never throws.
 */
export function installElectronBinary(root, opts = {}) {
  const installer = opts.installer ?? join(root, 'node_modules', 'electron', 'install.js');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_INSTALL_TIMEOUT_MS;
  const log = opts.log ?? ((line) => console.log(line));
  if (!existsSync(installer)) return Promise.resolve(null);
  log(`Electron n'est pas encore téléchargé : téléchargement par son installateur (${Math.round(timeoutMs / 1000)} s au plus)…`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: join(installer, '..'), stdio: opts.stdio ?? 'inherit', env: process.env });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const done = (ok, why) => {
      clearTimeout(timer);
      const binary = ok ? findElectronBinary(root) : null;
      if (!binary) log(`Téléchargement d'Electron impossible (${why}).`);
      resolve(binary);
    };
    child.on('error', (err) => done(false, err.message));
    child.on('exit', (code) => {
      if (timedOut) done(false, `délai de ${Math.round(timeoutMs / 1000)} s dépassé`);
      else if (code === 0) done(true, "l'installateur n'a pas laissé de binaire");
      else done(false, `hors ligne ou refusé, code ${code}`);
    });
  });
}

/**
 * What `npm start` runs: Electron when its binary is there or can be fetched now, else the browser mode.
 * `--browser` skips Electron entirely.
 */
export async function chooseRuntime(root, opts = {}) {
  if (opts.forceBrowser) return { kind: 'browser', reason: 'forced' };
  const found = findElectronBinary(root);
  if (found) return { kind: 'electron', binary: found };
  const fetched = await installElectronBinary(root, opts);
  return fetched ? { kind: 'electron', binary: fetched } : { kind: 'browser', reason: 'no-binary' };
}
