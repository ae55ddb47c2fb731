/**
 * Composition root shared by the Electron main process and the browser-mode server:
 * open the database in the data folder, build the handler context and the dispatcher.
 */
import { join } from 'node:path';
import { openDatabase } from '../db/connection.ts';
import type { DocumentRef } from '../core/domain/types.ts';
import { systemClock, type BackupRef, type Clock, type HandlerContext } from './context.ts';
import { applyPendingRestore, DATABASE_AUDIT, removeBackupLeftovers, rollBackRestore } from './backups.ts';
import { ensurePrivateDir, makePrivate, removeTempLeftovers } from './durable-files.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { recordAudit } from '../db/audit-repo.ts';
import { createDispatcher, type Dispatcher } from './dispatch.ts';
import { handlers } from './handlers/index.ts';
import { DATABASE_FILE, DOCUMENTS_FOLDER } from './paths.ts';

export interface BackendOptions {
  dataDir: string;
  migrationsDir?: string;
  fontsDir: string;
  transport: 'electron' | 'browser';
  appVersion: string;
  clock?: Clock;
  presentDocument?: (absolutePath: string, fileName: string) => DocumentRef;
  presentBackup?: (absolutePath: string, fileName: string) => BackupRef;
}

export interface Backend {
  ctx: HandlerContext;
  dispatch: Dispatcher;
  documentsDir: string;
  close(): void;
}

/** Browser mode: the UI opens the PDF at this URL (the bridge adds nothing; the UI appends the token). */
export const browserPresentDocument = (_path: string, fileName: string): DocumentRef => ({
  fileName,
  url: `/documents/${encodeURIComponent(fileName)}`,
  openedByShell: false,
});

/** Browser mode: the UI downloads the backup from this URL (token appended by the UI). */
export const browserPresentBackup = (_path: string, fileName: string): BackupRef => ({
  url: `/backups/${encodeURIComponent(fileName)}`,
  shownInFolder: false,
});

export function createBackend(opts: BackendOptions): Backend {
  // Health data: the folders are private to the account (0700), the files in them too (0600).
  ensurePrivateDir(opts.dataDir);
  const documentsDir = join(opts.dataDir, DOCUMENTS_FOLDER);
  ensurePrivateDir(documentsDir);
  const clock = opts.clock ?? systemClock;
  const unlock = lockDataDir(opts.dataDir);
  let db: ReturnType<typeof openDatabase>;
  try {
    // Temporary files of a write interrupted by a crash (backup, restore, PDF) are never finished files.
    removeBackupLeftovers(opts.dataDir);
    removeTempLeftovers(documentsDir);
    // A restore asked for during the previous run replaces the file before anything opens it.
    let restore = applyPendingRestore(opts.dataDir, clock.nowIso());
    const databaseFile = join(opts.dataDir, DATABASE_FILE);
    const open = () => openDatabase(databaseFile, opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {});
    try {
      db = open();
    } catch (err) {
      if (!restore || !('restored' in restore)) throw err;
      // The restored file does not open: the database it replaced goes back, and the screen says so.
      restore = rollBackRestore(opts.dataDir, restore, err);
      db = open();
    }
    for (const suffix of ['', '-wal', '-shm']) makePrivate(databaseFile + suffix);
    if (restore) {
      const action = 'restored' in restore ? 'restored' : 'restore-failed';
      recordAudit(db, clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, action, null, restore);
    }
  } catch (err) {
    unlock();
    throw err;
  }
  const ctx: HandlerContext = {
    db,
    clock,
    dataDir: opts.dataDir,
    fontsDir: opts.fontsDir,
    transport: opts.transport,
    appVersion: opts.appVersion,
    ...(opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {}),
    presentDocument: opts.presentDocument ?? browserPresentDocument,
    presentBackup: opts.presentBackup ?? browserPresentBackup,
  };
  return {
    ctx,
    dispatch: createDispatcher(ctx, handlers),
    documentsDir,
    close: () => {
      db.close();
      unlock();
    },
  };
}
