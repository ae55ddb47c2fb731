import { join } from 'node:path';
import { DomainError } from '../../core/api/result.ts';
import type { BackupsState } from '../../core/api/contract.ts';
import { latestAudit } from '../../db/audit-repo.ts';
import { rmSync } from 'node:fs';
import { cancelRestore, createBackup, DATABASE_AUDIT, listBackups, pendingRestore, requestRestore, stageRestore } from '../backups.ts';
import { decryptEncryptedCopy, exportEncryptedCopy, listEncryptedCopies } from '../encrypted-copies.ts';
import type { HandlerContext } from '../context.ts';
import { BACKUPS_FOLDER } from '../paths.ts';
import { lowSpaceWarning } from '../disk-space.ts';
import type { AreaHandlers } from './types.ts';

/** The last restore the start-up applied or could not apply, from the audit log. */
function lastRestore(ctx: HandlerContext): BackupsState['lastRestore'] {
  const entry = latestAudit(ctx.db, DATABASE_AUDIT.entity, DATABASE_AUDIT.id, ['restored', 'restore-failed']);
  if (!entry) return null;
  const after = entry.after as { restored?: string; failed?: string; reason?: string };
  return { at: entry.at, fileName: after.restored ?? after.failed ?? '', ok: entry.action === 'restored', reason: after.reason ?? null };
}

export const backupHandlers: AreaHandlers<
  'backups/list' | 'backups/create' | 'backups/present' | 'backups/restore' | 'backups/cancel-restore' | 'backups/encrypt' | 'backups/restore-encrypted'
> = {
  'backups/list': (_input, ctx) => ({
    folder: join(ctx.dataDir, BACKUPS_FOLDER),
    backups: listBackups(ctx.dataDir, ctx.clock.nowIso()),
    encryptedCopies: listEncryptedCopies(ctx),
    pendingRestore: pendingRestore(ctx.dataDir),
    lastRestore: lastRestore(ctx),
  }),

  'backups/create': async (_input, ctx) => {
    const { check, ...info } = await createBackup(ctx, 'manuelle');
    return { ...info, patients: check.patients, invoices: check.invoices, warning: lowSpaceWarning(ctx.dataDir) };
  },

  'backups/present': ({ fileName }, ctx) => {
    const known = [...listBackups(ctx.dataDir, ctx.clock.nowIso()), ...listEncryptedCopies(ctx)].some((b) => b.fileName === fileName);
    if (!known) throw new DomainError('not-found', 'Sauvegarde introuvable.');
    return ctx.presentBackup(join(ctx.dataDir, BACKUPS_FOLDER, fileName), fileName);
  },

  'backups/restore': async ({ fileName }, ctx) => {
    const check = await requestRestore(ctx, fileName);
    return { patients: check.patients, invoices: check.invoices };
  },

  'backups/cancel-restore': (_input, ctx) => {
    cancelRestore(ctx);
    return { cancelled: true as const };
  },

  'backups/encrypt': ({ fileName, passphrase }, ctx) => exportEncryptedCopy(ctx, fileName, passphrase),

  'backups/restore-encrypted': async ({ fileName, passphrase }, ctx) => {
    const plain = await decryptEncryptedCopy(ctx, fileName, passphrase);
    try {
      const check = await stageRestore(ctx, plain, fileName);
      return { patients: check.patients, invoices: check.invoices };
    } finally {
      rmSync(plain, { force: true });
    }
  },
};
