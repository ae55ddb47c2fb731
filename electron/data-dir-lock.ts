/**
 * One Feuillet at a time on a data folder: a second one (double click, Electron and browser mode) would
 * write into the same database, and a restore at start-up would replace the file under the first one.
 *
 * The lock is an operating-system lock held on an open file, not a PID written in a file: `feuillet.lock`
 * is a tiny SQLite database opened in EXCLUSIVE locking mode and written once, so SQLite holds its
 * exclusive lock (POSIX advisory `fcntl` lock; `LockFileEx` on Windows) until the connection closes.
 * The operating system drops it when the process dies, however it dies (crash, SIGKILL, power cut):
 * no stale lock, no reused PID, no two-step write. A second process (or a second connection in the
 * same process) gets SQLITE_BUSY at once.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivate } from './durable-files.ts';

export const LOCK_FILE = 'feuillet.lock';

const ALREADY_OPEN = 'Feuillet est déjà ouvert sur ce dossier de données. Fermez l\'autre fenêtre de Feuillet, puis réessayez.';

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function tryLock(file: string): Database.Database {
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY'); // no journal file beside the lock
    // Its content (the PID) is only informative: the lock is held by the open connection, not by bytes on
    // disk, so no fsync at start (a file damaged by a power cut is replaced below).
    db.pragma('synchronous = OFF');
    // The first write takes the EXCLUSIVE lock; in this locking mode it is kept until close().
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; COMMIT');
    db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Takes the folder's lock; returns its release. Throws a French message if another Feuillet holds it. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    db = tryLock(file);
  } catch (err) {
    if (isBusy(err)) throw new Error(ALREADY_OPEN);
    // A PID file left by an older Feuillet (not a database), or a lock file damaged by a power cut: it
    // locks nothing (nobody holds it, or we would have got SQLITE_BUSY) — replace it.
    rmSync(file, { force: true });
    try {
      db = tryLock(file);
    } catch (again) {
      throw isBusy(again) ? new Error(ALREADY_OPEN) : again;
    }
  }
  makePrivate(file);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // The file stays: removing it could let a waiting process lock a new file while another holds the old one.
    db.close();
  };
}
