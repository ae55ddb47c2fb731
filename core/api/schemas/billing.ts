import { z } from 'zod';
import { digits, id, isoDate, optionalText, requiredText } from './common.ts';
import { VisitInput } from './cotation.ts';

export const ProfessionSchema = z.enum(['infirmier', 'masseur-kinesitherapeute'], { error: 'Profession obligatoire.' });
export const ExonerationSchema = z.enum(['aucune', 'ald', 'maternite', 'atmp', 'soins-particuliers']);

export const PractitionerInput = z.object({
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
});
export const PractitionerUpdateInput = z.object({ id, practitioner: PractitionerInput });

export const PrescriberInput = z.object({
  lastName: requiredText('Le nom du prescripteur', 80),
  firstName: requiredText('Le prénom du prescripteur', 80),
  identifier: digits('Identifiant du prescripteur (AM ou RPPS)', [9, 11]).refine(
    (v) => v.length === 9 || v.length === 11,
    'Identifiant du prescripteur : 9 chiffres (AM) ou 11 chiffres (RPPS).',
  ),
  specialty: optionalText(80),
});

export const PrescriptionInput = z.object({
  patientId: id,
  prescriberId: id,
  prescriptionDate: isoDate('Date de prescription'),
  ame: z.boolean().default(false),
  exoneration: ExonerationSchema.default('aucune'),
  plannedActs: optionalText(500),
});

/**
 * One act as typed at the desk. `coefficient` is a decimal as written on the prescription
 * (AMI 1.5, AMK 8.1); it is converted to hundredths by the handler.
 */
export const ActInput = z.object({
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
});

export const InvoiceCreateInput = z.object({
  practitionerId: id,
  patientId: id,
  prescriptionId: id.nullable().default(null),
});

export const InvoiceUpdateDraftInput = z.object({
  invoiceId: id,
  /** Lines typed by hand (priced by tariff only). Ignored when `visits` is given. */
  lines: z.array(ActInput).max(60, '60 actes au maximum par facture.').default([]),
  /** Visits (issue #7): the cotation engine derives the lines, with their explanation and NGAP article. */
  visits: z.array(VisitInput).max(40, '40 visites au maximum par facture.').optional(),
  exoneration: ExonerationSchema.optional(),
  tiersPayantAmo: z.boolean().optional(),
});

export const InvoiceSetAmeInput = z.object({ invoiceId: id, ame: z.boolean() });

export const InvoiceValidateInput = z.object({
  invoiceId: id,
  /** Answer to « Votre patient est susceptible de bénéficier de l'AME » when the backend asked. */
  ameAnswer: z.enum(['oui', 'non']).optional(),
  /** Explicit confirmation after the "acts outside the AME rights" warning. */
  confirmOutsideRights: z.boolean().default(false),
  /** Explicit confirmation after the anti-rejection warnings (checks before Imprimer). */
  confirmWarnings: z.boolean().default(false),
});

export const InvoiceCancelInput = z.object({
  invoiceId: id,
  reason: requiredText("Le motif d'annulation", 300),
});

export const InvoiceListInput = z.object({
  patientId: id.optional(),
  practitionerId: id.optional(),
  status: z.enum(['draft', 'validated', 'cancelled']).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const TariffInput = z.object({
  profession: ProfessionSchema,
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,6}$/, 'Code : lettres et chiffres, 6 au maximum.'),
  label: requiredText('Le libellé', 120),
  unitCents: z.number().int('Montant en centimes entiers.').min(1, 'Le montant doit être positif.').max(100_000, 'Montant trop élevé.'),
  effectiveFrom: isoDate("Date d'effet"),
  zone: z.enum(['metropole', 'dom']).default('metropole'),
});

export const TariffListInput = z.object({ profession: ProfessionSchema.optional() });
