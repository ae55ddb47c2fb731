/** Visits as the Actes tab and the API describe them (issue #7). Coefficients are decimals here, hundredths after. */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { id, isoDate, requiredText } from './common.ts';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from './french-errors.ts';
import { CATALOGUE_MAX_CHARS } from '../../cotation/catalogue-file.ts';

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-9;

export const VisitActInput = lazySchema(() => z.object({
  key: z
    .string()
    .max(60)
    .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_MESSAGE)
    .nullable()
    .optional(),
  code: z.string().trim().toUpperCase().regex(/^[A-Z]{1,4}$/, 'Code de l’acte : 1 à 4 lettres (AMI, AIS, IFD…).'),
  coefficient: z
    .number({ error: 'Coefficient obligatoire.' })
    .min(0.01, 'Le coefficient doit être au moins 0,01.')
    .max(100, 'Coefficient trop élevé (100 au maximum).')
    .refine(twoDecimals, 'Coefficient : deux décimales au maximum.')
    .default(1),
  session: z.union([z.literal(1), z.literal(2)]).optional(),
}));

export const VisitInput = lazySchema(() => z.object({
  date: isoDate('Date de la visite'),
  time: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Heure : au format hh:mm (par exemple 07:30).')
    .nullable()
    .default(null),
  callTime: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Heure de l'appel : au format hh:mm (par exemple 19:45).")
    .nullable()
    .default(null),
  place: z.enum(['cabinet', 'domicile'], { error: 'Lieu : cabinet ou domicile.' }).default('cabinet'),
  householdRank: z.number().int('Rang dans le foyer : un nombre entier.').min(1, 'Rang dans le foyer : 1 au minimum.').max(20).default(1),
  distanceKm: z
    .number({ error: 'Distance : un nombre de km.' })
    .min(0, 'La distance ne peut pas être négative.')
    .max(500, 'Distance trop grande (500 km au maximum).')
    .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, 'Distance : une décimale au maximum.')
    .nullable()
    .default(null),
  urgent: z.boolean().default(false),
  imperativePrescription: z.boolean().default(false),
  coordination: z.enum(['aucune', 'palliatif', 'pansement-complexe']).default('aucune'),
  twoSessionsJustified: z.boolean().default(false),
  r251Procedure: z.boolean().default(false),
  acts: z.array(VisitActInput).min(1, 'Ajoutez au moins un acte à la visite.').max(12, '12 actes au maximum par visite.'),
}));

export const CatalogueInput = lazySchema(() => z.object({ practitionerId: id }));
export const CatalogueByProfessionInput = lazySchema(() => z.object({ profession: z.enum(['infirmier', 'masseur-kinesitherapeute']) }));
export const FavouriteInput = lazySchema(() => z.object({ practitionerId: id, key: z.string().min(1).max(60), on: z.boolean() }));
export const ModelSaveInput = lazySchema(() => z.object({
  practitionerId: id,
  name: requiredText('Le nom du modèle', 60),
  acts: z.array(VisitActInput).min(1, 'Un modèle contient au moins un acte.').max(12),
}));
export const ModelDeleteInput = lazySchema(() => z.object({ practitionerId: id, id }));

/** A catalogue update file's text (Réglages → Tarifs → « Importer une mise à jour »), parsed and checked by the handler. */
export const CatalogueUpdateInput = lazySchema(() => z.object({
  content: z
    .string({ error: 'Choisissez un fichier de catalogue.' })
    .min(1, 'Le fichier choisi est vide.')
    .max(CATALOGUE_MAX_CHARS, 'Le fichier choisi est trop volumineux pour un catalogue NGAP.'),
}));

export const CatalogueApplyInput = lazySchema(() => CatalogueUpdateInput.extend({
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'Somme de contrôle de l’aperçu manquante : ouvrez de nouveau le fichier.'),
}));
