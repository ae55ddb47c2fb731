import type { Db } from '../db/connection.ts';
import type { DocumentRef } from '../core/domain/types.ts';

/** The clock is injected so tests are deterministic. */
export interface Clock {
  /** ISO 8601 UTC timestamp. */
  nowIso(): string;
  /** Today's date at the practice (local calendar), ISO `YYYY-MM-DD`. */
  today(): string;
  /** The practice's calendar date of a stored timestamp (a validation at 21:00 in Martinique is that day, not the next). */
  dateOf(timestamp: string): string;
}

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export const systemClock: Clock = {
  nowIso: () => new Date().toISOString(),
  today: () => localDate(new Date()),
  dateOf: (timestamp) => localDate(new Date(timestamp)),
};

/** A clock stopped at `today`, on UTC: tests are the same on every machine. */
export function fixedClock(today: string, time = '09:00:00.000Z'): Clock {
  return { nowIso: () => `${today}T${time}`, today: () => today, dateOf: (timestamp) => timestamp.slice(0, 10) };
}

/**
 * Everything a handler may touch. Built once at start-up by the Electron main process or the
 * browser-mode server; tests build it on a temporary database.
 */
export interface HandlerContext {
  db: Db;
  clock: Clock;
  /** Folder holding the database and the generated PDFs. */
  dataDir: string;
  /** Folder of the TTF fonts embedded in PDFs (invoice-templates/fonts, copied beside the bundle). */
  fontsDir: string;
  transport: 'electron' | 'browser';
  appVersion: string;
  /** Folder of the numbered SQL migrations (the default one when absent); a restore is checked against them. */
  migrationsDir?: string;
  /** Hands a generated PDF to the user: Electron opens it for printing, the browser gets a URL. */
  presentDocument(absolutePath: string, fileName: string): DocumentRef;
  /** Hands a backup file to the user: Electron shows it in its folder, the browser downloads it from `url`. */
  presentBackup(absolutePath: string, fileName: string): BackupRef;
}

export interface BackupRef {
  url: string | null;
  shownInFolder: boolean;
}
