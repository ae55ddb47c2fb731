import { join } from 'node:path';
import { DomainError } from '../../core/api/result.ts';
import { createBackup, listBackups, requestRestore } from '../backups.ts';
import { BACKUPS_FOLDER } from '../paths.ts';
import type { AreaHandlers } from './types.ts';

export const backupHandlers: AreaHandlers<'backups/list' | 'backups/create' | 'backups/present' | 'backups/restore'> = {
  'backups/list': (_input, ctx) => ({ folder: join(ctx.dataDir, BACKUPS_FOLDER), backups: listBackups(ctx.dataDir) }),

  'backups/create': async (_input, ctx) => {
    const { check, ...info } = await createBackup(ctx, 'manuelle');
    return { ...info, patients: check.patients, invoices: check.invoices };
  },

  'backups/present': ({ fileName }, ctx) => {
    if (!listBackups(ctx.dataDir).some((b) => b.fileName === fileName)) throw new DomainError('not-found', 'Sauvegarde introuvable.');
    return ctx.presentBackup(join(ctx.dataDir, BACKUPS_FOLDER, fileName), fileName);
  },

  'backups/restore': ({ fileName }, ctx) => {
    const check = requestRestore(ctx, fileName);
    return { patients: check.patients, invoices: check.invoices };
  },
};
