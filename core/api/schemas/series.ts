/** Care series, planned visits, the round and billing a period (issue 15). */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { id, isoDate, optionalText, requiredText } from './common.ts';
import { VisitActInput } from './cotation.ts';

const hour = (label: string) => z.string({ error: `${label} : au format hh:mm.` }).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, `${label} : au format hh:mm (par exemple 07:30).`);

const FrequencyInput = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily') }),
  z.object({ kind: z.literal('every-other-day') }),
  z.object({
    kind: z.literal('weekdays'),
    days: z.array(z.number().int('Jour de la semaine invalide.').min(0, 'Jour de la semaine invalide.').max(6, 'Jour de la semaine invalide.')).max(7, 'Jour de la semaine invalide.'),
  }),
], { error: 'Fréquence : chaque jour, tous les 2 jours ou certains jours de la semaine.' }));

/** The rhythm of a series, as typed at creation and when it is changed (the start stays the series'). */
const ruleFields = () => ({
  frequency: FrequencyInput,
  /** The hours of each day's visits; more than 4 is refused by the rule with its own message. */
  times: z.array(hour('Heure de passage')).min(1, 'Indiquez au moins une heure de passage.').max(4, 'Plus de 4 passages par jour : 4 au maximum.'),
  end: isoDate('Fin des soins').nullable().default(null),
  count: z
    .number({ error: 'Nombre de séances : un nombre entier.' })
    .int('Nombre de séances : un nombre entier.')
    .min(1, 'Nombre de séances : au moins 1.')
    .max(1464, 'Nombre de séances : 1 464 au maximum.')
    .nullable()
    .default(null),
  includeSundays: z.boolean().default(true),
  includeHolidays: z.boolean().default(true),
});

export const SeriesCreateInput = lazySchema(() => {
  const { frequency, times, ...rest } = ruleFields();
  return z.object({
    prescriptionId: id,
    practitionerId: id,
    label: optionalText(120),
    place: z.enum(['cabinet', 'domicile'], { error: 'Lieu : cabinet ou domicile.' }).default('domicile'),
    acts: z.array(VisitActInput).min(1, 'Ajoutez au moins un acte à la série.').max(12, '12 actes au maximum par visite.'),
    frequency,
    times,
    start: isoDate('Début des soins'),
    ...rest,
    imperativePrescription: z.boolean().default(false),
    treatmentStart: isoDate('Début du traitement').nullable().default(null),
    priorAgreementDate: isoDate("Date de l'accord préalable").nullable().default(null),
  });
});

/** A series' rhythm changed: the visits still to come (from today, planned, by the rule) are planned again. */
export const SeriesRuleInput = lazySchema(() => z.object({ id, ...ruleFields() }));

export const SeriesByPatientInput = lazySchema(() => z.object({ patientId: id }));

export const PlannedVisitInput = lazySchema(() => z.discriminatedUnion('action', [
  z.object({ action: z.literal('move'), visitId: id, date: isoDate('Nouvelle date'), time: hour('Heure').nullable().default(null) }),
  z.object({ action: z.literal('done'), visitId: id, practitionerId: id, time: hour('Heure réelle') }),
  z.object({ action: z.literal('not-done'), visitId: id, practitionerId: id, reason: requiredText('Le motif', 200) }),
  z.object({ action: z.literal('skip'), visitId: id, reason: optionalText(200) }),
  z.object({ action: z.literal('reopen'), visitId: id, practitionerId: id }),
  /** The visit goes to another practitioner's round (the replacement nurse), planned and unbilled only. */
  z.object({ action: z.literal('reassign'), visitId: id, practitionerId: id }),
], { error: 'Action inconnue sur la visite.' }));

export const PlannedVisitAddInput = lazySchema(() => z.object({
  seriesId: id,
  /** Who does it: the current practitioner on the round (a replacement bills under her own name). */
  practitionerId: id,
  date: isoDate('Date de la visite'),
  time: hour('Heure').nullable().default(null),
}));

/** « Ajouter une visite » on the round for a patient without a series: the visit's acts from one of their prescriptions. */
export const RoundVisitAddInput = lazySchema(() => z.object({
  practitionerId: id,
  prescriptionId: id,
  date: isoDate('Date de la visite'),
  time: hour('Heure'),
  place: z.enum(['cabinet', 'domicile'], { error: 'Lieu : cabinet ou domicile.' }).default('domicile'),
  acts: z.array(VisitActInput).min(1, 'Ajoutez au moins un acte à la visite.').max(12, '12 actes au maximum par visite.'),
}));

export const RoundInput = lazySchema(() => z.object({ practitionerId: id, date: isoDate('Jour de la tournée') }));

export const BillPeriodInput = lazySchema(() => z.object({
  practitionerId: id,
  /** One patient, or null for every patient of the practitioner. */
  patientId: id.nullable().default(null),
  from: isoDate('Début de la période'),
  to: isoDate('Fin de la période'),
}));

export const PrintPeriodInput = lazySchema(() => z.object({
  invoiceIds: z.array(id).min(1, 'Aucune feuille à imprimer.').max(500, '500 factures au maximum par impression.'),
  confirmWarnings: z.boolean().default(false),
  confirmOutsideRights: z.boolean().default(false),
}));

export const TravelInput = lazySchema(() => z.object({
  patientId: id,
  distanceKm: z
    .number({ error: 'Distance : un nombre de km.' })
    .min(0, 'La distance ne peut pas être négative.')
    .max(500, 'Distance trop grande (500 km au maximum).')
    .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, 'Distance : une décimale au maximum.')
    .nullable(),
}));

/** The bridge takes bodies up to 1 MB: the screen shrinks photos to fit; a PDF scan must be under 700 KB. */
export const MAX_ATTACHMENT_BYTES = 700_000;

export const AttachmentAddInput = lazySchema(() => z.object({
  patientId: id,
  prescriptionId: id.nullable().default(null),
  kind: z.enum(['ordonnance', 'attestation-ame', 'autre'], { error: 'Type de pièce : ordonnance, attestation AME ou autre.' }),
  fileName: requiredText('Le nom du fichier', 120),
  mime: z.enum(['application/pdf', 'image/jpeg', 'image/png'], { error: 'Format accepté : PDF, JPEG ou PNG.' }),
  contentBase64: z
    .string({ error: 'Fichier manquant.' })
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'Fichier trop lourd : 700 Ko au maximum (réduisez la résolution du scan).')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Fichier illisible.'),
}));
