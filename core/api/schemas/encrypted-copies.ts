import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { BACKUP_NAME_RE, ENCRYPTED_NAME_RE } from '../../domain/backup-names.ts';

/**
 * A passphrase for an encrypted copy: long enough to resist guessing offline (age's advice: at least 8–10
 * random characters, or 4–5 random words). Never stored, never written in the audit log.
 */
const passphrase = z
  .string({ error: 'La phrase de passe est obligatoire.' })
  .min(12, 'Phrase de passe trop courte : 12 caractères au moins (par exemple quatre mots au hasard).')
  .max(200, 'Phrase de passe trop longue : 200 caractères au maximum.');

export const EncryptCopyInput = lazySchema(() => z.object({
  fileName: z.string().regex(BACKUP_NAME_RE, 'Nom de sauvegarde invalide.'),
  passphrase,
}));

export const RestoreEncryptedInput = lazySchema(() => z.object({
  fileName: z.string().regex(ENCRYPTED_NAME_RE, 'Nom de copie chiffrée invalide.'),
  passphrase: z.string({ error: 'La phrase de passe est obligatoire.' }).min(1, 'La phrase de passe est obligatoire.').max(200, 'Phrase de passe trop longue : 200 caractères au maximum.'),
}));

/** A backup or an encrypted copy in the data folder's `sauvegardes/` (never a path). */
export const BackupOrCopyInput = lazySchema(() => z.object({
  fileName: z.string().refine((v) => BACKUP_NAME_RE.test(v) || ENCRYPTED_NAME_RE.test(v), 'Nom de sauvegarde invalide.'),
}));
