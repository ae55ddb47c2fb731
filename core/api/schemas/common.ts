import * as z from 'zod';
import { isValidIsoDate } from '../../domain/dates.ts';
import { checkNir, nirProblemMessage } from '../../domain/nir.ts';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, installFrenchErrors } from './french-errors.ts';

installFrenchErrors();

/** A row id: a positive whole number. */
export const id = z
  .number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'Identifiant manquant.' : 'Identifiant invalide : nombre entier positif attendu.') })
  .int('Identifiant invalide : nombre entier positif attendu.')
  .positive('Identifiant invalide : nombre entier positif attendu.')
  .max(Number.MAX_SAFE_INTEGER, 'Identifiant invalide : nombre entier positif attendu.');

/** ISO date that must exist in the calendar; the message names the field in French. */
export const isoDate = (label: string) =>
  z.string({ error: `${label} : date obligatoire.` }).superRefine((v, ctx) => {
    if (v.trim() === '') ctx.addIssue({ code: 'custom', message: `${label} : date obligatoire.` });
    else if (!isValidIsoDate(v)) ctx.addIssue({ code: 'custom', message: `${label} : date invalide (jj/mm/aaaa attendu, date réelle).` });
  });

/** Optional free text: trimmed, empty becomes null; no control characters (`multiline` allows line breaks and tabs). */
export const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  z
    .string()
    .max(max, `${max} caractères au maximum.`)
    .refine((v) => !hasControlCharacters(v, opts.multiline), CONTROL_CHARACTERS_MESSAGE)
    .transform((v) => (v.trim() === '' ? null : v.trim()))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** Required one-line text (names, reasons): trimmed, no control characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} est obligatoire.` })
    // Checked before trimming: trim() would silently drop a leading BOM or a trailing U+2028.
    .refine((v) => !hasControlCharacters(v), `${label} : ${CONTROL_CHARACTERS_MESSAGE.charAt(0).toLowerCase()}${CONTROL_CHARACTERS_MESSAGE.slice(1)}`)
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} : ${max} caractères au maximum.`);

/** NIR or NIA: spaces allowed on input; stored normalised (15 characters). */
export const nir = z
  .string({ error: 'Le NIR ou NIA est obligatoire.' })
  .transform((v, ctx) => {
    const result = checkNir(v);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: nirProblemMessage(result.problem) });
      return z.NEVER;
    }
    return result.nir.normalized;
  });

export const digits = (label: string, length: number | [number, number]) => {
  const [min, max] = typeof length === 'number' ? [length, length] : length;
  const text = min === max ? `${min} chiffres` : `${min} à ${max} chiffres`;
  // Typed as printed (`75 6 12345 6`): spaces are not part of the number.
  return z
    .string()
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(new RegExp(`^[0-9]{${min},${max}}$`), `${label} : ${text} attendus.`));
};

/** Optional field: a form's empty string (or whitespace) means "not given" → null, then `schema` applies. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.string().regex(/^\s*$/).transform(() => null), schema])
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/**
 * The patch form of an object's fields (update methods, issue #19 item 6): every field optional and no
 * default applied, so a field the caller leaves out is absent from the parsed patch and keeps its stored
 * value. The handler merges the patch over the stored record and checks the whole with the full schema.
 */
export function patchOf<T extends z.ZodRawShape>(shape: T): z.ZodObject<{ [K in keyof T]: z.ZodOptional<T[K]> }> {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, ((s instanceof z.ZodDefault ? s.unwrap() : s) as z.ZodType).optional()]));
  return z.object(fields) as never;
}
