/** Copies of the database file: consistent (WAL content included) and checked before they are trusted. */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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
