/** Copies of the database file: consistent (WAL content included) and checked before they are trusted. */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection.ts';

/** What a backup file says about itself (the `backup_stamp` row, see 0009-backup-stamp.sql). */
export interface BackupStamp {
  madeAt: string;
  kind: 'manuelle' | 'quotidienne' | 'avant-restauration';
  appVersion: string;
}

/** Online backup through SQLite's backup API (the app keeps working meanwhile), as one self-contained file. */
export async function backupDatabase(db: Db, file: string, stamp: BackupStamp): Promise<void> {
  await db.backup(file);
  asSingleFile(file, stamp);
}

/**
 * A copy must travel alone (USB key): rollback journal instead of WAL, so no -wal/-shm beside it. It
 * records when it was made inside itself (a database older than the stamp's migration has no stamp).
 */
function asSingleFile(file: string, stamp: BackupStamp): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    if (copy.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backup_stamp'").get()) {
      copy.prepare('INSERT OR REPLACE INTO backup_stamp (id, made_at, kind, app_version) VALUES (1, ?, ?, ?)').run(stamp.madeAt, stamp.kind, stamp.appVersion);
    }
  } finally {
    copy.close();
  }
}

/** A consistent copy of a database file that is not open yet (used before a restore). */
export function copyClosedDatabase(source: string, file: string, stamp: BackupStamp): void {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } finally {
    db.close();
  }
  asSingleFile(file, stamp);
}

/**
 * The stamp a file in the backups folder carries, or null (made by an older Feuillet, damaged, or not a
 * backup at all). Any file may lie there: it is opened read-only with `trusted_schema` off and only a
 * real table is read (a view of that name could be made to run for ever).
 */
export function readBackupStamp(file: string): BackupStamp | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    const kind = db.prepare("SELECT type FROM sqlite_schema WHERE name = 'backup_stamp'").pluck().all() as string[];
    if (kind.length !== 1 || kind[0] !== 'table') return null;
    const row = db.prepare('SELECT made_at AS madeAt, kind, app_version AS appVersion FROM backup_stamp WHERE id = 1').get() as BackupStamp | undefined;
    if (!row || typeof row.madeAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(row.madeAt)) return null;
    if (!['manuelle', 'quotidienne', 'avant-restauration'].includes(row.kind)) return null;
    return { madeAt: row.madeAt, kind: row.kind, appVersion: String(row.appVersion).slice(0, 40) };
  } catch {
    return null;
  } finally {
    db?.close();
  }
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

/**
 * The same check in a worker thread: `quick_check` reads the whole file (seconds at 100k patients) and
 * must not stall the searches of the desk meanwhile. Falls back to the main thread if no worker starts.
 */
export function inspectDatabaseFileOffThread(file: string): Promise<DatabaseFileCheck> {
  let driver: string;
  try {
    driver = createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return Promise.resolve(inspectDatabaseFile(file));
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (check: DatabaseFileCheck) => {
      if (settled) return;
      settled = true;
      resolve(check);
    };
    let worker: Worker;
    try {
      worker = new Worker(INSPECT_WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    } catch {
      settle(inspectDatabaseFile(file));
      return;
    }
    worker.once('message', (check: DatabaseFileCheck) => settle(check));
    worker.once('error', () => settle(inspectDatabaseFile(file)));
    worker.once('exit', () => settle(inspectDatabaseFile(file)));
  });
}

/** Plain CommonJS run by the worker: mirrors `inspectDatabaseFile` (kept identical by a test). */
const INSPECT_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
let result;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const integrity = String(db.pragma('quick_check', { simple: true }));
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  const count = (table) => db.prepare('SELECT count(*) AS n FROM ' + table).get().n;
  result = { ok: integrity === 'ok' && schemaVersion >= 1, integrity, schemaVersion, patients: count('patients'), invoices: schemaVersion >= 2 ? count('invoices') : 0 };
} catch (err) {
  result = { ok: false, integrity: err instanceof Error ? err.message : String(err), schemaVersion: 0, patients: 0, invoices: 0 };
} finally {
  if (db) db.close();
}
parentPort.postMessage(result);
`;
