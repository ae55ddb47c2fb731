/**
 * One Feuillet at a time on a data folder: a second one (double click, Electron and browser mode) would
 * write into the same database, and a restore at start-up would replace the file under the first one.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'feuillet.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock (a stale one, left by a crash, is taken over); returns its release. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  try {
    writeFileSync(file, mine, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `Feuillet est déjà ouvert sur ce dossier de données (processus ${holder}). Fermez l'autre fenêtre de Feuillet, puis réessayez. ` +
          `Si aucun Feuillet n'est ouvert, supprimez le fichier ${file}.`,
      );
    }
    writeFileSync(file, mine);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(file, 'utf8').trim() === mine) rmSync(file, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  };
}
