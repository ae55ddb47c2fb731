import { z } from 'zod';

/** The name of a backup in the data folder's `sauvegardes/` (never a path). */
export const BackupFileInput = z.object({
  fileName: z.string().regex(/^feuillet-\d{4}-\d{2}-\d{2}-\d{6}(-[a-z0-9-]{1,40})?\.sqlite$/, 'Nom de sauvegarde invalide.'),
});
