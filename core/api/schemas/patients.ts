import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { digits, id, isoDate, nir, optional, optionalText, patchOf, requiredText } from './common.ts';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from './french-errors.ts';

const patientFields = () => ({
  lastName: requiredText('Le nom de naissance', 80),
  usageName: optionalText(80),
  firstName: requiredText('Le prénom', 80),
  birthDate: isoDate('Date de naissance'),
  sex: z.enum(['F', 'M'], { error: 'Le sexe est obligatoire.' }),
  nir,
  birthRank: z.number().int().min(1, 'Rang de naissance : entre 1 et 9.').max(9, 'Rang de naissance : entre 1 et 9.').default(1),
  regime: optional(digits('Régime', 2)),
  caisse: optional(digits('Caisse', 3)),
  centre: optional(digits('Centre', 4)),
  quality: z.enum(['assure', 'ayant_droit']).default('assure'),
  insuredLastName: optionalText(80),
  insuredFirstName: optionalText(80),
  insuredNir: optional(nir),
  insuredBirthDate: optional(isoDate("Date de naissance de l'assuré")),
  addressLine: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(?:[0-9]{5})?$/, 'Code postal : 5 chiffres.')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  city: optionalText(80),
  phone: optionalText(30),
  notes: optionalText(2000, { multiline: true }),
});

const withInsuredRule = <T extends z.ZodType<{ quality: string; insuredLastName: string | null; insuredFirstName: string | null }>>(s: T) =>
  s.superRefine((p, ctx) => {
    if (p.quality === 'ayant_droit' && !p.insuredLastName) {
      ctx.addIssue({ code: 'custom', path: ['insuredLastName'], message: "Ayant droit : le nom de l'assuré est obligatoire." });
    }
    if (p.quality === 'ayant_droit' && !p.insuredFirstName) {
      ctx.addIssue({ code: 'custom', path: ['insuredFirstName'], message: "Ayant droit : le prénom de l'assuré est obligatoire." });
    }
  });

export const PatientInput = lazySchema(() => withInsuredRule(z.object(patientFields())));
export type PatientInput = z.input<typeof PatientInput>;

/** Fields left out keep their stored value (the merged patient is checked whole by the handler). */
export const PatientUpdateInput = lazySchema(() => z.object({ id, patient: patchOf(patientFields()) }));
export const PatientSearchInput = lazySchema(() => z.object({
  query: z.string().max(100).default(''),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
}));

/** Code contrat of a coverage: a single digit is written with two (« 4 » → « 04 », the AME codes 04/05/06). */
const contractCode = lazySchema(() => optionalText(10).transform((v) => (v !== null && /^[0-9]$/.test(v) ? `0${v}` : v)));

export const CoverageInput = lazySchema(() => z
  .object({
    patientId: id,
    organismId: id,
    startDate: isoDate('Début des droits'),
    endDate: isoDate('Fin des droits'),
    contractCode,
    /** The AME attestation's number (printed on the feuille). */
    attestationNumber: optionalText(30),
  })
  .superRefine((c, ctx) => {
    if (c.endDate < c.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La fin des droits ne peut pas précéder leur début.' });
    }
  }));

export const CoverageUpdateInput = lazySchema(() => z.object({
  id,
  startDate: isoDate('Début des droits'),
  endDate: isoDate('Fin des droits'),
  /** Omitted: unchanged. */
  contractCode: contractCode.optional(),
  /** Omitted: unchanged (the dates dialog does not show it). */
  attestationNumber: z
    .string()
    .max(30, '30 caractères au maximum.')
    .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_MESSAGE)
    .transform((v) => v.trim())
    .optional(),
}).superRefine((c, ctx) => {
  if (c.endDate < c.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La fin des droits ne peut pas précéder leur début.' });
  }
}));

export const OrganismInput = lazySchema(() => z.object({
  number: digits("Numéro d'organisme", [8, 10]).transform((v) => v.padStart(10, '0')),
  name: requiredText("Le nom de l'organisme", 80),
}));
