import Database from 'better-sqlite3';
import { loadMigrations, migrate } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (or creates) the practice database: WAL, foreign keys on, a busy timeout, then applies the
 * pending migrations. `:memory:` works for tests that do not need a file.
 */
export function openDatabase(file: string, opts: { migrationsDir?: string } = {}): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
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
