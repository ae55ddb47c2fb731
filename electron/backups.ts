/**
 * Backups of the practice's database in <dataDir>/sauvegardes: one a day automatically at start-up,
 * one on demand, the newest KEEP_BACKUPS kept; each checked before it counts. A restore is asked for
 * while the app runs and applied at the next start, before the database is opened, after a safety copy.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/api/result.ts';
import type { BackupInfo } from '../core/domain/types.ts';
import { backupDatabase, copyClosedDatabase, inspectDatabaseFile, inspectDatabaseFileOffThread, type DatabaseFileCheck } from '../db/backup.ts';
import { recordAudit } from '../db/audit-repo.ts';
import type { HandlerContext } from './context.ts';
import { commitTempFile, ensurePrivateDir, fsyncDir, fsyncFileInBackground, removeTempLeftovers, tempPathFor, writeFileAtomic } from './durable-files.ts';
import { BACKUP_NAME_RE, BACKUPS_FOLDER, DATABASE_FILE, RESTORE_MARKER } from './paths.ts';

export const KEEP_BACKUPS = 30;

const backupsDir = (dataDir: string) => join(dataDir, BACKUPS_FOLDER);

/** `2026-11-25T09:30:12.345Z` → `feuillet-2026-11-25-093012[-suffix].sqlite`. */
export function backupFileName(nowIso: string, suffix?: string): string {
  const stamp = `${nowIso.slice(0, 10)}-${nowIso.slice(11, 19).replace(/:/g, '')}`;
  return `feuillet-${stamp}${suffix ? `-${suffix}` : ''}.sqlite`;
}

