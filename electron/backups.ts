/**
 * Backups of the practice's database in <dataDir>/sauvegardes: one a day automatically at start-up,
 * one on demand, those of the newest KEEP_BACKUPS dates written inside them kept; each checked before it
 * counts. A restore is checked and staged while the app runs and applied at the next start, before the
 * database is opened, after a safety copy; if the restored file does not open, the previous one goes back.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/api/result.ts';
import type { BackupInfo } from '../core/domain/types.ts';
import { backupDatabase, copyClosedDatabase, inspectDatabaseFile, inspectDatabaseFileOffThread, readBackupStamp, type BackupStamp, type DatabaseFileCheck } from '../db/backup.ts';
import { checkBackupCandidate, type CandidateCheck } from '../db/backup-candidate.ts';
import { loadMigrations } from '../db/migrate.ts';
import { recordAudit } from '../db/audit-repo.ts';
import type { HandlerContext } from './context.ts';
import { diskFullError, freeBytes } from './disk-space.ts';
import { commitTempFile, ensurePrivateDir, fsyncDir, fsyncFileInBackground, removeTempLeftovers, tempPathFor, writeFileAtomic } from './durable-files.ts';
import { BACKUP_NAME_RE, BACKUPS_FOLDER, DATABASE_FILE, ENCRYPTED_NAME_RE, RESTORE_MARKER, RESTORE_STAGED } from './paths.ts';

export const KEEP_BACKUPS = 30;

const backupsDir = (dataDir: string) => join(dataDir, BACKUPS_FOLDER);

/** `2026-11-25T09:30:12.345Z` → `feuillet-2026-11-25-093012[-suffix].sqlite`. */
export function backupFileName(nowIso: string, suffix?: string): string {
  const stamp = `${nowIso.slice(0, 10)}-${nowIso.slice(11, 19).replace(/:/g, '')}`;
  return `feuillet-${stamp}${suffix ? `-${suffix}` : ''}.sqlite`;
}

