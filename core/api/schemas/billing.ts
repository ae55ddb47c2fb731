import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { digits, id, isoDate, optionalText, patchOf, requiredText } from './common.ts';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from './french-errors.ts';
import { VisitInput } from './cotation.ts';

export const ProfessionSchema = lazySchema(() => z.enum(['infirmier', 'masseur-kinesitherapeute'], { error: 'Profession obligatoire.' }));
export const ExonerationSchema = lazySchema(() => z.enum(['aucune', 'ald', 'maternite', 'atmp', 'soins-particuliers']));

const ReplacedPractitionerInput = lazySchema(() => z.object({
  lastName: requiredText('Le nom du praticien remplacé', 80),
  firstName: requiredText('Le prénom du praticien remplacé', 80),
  amNumber: digits('N° de facturation du praticien remplacé', 9),
}));

const practitionerFields = () => ({
  profession: ProfessionSchema,
  lastName: requiredText('Le nom', 80),
  firstName: requiredText('Le prénom', 80),
  amNumber: digits('N° de facturation (identifiant AM)', 9),
  rpps: digits('RPPS', 11).nullable().optional().transform((v) => v ?? null),
  addressLine: requiredText("L'adresse du cabinet", 200),
  postalCode: z.string().trim().regex(/^[0-9]{5}$/, 'Code postal : 5 chiffres.'),
  city: requiredText('La ville', 80),
  phone: optionalText(30),
  ikZone: z.enum(['plaine', 'montagne', 'pied-ski']).default('plaine'),
  tariffZone: z.enum(['metropole', 'dom']).default('metropole'),
  /** Situation d'exercice printed on the feuille (CSS R161-42): a remplaçant names the replaced practitioner. */
  situation: z.enum(['titulaire', 'remplacant'], { error: "Situation d'exercice : titulaire ou remplaçant." }).default('titulaire'),
  replaced: ReplacedPractitionerInput.nullable().default(null),
});

export const PractitionerInput = lazySchema(() => z.object(practitionerFields()).superRefine((p, ctx) => {
  if (p.situation === 'remplacant' && p.replaced === null) {
    ctx.addIssue({ code: 'custom', path: ['replaced'], message: 'Remplaçant : indiquez le praticien remplacé (nom, prénom, n° de facturation).' });
  }
}).transform((p) => ({ ...p, replaced: p.situation === 'remplacant' ? p.replaced : null })));
/** Fields left out keep their stored value (the merged practitioner is checked whole by the handler). */
export const PractitionerUpdateInput = lazySchema(() => z.object({ id, practitioner: patchOf(practitionerFields()) }));

export const PrintLayoutSchema = lazySchema(() => z.enum(['plain', 'overlay'], { error: 'Impression : papier blanc ou formulaire CPAM.' }));

/** How the practitioner's feuilles print, and where the printer lands on the CPAM form (Réglages → Impression), in mm. */
export const PrintSettingsInput = lazySchema(() => z.object({
  practitionerId: id,
  layout: PrintLayoutSchema,
  xMm: z.number({ error: 'Décalage horizontal : nombre de millimètres.' }).min(-20, 'Décalage : 20 mm au maximum.').max(20, 'Décalage : 20 mm au maximum.'),
  yMm: z.number({ error: 'Décalage vertical : nombre de millimètres.' }).min(-20, 'Décalage : 20 mm au maximum.').max(20, 'Décalage : 20 mm au maximum.'),
}));

export const PrescriberInput = lazySchema(() => z.object({
  lastName: requiredText('Le nom du prescripteur', 80),
  firstName: requiredText('Le prénom du prescripteur', 80),
  identifier: digits('Identifiant du prescripteur (AM ou RPPS)', [9, 11]).refine(
    (v) => v.length === 9 || v.length === 11,
    'Identifiant du prescripteur : 9 chiffres (AM) ou 11 chiffres (RPPS).',
  ),
  specialty: optionalText(80),
}));

