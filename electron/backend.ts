/**
 * Composition root shared by the Electron main process and the browser-mode server:
 * open the database in the data folder, build the handler context and the dispatcher.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection.ts';
import type { DocumentRef } from '../core/domain/types.ts';
import { systemClock, type Clock, type HandlerContext } from './context.ts';
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

export function createBackend(opts: BackendOptions): Backend {
  mkdirSync(opts.dataDir, { recursive: true });
  const documentsDir = join(opts.dataDir, DOCUMENTS_FOLDER);
  mkdirSync(documentsDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE), opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {});
  const ctx: HandlerContext = {
    db,
    clock: opts.clock ?? systemClock,
    dataDir: opts.dataDir,
    fontsDir: opts.fontsDir,
    transport: opts.transport,
    appVersion: opts.appVersion,
    presentDocument: opts.presentDocument ?? browserPresentDocument,
  };
  return { ctx, dispatch: createDispatcher(ctx, handlers), documentsDir, close: () => db.close() };
}
