import Database from 'better-sqlite3';
import { loadMigrations, migrate } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (or creates) the practice database: WAL, foreign keys on, a busy timeout, then applies the
 * pending migrations. `:memory:` works for tests that do not need a file.
 *
 * `synchronous = FULL`: in WAL mode SQLite then fsyncs the WAL at every commit, so a transaction that
 * returned is on disk and survives a power cut (NORMAL only survives an application crash: a power cut
 * could take back a validated invoice whose number is already printed). Proven by
 * tests/durability/power-cut.test.ts. `synchronous` is only an option for the bench's before/after.
 *
 * On macOS a plain fsync leaves the data in the drive's own cache, which a power cut loses: `fullfsync`
 * makes SQLite ask for F_FULLFSYNC at each commit and checkpoint (slower commits, a few ms, on a Mac only;
 * elsewhere the pragma does nothing). `platform` is there for the test.
 */
export function openDatabase(
  file: string,
  opts: { migrationsDir?: string; synchronous?: 'FULL' | 'NORMAL'; platform?: NodeJS.Platform } = {},
): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`synchronous = ${opts.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  if ((opts.platform ?? process.platform) === 'darwin') {
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
  }
  try {
    migrate(db, loadMigrations(opts.migrationsDir));
  } catch (err) {
    // A refused (newer) or failed migration must not leave the file open behind the error.
    db.close();
    throw err;
  }
  return db;
}

/** Runs `fn` in one IMMEDIATE transaction: everything or nothing. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
