import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { BACKUP_NAME_RE } from '../../domain/backup-names.ts';

/** The name of a backup in the data folder's `sauvegardes/` (never a path). */
export const BackupFileInput = lazySchema(() => z.object({
  fileName: z.string().regex(BACKUP_NAME_RE, 'Nom de sauvegarde invalide.'),
}));