function createdAtOf(fileName: string): string {
  const m = /^feuillet-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})/.exec(fileName)!;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z`;
}

/** `…-090000-2.sqlite` is the second backup of that second. */
const sequenceOf = (fileName: string): number => Number(/^feuillet-\d{4}-\d{2}-\d{2}-\d{6}-(\d+)\.sqlite$/.exec(fileName)?.[1] ?? 1);

/** Audit entries about the database as a whole (backups, restores) are filed under this entity and id. */
export const DATABASE_AUDIT = { entity: 'database', id: 1 } as const;

/** Newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_NAME_RE.test(f))
    .map((fileName) => ({
      fileName,
      createdAt: createdAtOf(fileName),
      sizeBytes: statSync(join(dir, fileName)).size,
      beforeRestore: fileName.endsWith('-avant-restauration.sqlite'),
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || sequenceOf(b.fileName) - sequenceOf(a.fileName));
}

/** Keeps the newest `keep` backups; older ones are deleted, never the one a pending restore will use. */
export function pruneBackups(dataDir: string, keep = KEEP_BACKUPS): string[] {
  const pending = pendingRestore(dataDir);
  const removed = listBackups(dataDir)
    .slice(keep)
    .map((b) => b.fileName)
    .filter((name) => name !== pending);
  for (const name of removed) rmSync(join(backupsDir(dataDir), name), { force: true });
  return removed;
}

/**
 * Writes a backup under a temporary name, checks it, then fsyncs and renames it to its final name: a
 * backup interrupted at any point (crash, kill, power cut) never shows up as a finished backup, and its
 * leftover is removed at the next start (`removeBackupLeftovers`).
 */
export async function createBackup(ctx: HandlerContext, kind: 'manuelle' | 'quotidienne'): Promise<BackupInfo & { check: DatabaseFileCheck }> {
  const dir = backupsDir(ctx.dataDir);
  ensurePrivateDir(dir);
  let fileName = backupFileName(ctx.clock.nowIso());
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = backupFileName(ctx.clock.nowIso(), String(n));
  const file = join(dir, fileName);
  const temp = tempPathFor(file);
  let check: DatabaseFileCheck;
  try {
    await backupDatabase(ctx.db, temp);
    check = await inspectDatabaseFileOffThread(temp);
  } catch (err) {
    removeSqliteFile(temp);
    throw err;
  }
  if (!check.ok) {
    removeSqliteFile(temp);
    throw new DomainError('internal', `La sauvegarde n'a pas pu être vérifiée (${check.integrity}) : elle n'a pas été gardée. Réessayez ; si cela se reproduit, contactez le support.`);
  }
  try {
    // The whole file is flushed off the main thread (it can take seconds on a slow disk), then renamed.
    await fsyncFileInBackground(temp);
  } catch (err) {
    removeSqliteFile(temp);
    throw err;
  }
  commitTempFile(temp, file, { alreadySynced: true });
  recordAudit(ctx.db, ctx.clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, `backup-${kind}`, null, { fileName, patients: check.patients, invoices: check.invoices });
  pruneBackups(ctx.dataDir);
  return { ...listBackups(ctx.dataDir).find((b) => b.fileName === fileName)!, check };
}

/** A SQLite file and its possible journal files. */
function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** At start: temporary files of interrupted backups, restores or documents are removed. */
export function removeBackupLeftovers(dataDir: string): string[] {
  return [...removeTempLeftovers(dataDir), ...removeTempLeftovers(backupsDir(dataDir))];
}

/** At start-up: one backup a day (calendar day of the practice), made in the background. */
export async function dailyBackup(ctx: HandlerContext): Promise<BackupInfo | null> {
  const today = ctx.clock.today();
  const hasToday = listBackups(ctx.dataDir).some((b) => !b.beforeRestore && ctx.clock.dateOf(b.createdAt) === today);
  return hasToday ? null : createBackup(ctx, 'quotidienne');
}

/** « Restaurer »: checks the backup now, replaces the database at the next start. */
export function requestRestore(ctx: HandlerContext, fileName: string): DatabaseFileCheck {
  const file = join(backupsDir(ctx.dataDir), fileName);
  if (!BACKUP_NAME_RE.test(fileName) || !existsSync(file)) throw new DomainError('not-found', 'Sauvegarde introuvable.');
  const check = inspectDatabaseFile(file);
  if (!check.ok) throw new DomainError('conflict', `Cette sauvegarde est abîmée (${check.integrity}) : elle ne peut pas être restaurée.`);
  if (check.schemaVersion > Number(ctx.db.pragma('user_version', { simple: true }))) {
    throw new DomainError('conflict', "Cette sauvegarde vient d'une version plus récente de Feuillet : mettez Feuillet à jour avant de la restaurer.");
  }
  writeFileAtomic(join(ctx.dataDir, RESTORE_MARKER), JSON.stringify({ fileName, requestedAt: ctx.clock.nowIso() }));
  recordAudit(ctx.db, ctx.clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, 'restore-requested', null, { fileName });
  return check;
}

/** The backup a restore was asked for, or null. */
export function pendingRestore(dataDir: string): string | null {
  const marker = join(dataDir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  try {
    const name = String((JSON.parse(readFileSync(marker, 'utf8')) as { fileName?: unknown }).fileName ?? '');
    return BACKUP_NAME_RE.test(name) ? name : null;
  } catch {
    return null;
  }
}

export function cancelRestore(ctx: HandlerContext): void {
  const fileName = pendingRestore(ctx.dataDir);
  rmSync(join(ctx.dataDir, RESTORE_MARKER), { force: true });
  fsyncDir(ctx.dataDir);
  if (fileName) recordAudit(ctx.db, ctx.clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, 'restore-cancelled', null, { fileName });
}

export type RestoreOutcome = { restored: string; safetyCopy: string | null } | { failed: string; reason: string };

/** A copy of the current database before it is replaced; a raw copy when SQLite cannot read it (damaged). */
function safetyCopy(current: string, target: string): void {
  const temp = tempPathFor(target);
  try {
    copyClosedDatabase(current, temp);
  } catch {
    removeSqliteFile(temp);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(current + suffix)) {
        const part = tempPathFor(target + suffix);
        copyFileSync(current + suffix, part);
        commitTempFile(part, target + suffix);
      }
    }
    copyFileSync(current, temp);
  }
  commitTempFile(temp, target);
}

/**
 * Before the database is opened (and with the data folder locked): if a restore was asked for, keep a
 * copy of the current database (`…-avant-restauration.sqlite`), then put the backup in its place through
 * a temporary file and a rename. Never blocks the start: a restore that cannot be done is reported.
 */
export function applyPendingRestore(dataDir: string, nowIso: string): RestoreOutcome | null {
  const marker = join(dataDir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  const fileName = pendingRestore(dataDir);
  const source = fileName ? join(backupsDir(dataDir), fileName) : '';
  const failed = (reason: string): RestoreOutcome => {
    rmSync(marker, { force: true });
    return { failed: fileName ?? '?', reason };
  };
  if (!fileName || !existsSync(source)) return failed('sauvegarde introuvable');
  const check = inspectDatabaseFile(source);
  if (!check.ok) return failed(`sauvegarde abîmée (${check.integrity})`);
  const current = join(dataDir, DATABASE_FILE);
  let copy: string | null = null;
  try {
    if (existsSync(current)) {
      copy = backupFileName(nowIso, 'avant-restauration');
      safetyCopy(current, join(backupsDir(dataDir), copy));
    }
    const incoming = tempPathFor(current);
    copyFileSync(source, incoming);
    for (const leftover of [`${current}-wal`, `${current}-shm`]) rmSync(leftover, { force: true });
    commitTempFile(incoming, current);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
  rmSync(marker, { force: true });
  fsyncDir(dataDir);
  return { restored: fileName, safetyCopy: copy };
}
