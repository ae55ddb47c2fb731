/** Copies of the database file: consistent (WAL content included) and checked before they are trusted. */
import Database from 'better-sqlite3';
import type { Db } from './connection.ts';

/** Online backup through SQLite's backup API (the app keeps working meanwhile), as one self-contained file. */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  await db.backup(file);
  asSingleFile(file);
}

/** A copy must travel alone (USB key): rollback journal instead of WAL, so no -wal/-shm beside it. */
function asSingleFile(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** A consistent copy of a database file that is not open yet (used before a restore). */
export function copyClosedDatabase(source: string, file: string): void {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } finally {
    db.close();
  }
  asSingleFile(file);
}

export interface DatabaseFileCheck {
  ok: boolean;
  /** `ok`, or SQLite's first complaint. */
  integrity: string;
  schemaVersion: number;
  patients: number;
  invoices: number;
}

/** Opens a copy read-only and checks it is a sound Feuillet database. */
export function inspectDatabaseFile(file: string): DatabaseFileCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = String(db.pragma('quick_check', { simple: true }));
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    const count = (table: string) => (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { ok: integrity === 'ok' && schemaVersion >= 1, integrity, schemaVersion, patients: count('patients'), invoices: schemaVersion >= 2 ? count('invoices') : 0 };
  } catch (err) {
    return { ok: false, integrity: err instanceof Error ? err.message : String(err), schemaVersion: 0, patients: 0, invoices: 0 };
  } finally {
    db?.close();
  }
}
