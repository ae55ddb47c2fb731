// Finds the installed Electron binary WITHOUT requiring the `electron` package: from Electron 42 on,
// require('electron') tries to download the binary lazily, which fails on machines without internet.
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
