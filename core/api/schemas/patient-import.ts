import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IMPORT_FIELDS, type ImportField } from '../../domain/patient-import.ts';

/** A file chosen by the user, sent whole (10 MB at most once decoded). */
const importFile = () => ({
  fileName: z.string().min(1, 'Choisissez un fichier.').max(200, 'Nom de fichier trop long.'),
  contentBase64: z.string().min(1, 'Le fichier est vide.').max(14_000_000, 'Fichier trop gros : 10 Mo au maximum.').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Fichier illisible.'),
});

export const ImportPreviewInput = lazySchema(() => z.object(importFile()));

const column = z.number().int().min(0).max(500);
export const ImportRunInput = lazySchema(() => z.object({
  ...importFile(),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS.map((f) => f.key) as [ImportField, ...ImportField[]]), column),
}));
