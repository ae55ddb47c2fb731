import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { id, isoDate, optionalText, requiredText } from './common.ts';
import { addMonths } from '../../domain/dates.ts';

const addYears = (iso: string, years: number) => addMonths(iso, 12 * years);

export const FollowUpStateSchema = lazySchema(() => z.enum(['a-envoyer', 'a-encaisser', 'envoyee', 'payee-partiellement', 'payee', 'rejetee', 'annulee']));

export const FollowUpListInput = lazySchema(() => z.object({
  practitionerId: id.optional(),
  patientId: id.optional(),
  states: z.array(FollowUpStateSchema).min(1).max(7).optional(),
  /** Only the invoices to call the caisse about (sent long ago, still unpaid). */
  overdueOnly: z.boolean().default(false),
  oldestFirst: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(200),
}));

export const FollowUpTotalsInput = lazySchema(() => z.object({ practitionerId: id.optional() }));

export const BordereauCreateInput = lazySchema(() => z.object({
  practitionerId: id,
  invoiceIds: z
    .array(id, { error: 'Choisissez au moins une facture à mettre dans le bordereau.' })
    .min(1, 'Choisissez au moins une facture à mettre dans le bordereau.')
    .max(200, '200 factures au maximum par bordereau.')
    .refine((ids) => new Set(ids).size === ids.length, 'Une facture figure deux fois dans la liste.'),
  sentOn: isoDate("Date d'envoi"),
}));

export const BordereauListInput = lazySchema(() => z.object({ practitionerId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }));

export const BordereauCancelInput = lazySchema(() => z.object({ id, reason: requiredText("Le motif d'annulation", 300) }));

export const PaymentInput = lazySchema(() => z.object({
  invoiceId: id,
  receivedOn: isoDate('Date de réception'),
  amountCents: z
    .number({ error: 'Montant reçu obligatoire.' })
    .int('Montant en centimes entiers.')
    .min(1, 'Le montant reçu doit être positif.')
    .max(10_000_000, 'Montant trop élevé.'),
  mode: z.enum(['virement', 'cheque', 'especes'], { error: 'Mode de paiement obligatoire.' }),
  /** Who paid; when absent, the payer still awaited (tiers payant first, then the patient). */
  payer: z.enum(['amo', 'amc', 'patient'], { error: 'Payeur inconnu.' }).optional(),
  reference: optionalText(120),
}));

export const PaymentCancelInput = lazySchema(() => z.object({ paymentId: id, reason: requiredText("Le motif d'annulation", 300) }));

export const RejectionInput = lazySchema(() => z.object({
  invoiceId: id,
  rejectedOn: isoDate('Date du rejet'),
  reason: requiredText('Le motif du rejet', 300),
  /** One of the usual reasons (core/domain/rejection-reasons.ts), beside the text. */
  reasonCode: z.string().max(20).regex(/^[a-z-]+$/, 'Motif inconnu.').optional(),
}));

export const RejectionWithdrawInput = lazySchema(() => z.object({ rejectionId: id }));

export const LedgerInput = lazySchema(() => z
  .object({ practitionerId: id, from: isoDate('Du'), to: isoDate('Au') })
  .refine((v) => v.from <= v.to, { message: 'La période est à l\'envers : « Du » doit précéder « Au ».', path: ['to'] })
  .refine((v) => v.from >= addYears(v.to, -3), { message: 'Période trop longue : trois ans au maximum.', path: ['from'] }));
