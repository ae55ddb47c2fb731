import { join } from 'node:path';
import { DomainError } from '../../core/api/result.ts';
import type { BackupsState } from '../../core/api/contract.ts';
import { latestAudit } from '../../db/audit-repo.ts';
import { cancelRestore, createBackup, DATABASE_AUDIT, listBackups, pendingRestore, requestRestore } from '../backups.ts';
import type { HandlerContext } from '../context.ts';
import { BACKUPS_FOLDER } from '../paths.ts';
import type { AreaHandlers } from './types.ts';

/** The last restore the start-up applied or could not apply, from the audit log. */
function lastRestore(ctx: HandlerContext): BackupsState['lastRestore'] {
  const entry = latestAudit(ctx.db, DATABASE_AUDIT.entity, DATABASE_AUDIT.id, ['restored', 'restore-failed']);
  if (!entry) return null;
  const after = entry.after as { restored?: string; failed?: string; reason?: string };
  return { at: entry.at, fileName: after.restored ?? after.failed ?? '', ok: entry.action === 'restored', reason: after.reason ?? null };
}

export const backupHandlers: AreaHandlers<'backups/list' | 'backups/create' | 'backups/present' | 'backups/restore' | 'backups/cancel-restore'> = {
  'backups/list': (_input, ctx) => ({
    folder: join(ctx.dataDir, BACKUPS_FOLDER),
    backups: listBackups(ctx.dataDir, ctx.clock.nowIso()),
    pendingRestore: pendingRestore(ctx.dataDir),
    lastRestore: lastRestore(ctx),
  }),

  'backups/create': async (_input, ctx) => {
    const { check, ...info } = await createBackup(ctx, 'manuelle');
    return { ...info, patients: check.patients, invoices: check.invoices };
  },

  'backups/present': ({ fileName }, ctx) => {
    if (!listBackups(ctx.dataDir).some((b) => b.fileName === fileName)) throw new DomainError('not-found', 'Sauvegarde introuvable.');
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
};