export const PrescriptionInput = lazySchema(() => z.object({
  patientId: id,
  prescriberId: id,
  prescriptionDate: isoDate('Date de prescription'),
  ame: z.boolean().default(false),
  exoneration: ExonerationSchema.default('aucune'),
  plannedActs: optionalText(500, { multiline: true }),
  /** Kiné: number of sessions prescribed (printed beside each session number). */
  sessionsPrescribed: z
    .number({ error: 'Nombre de séances : un nombre entier.' })
    .int('Nombre de séances : un nombre entier.')
    .min(1, 'Nombre de séances : au moins 1.')
    .max(200, 'Nombre de séances : 200 au maximum.')
    .nullable()
    .default(null),
  /** Whose prescription it is: a nurse's or a kiné's (issue #19 item 8). */
  profession: ProfessionSchema.nullable().default(null),
  /** Key letters picked from the catalogue (issue #19 item 9), kept beside the free text. */
  prescribedActs: z
    .array(z.string().trim().toUpperCase().regex(/^[A-Z]{1,4}$/, 'Acte prescrit : une lettre-clé de 1 à 4 lettres (AMI, AIS, AMK…).'))
    .max(20, '20 actes prescrits au maximum.')
    .default([])
    .transform((codes) => [...new Set(codes)]),
}));

/**
 * One act as typed at the desk. `coefficient` is a decimal as written on the prescription
 * (AMI 1.5, AMK 8.1); it is converted to hundredths by the handler.
 */
export const ActInput = lazySchema(() => z.object({
  actDate: isoDate("Date de l'acte"),
  code: z.string().trim().toUpperCase().min(1, "Code de l'acte obligatoire.").max(10),
  coefficient: z
    .number({ error: 'Coefficient obligatoire.' })
    .positive('Le coefficient doit être positif.')
    .max(100, 'Coefficient trop élevé (100 au maximum).')
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-9, 'Coefficient : deux décimales au maximum.')
    .default(1),
  quantity: z
    .number({ error: 'Quantité obligatoire.' })
    .int('La quantité doit être un nombre entier.')
    .min(1, 'La quantité doit être au moins 1.')
    .max(99, 'Quantité trop élevée (99 au maximum).'),
  /** 50 = the second act of a sitting at half rate (NGAP art. 11B), printed « AMI 1,5/2 ». */
  ratePercent: z.union([z.literal(100), z.literal(50)], { error: 'Taux : 100 % ou 50 %.' }).default(100),
}));

export const InvoiceCreateInput = lazySchema(() => z.object({
  practitionerId: id,
  patientId: id,
  prescriptionId: id.nullable().default(null),
}));

export const InvoiceUpdateDraftInput = lazySchema(() => z.object({
  invoiceId: id,
  /** Lines typed by hand (priced by tariff only). Ignored when `visits` is given; both left out: the acts stay. */
  lines: z.array(ActInput).max(60, '60 actes au maximum par facture.').optional(),
  /** Visits (issue #7): the cotation engine derives the lines, with their explanation and NGAP article. */
  visits: z.array(VisitInput).max(40, '40 visites au maximum par facture.').optional(),
  exoneration: ExonerationSchema.optional(),
  tiersPayantAmo: z.boolean().optional(),
}));

const optionalDate = (label: string) => isoDate(label).nullable().default(null);

const circumstanceFields = () => ({
  insuranceNature: z.enum(['maladie', 'maternite', 'atmp'], { error: "Nature de l'assurance : maladie, maternité ou AT/MP." }),
  atNumber: optionalText(20),
  atDate: optionalDate("Date de l'accident du travail"),
  thirdPartyAccident: z.boolean().default(false),
  accidentDate: optionalDate("Date de l'accident causé par un tiers"),
  priorAgreementDate: optionalDate("Date de la demande d'entente préalable"),
});

/** The boxes of the feuille the desk fills per invoice (CSS R161-42, arrêté of 9 Apr 1998), checked whole. */
export const InvoiceCircumstances = lazySchema(() => z
  .object(circumstanceFields())
  .superRefine((c, ctx) => {
    if (c.insuranceNature === 'atmp' && c.atNumber === null && c.atDate === null) {
      ctx.addIssue({ code: 'custom', path: ['atNumber'], message: "Accident du travail / maladie professionnelle : indiquez le numéro ou la date de l'accident." });
    }
    if (c.thirdPartyAccident && c.accidentDate === null) {
      ctx.addIssue({ code: 'custom', path: ['accidentDate'], message: "Accident causé par un tiers : indiquez la date de l'accident." });
    }
  })
  .transform((c) => ({
    ...c,
    atNumber: c.insuranceNature === 'atmp' ? c.atNumber : null,
    atDate: c.insuranceNature === 'atmp' ? c.atDate : null,
    accidentDate: c.thirdPartyAccident ? c.accidentDate : null,
  })));