function nameDateOf(fileName: string): string {
  const m = /^feuillet-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})/.exec(fileName)!;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z`;
}

/** `…-090000-2.sqlite` is the second backup of that second. */
const sequenceOf = (fileName: string): number => Number(/^feuillet-\d{4}-\d{2}-\d{2}-\d{6}-(\d+)\.sqlite$/.exec(fileName)?.[1] ?? 1);

/** Audit entries about the database as a whole (backups, restores) are filed under this entity and id. */
export const DATABASE_AUDIT = { entity: 'database', id: 1 } as const;

/** A date written inside a file more than this after now is not believed (clocks drift a little). */
const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/** Stamps already read, by file name, size and modification time (a listing does not reopen 30 files). */
const stampCache = new Map<string, { sig: string; stamp: BackupStamp | null }>();
function stampOf(file: string, size: number, mtimeMs: number): BackupStamp | null {
  const sig = `${size}:${mtimeMs}`;
  const known = stampCache.get(file);
  if (known?.sig === sig) return known.stamp;
  const stamp = readBackupStamp(file);
  stampCache.set(file, { sig, stamp });
  return stamp;
}

interface ListedBackup extends BackupInfo {
  /** The date written inside the file, when there is one and it is not in the future. */
  realDate: string | null;
}

function listWithDates(dataDir: string, nowIso: string): ListedBackup[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const future = new Date(Date.parse(nowIso) + FUTURE_TOLERANCE_MS).toISOString();
  return readdirSync(dir)
    .filter((f) => BACKUP_NAME_RE.test(f))
    .map((fileName): ListedBackup => {
      const st = statSync(join(dir, fileName));
      const stamp = stampOf(join(dir, fileName), st.size, st.mtimeMs);
      const createdAt = stamp?.madeAt ?? nameDateOf(fileName);
      const inFuture = createdAt > future;
      const doubt = inFuture
        ? `daté du ${frenchDate(createdAt)}, dans le futur : date non fiable`
        : stamp
          ? null
          : "sans date inscrite à l'intérieur (version antérieure de Feuillet, ou fichier copié à la main)";
      return {
        fileName,
        createdAt,
        sizeBytes: st.size,
        beforeRestore: stamp?.kind === 'avant-restauration' || fileName.endsWith('-avant-restauration.sqlite'),
        doubt,
        realDate: stamp && !inFuture ? stamp.madeAt : null,
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || sequenceOf(b.fileName) - sequenceOf(a.fileName));
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Newest first, by the date written inside each file (see `doubt` for the files whose date is not trusted). */
export function listBackups(dataDir: string, nowIso = new Date().toISOString()): BackupInfo[] {
  return listWithDates(dataDir, nowIso).map(({ realDate: _, ...info }) => info);
}

/**
 * Keeps the backups of the newest `keep` dates written inside the files (copies of one backup share its
 * date, so copies never push real backups out). Never deleted: the backup just made, the one a pending
 * restore comes from, the copies made before a restore, and any file whose date is not trusted (no date
 * inside, or a date in the future: reported on the Sauvegardes screen, left to the user).
 */
export function pruneBackups(dataDir: string, nowIso: string, justMade: string | null, keep = KEEP_BACKUPS): string[] {
  const protectedNames = new Set([justMade, pendingRestore(dataDir)]);
  const real = listWithDates(dataDir, nowIso).filter((b) => b.realDate !== null && !b.beforeRestore);
  const keptDates = [...new Set(real.map((b) => b.realDate!))].sort().reverse().slice(0, keep);
  const removed = real.filter((b) => !keptDates.includes(b.realDate!) && !protectedNames.has(b.fileName)).map((b) => b.fileName);
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
  // A backup is about the size of the database: refused before a byte is written when it cannot fit.
  const free = freeBytes(ctx.dataDir);
  if (free !== null && free < databaseBytes(ctx.dataDir) + 1024 * 1024) {
    const full = diskFullError(ctx.dataDir);
    throw new DomainError(full.code, full.message_fr.replace('l’opération n’a pas été enregistrée', 'la sauvegarde n’y tiendrait pas, elle n’a pas été faite'));
  }
  let fileName = backupFileName(ctx.clock.nowIso());
  for (let n = 2; existsSync(join(dir, fileName)); n++) fileName = backupFileName(ctx.clock.nowIso(), String(n));
  const file = join(dir, fileName);
  const temp = tempPathFor(file);
  let check: DatabaseFileCheck;
  try {
    await backupDatabase(ctx.db, temp, { madeAt: ctx.clock.nowIso(), kind, appVersion: ctx.appVersion });
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
  pruneBackups(ctx.dataDir, ctx.clock.nowIso(), fileName);
  return { ...listBackups(ctx.dataDir, ctx.clock.nowIso()).find((b) => b.fileName === fileName)!, check };
}

/** Bytes of the live database, its WAL included. */
function databaseBytes(dataDir: string): number {
  const file = join(dataDir, DATABASE_FILE);
  return [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
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
  const hasToday = listBackups(ctx.dataDir, ctx.clock.nowIso()).some((b) => !b.beforeRestore && !b.doubt && ctx.clock.dateOf(b.createdAt) === today);
  return hasToday ? null : createBackup(ctx, 'quotidienne');
}

/**
 * « Restaurer »: the file is checked now, off the main thread (db/backup-candidate.ts), and a copy of it
 * migrated to this version is staged in the data folder; the next start puts that staged copy in place.
 * The file in `sauvegardes/` is not read again: what is restored is exactly what was checked.
 */
export async function requestRestore(ctx: HandlerContext, fileName: string, opts: { timeLimitMs?: number } = {}): Promise<CandidateCheck & { ok: true }> {
  const file = join(backupsDir(ctx.dataDir), fileName);
  if (!BACKUP_NAME_RE.test(fileName) || !existsSync(file)) throw new DomainError('not-found', 'Sauvegarde introuvable.');
  return stageRestore(ctx, file, fileName, opts);
}

/** Checks `file` and stages it for the next start under the name shown to the user. */
export async function stageRestore(ctx: HandlerContext, file: string, shownName: string, opts: { timeLimitMs?: number } = {}): Promise<CandidateCheck & { ok: true }> {
  const staged = join(ctx.dataDir, RESTORE_STAGED);
  const temp = tempPathFor(staged);
  const check = await checkBackupCandidate(file, temp, loadMigrations(ctx.migrationsDir), opts);
  if (!check.ok) throw new DomainError('conflict', check.reason_fr);
  try {
    commitTempFile(temp, staged);
    writeFileAtomic(join(ctx.dataDir, RESTORE_MARKER), JSON.stringify({ fileName: shownName, requestedAt: ctx.clock.nowIso() }));
  } catch (err) {
    removeSqliteFile(temp);
    throw err;
  }
  recordAudit(ctx.db, ctx.clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, 'restore-requested', null, { fileName: shownName });
  return check;
}

/** The backup a restore was asked for, or null. */
export function pendingRestore(dataDir: string): string | null {
  const marker = join(dataDir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  try {
    const name = String((JSON.parse(readFileSync(marker, 'utf8')) as { fileName?: unknown }).fileName ?? '');
    return BACKUP_NAME_RE.test(name) || ENCRYPTED_NAME_RE.test(name) ? name : null;
  } catch {
    return null;
  }
}

export function cancelRestore(ctx: HandlerContext): void {
  const fileName = pendingRestore(ctx.dataDir);
  rmSync(join(ctx.dataDir, RESTORE_MARKER), { force: true });
  removeSqliteFile(join(ctx.dataDir, RESTORE_STAGED));
  fsyncDir(ctx.dataDir);
  if (fileName) recordAudit(ctx.db, ctx.clock.nowIso(), DATABASE_AUDIT.entity, DATABASE_AUDIT.id, 'restore-cancelled', null, { fileName });
}

export type RestoreOutcome = { restored: string; safetyCopy: string | null } | { failed: string; reason: string };

/** A copy of the current database before it is replaced; a raw copy when SQLite cannot read it (damaged). */
function safetyCopy(current: string, target: string, nowIso: string): void {
  const temp = tempPathFor(target);
  try {
    copyClosedDatabase(current, temp, { madeAt: nowIso, kind: 'avant-restauration', appVersion: 'restauration' });
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
 * copy of the current database (`…-avant-restauration.sqlite`), then put the staged copy in its place by
 * a rename. Never blocks the start: a restore that cannot be done is reported. If the restored database
 * then fails to open, `rollBackRestore` puts the previous one back.
 */
export function applyPendingRestore(dataDir: string, nowIso: string): RestoreOutcome | null {
  const marker = join(dataDir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  const fileName = pendingRestore(dataDir);
  const staged = join(dataDir, RESTORE_STAGED);
  const failed = (reason: string): RestoreOutcome => {
    rmSync(marker, { force: true });
    removeSqliteFile(staged);
    return { failed: fileName ?? '?', reason };
  };
  if (!fileName || !existsSync(staged)) return failed('sauvegarde introuvable (demandez à nouveau la restauration)');
  const check = inspectDatabaseFile(staged);
  if (!check.ok) return failed(`sauvegarde abîmée (${check.integrity})`);
  const current = join(dataDir, DATABASE_FILE);
  let copy: string | null = null;
  try {
    if (existsSync(current)) {
      copy = backupFileName(nowIso, 'avant-restauration');
      ensurePrivateDir(backupsDir(dataDir));
      safetyCopy(current, join(backupsDir(dataDir), copy), nowIso);
    }
    for (const leftover of [`${current}-wal`, `${current}-shm`]) rmSync(leftover, { force: true });
    commitTempFile(staged, current);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
  rmSync(marker, { force: true });
  fsyncDir(dataDir);
  return { restored: fileName, safetyCopy: copy };
}

/**
 * The restored database could not be opened: the copy made just before (`safetyCopy`) goes back in its
 * place (with its -wal when it was a raw copy), or the folder starts empty if there was no database.
 */
export function rollBackRestore(dataDir: string, outcome: { restored: string; safetyCopy: string | null }, error: unknown): RestoreOutcome {
  const current = join(dataDir, DATABASE_FILE);
  removeSqliteFile(current);
  if (outcome.safetyCopy) {
    const copy = join(backupsDir(dataDir), outcome.safetyCopy);
    for (const suffix of ['-wal', '']) {
      if (!existsSync(copy + suffix)) continue;
      const temp = tempPathFor(current + suffix);
      copyFileSync(copy + suffix, temp);
      commitTempFile(temp, current + suffix);
    }
  }
  fsyncDir(dataDir);
  const message = error instanceof Error ? error.message : String(error);
  return { failed: outcome.restored, reason: `la sauvegarde restaurée n'a pas pu s'ouvrir (${message.slice(0, 200)}) : la base précédente a été remise en place` };
}
