/**
 * Backups of the practice's database in <dataDir>/sauvegardes: one a day automatically at start-up,
 * one on demand, the newest KEEP_BACKUPS kept; each checked before it counts. A restore is asked for
 * while the app runs and applied at the next start, before the database is opened, after a safety copy.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/api/result.ts';
import type { BackupInfo } from '../core/domain/types.ts';
import { backupDatabase, copyClosedDatabase, inspectDatabaseFile, type DatabaseFileCheck } from '../db/backup.ts';
import { recordAudit } from '../db/audit-repo.ts';
import type { HandlerContext } from './context.ts';
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

/** Keeps the newest `keep` backups; older ones are deleted. */
export function pruneBackups(dataDir: string, keep = KEEP_BACKUPS): string[] {
  const removed = listBackups(dataDir).slice(keep).map((b) => b.fileName);
  for (const name of removed) rmSync(join(backupsDir(dataDir), name), { force: true });
  return removed;
}

/** Writes a backup, checks it, keeps it only if sound. */
export async function createBackup(ctx: HandlerContext, kind: 'manuelle' | 'quotidienne'): Promise<BackupInfo & { check: DatabaseFileCheck }> {
  const dir = backupsDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true });
  let fileName = backupFileName(ctx.clock.nowIso());
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = backupFileName(ctx.clock.nowIso(), String(n));
  const file = join(dir, fileName);
  await backupDatabase(ctx.db, file);
  const check = inspectDatabaseFile(file);
  if (!check.ok) {
    rmSync(file, { force: true });
    throw new DomainError('internal', `La sauvegarde n'a pas pu être vérifiée (${check.integrity}) : elle n'a pas été gardée. Réessayez ; si cela se reproduit, contactez le support.`);
  }
  recordAudit(ctx.db, ctx.clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, `backup-${kind}`, null, { fileName, patients: check.patients, invoices: check.invoices });
  pruneBackups(ctx.dataDir);
  return { ...listBackups(ctx.dataDir).find((b) => b.fileName === fileName)!, check };
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
  writeFileSync(join(ctx.dataDir, RESTORE_MARKER), JSON.stringify({ fileName, requestedAt: ctx.clock.nowIso() }));
  recordAudit(ctx.db, ctx.clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, 'restore-requested', null, { fileName });
  return check;
}

/**
 * Before the database is opened: if a restore was asked for, keep a copy of the current database
 * (`…-avant-restauration.sqlite`), then put the backup in its place. Returns what was restored.
 */
export function applyPendingRestore(dataDir: string, nowIso: string): { restored: string; safetyCopy: string | null } | null {
  const marker = join(dataDir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  let fileName: string;
  try {
    fileName = String((JSON.parse(readFileSync(marker, 'utf8')) as { fileName?: unknown }).fileName ?? '');
  } catch {
    fileName = '';
  }
  rmSync(marker, { force: true });
  const source = join(backupsDir(dataDir), fileName);
  if (!BACKUP_NAME_RE.test(fileName) || !existsSync(source) || !inspectDatabaseFile(source).ok) return null;
  const current = join(dataDir, DATABASE_FILE);
  let safetyCopy: string | null = null;
  if (existsSync(current)) {
    safetyCopy = backupFileName(nowIso, 'avant-restauration');
    copyClosedDatabase(current, join(backupsDir(dataDir), safetyCopy));
  }
  for (const leftover of [`${current}-wal`, `${current}-shm`]) rmSync(leftover, { force: true });
  copyFileSync(source, current);
  return { restored: fileName, safetyCopy };
}