/** Fields left out keep their stored value; the handler checks the merged boxes with `InvoiceCircumstances`. */
export const InvoiceCircumstancesInput = lazySchema(() => z.object({ invoiceId: id, ...patchOf(circumstanceFields()).shape }));

export const InvoiceSetPractitionerInput = lazySchema(() => z.object({ invoiceId: id, practitionerId: id }));
export const InvoiceSetPrescriptionInput = lazySchema(() => z.object({ invoiceId: id, prescriptionId: id.nullable() }));

export const InvoiceSetAmeInput = lazySchema(() => z.object({ invoiceId: id, ame: z.boolean() }));

export const InvoiceValidateInput = lazySchema(() => z.object({
  invoiceId: id,
  /** Answer to « Votre patient est susceptible de bénéficier de l'AME » when the backend asked. */
  ameAnswer: z.enum(['oui', 'non']).optional(),
  /** Explicit confirmation after the "acts outside the AME rights" warning. */
  confirmOutsideRights: z.boolean().default(false),
  /** Explicit confirmation after the anti-rejection warnings (checks before Imprimer). */
  confirmWarnings: z.boolean().default(false),
}));

export const InvoiceCancelInput = lazySchema(() => z.object({
  invoiceId: id,
  reason: requiredText("Le motif d'annulation", 300),
}));

export const InvoiceListInput = lazySchema(() => z.object({
  patientId: id.optional(),
  practitionerId: id.optional(),
  status: z.enum(['draft', 'validated', 'cancelled']).optional(),
  limit: z.number().int().min(1).max(500).default(100),
}));

export const TariffInput = lazySchema(() => z.object({
  profession: ProfessionSchema,
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,6}$/, 'Code : lettres et chiffres, 6 au maximum.'),
  label: requiredText('Le libellé', 120),
  unitCents: z.number().int('Montant en centimes entiers.').min(1, 'Le montant doit être positif.').max(100_000, 'Montant trop élevé.'),
  effectiveFrom: isoDate("Date d'effet"),
  zone: z.enum(['metropole', 'dom']).default('metropole'),
}));

export const TariffListInput = lazySchema(() => z.object({ profession: ProfessionSchema.optional() }));

/** Several feuilles de soins in one PDF: a list of invoices, the feuilles of a bordereau, or a day's validated invoices. */
/** `layout` omitted: each practitioner's setting (Réglages → Impression). */
const layout = lazySchema(() => PrintLayoutSchema.optional());
export const InvoicePrintBatchInput = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invoices'), invoiceIds: z.array(id).min(1, 'Choisissez au moins une facture.').max(500, '500 factures au maximum par impression.'), layout }),
  z.object({ kind: z.literal('bordereau'), bordereauId: id, layout }),
  z.object({ kind: z.literal('day'), date: isoDate('Jour de validation'), practitionerId: id.optional(), layout }),
]));

export const InvoicePrintInput = lazySchema(() => z.object({ id, layout }));
export const CalibrationInput = lazySchema(() => z.object({ practitionerId: id }));

const caisseKey = () => ({
  regime: z.string().trim().regex(/^[0-9]{2}$/, 'Régime : 2 chiffres (01 pour le régime général).'),
  caisse: z.string().trim().regex(/^[0-9]{3}$/, 'Caisse : 3 chiffres (751 pour Paris).'),
});
export const CaisseKeyInput = lazySchema(() => z.object(caisseKey()));
export const CaisseInput = lazySchema(() => z.object({
  ...caisseKey(),
  name: requiredText('Le nom de la caisse', 120),
  addressLine: z
    .string()
    .trim()
    .max(200, 'Adresse : 200 caractères au maximum.')
    .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_MESSAGE)
    .default(''),
  postalCode: z.string().trim().regex(/^[0-9]{5}$/, 'Code postal : 5 chiffres.'),
  city: requiredText('La ville', 80),
}));
