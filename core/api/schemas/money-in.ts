import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { id, isoDate, optionalText, requiredText } from './common.ts';

const amount = () =>
  z
    .number({ error: 'Montant reçu obligatoire.' })
    .int('Montant en centimes entiers.')
    .min(1, 'Le montant reçu doit être positif.')
    .max(100_000_000, 'Montant trop élevé.');

const payer = () => z.enum(['amo', 'amc', 'patient'], { error: 'Payeur inconnu.' });

/** Where a transfer goes: every invoice of a bordereau, or invoices picked in a list (in that order). */
const target = () =>
  z.union(
    [
      z.object({ bordereauId: id }),
      z.object({
        invoiceIds: z
          .array(id)
          .min(1, 'Choisissez au moins une facture.')
          .max(500, '500 factures au maximum par virement.')
          .refine((ids) => new Set(ids).size === ids.length, 'Une facture figure deux fois dans la liste.'),
      }),
    ],
    { error: 'Choisissez un bordereau ou des factures.' },
  );

export const TransferRecordInput = lazySchema(() => z.object({
  practitionerId: id,
  receivedOn: isoDate('Date de réception'),
  /** When absent: the AME (AMC) for an AME bordereau, else the caisse (AMO). */
  payer: payer().optional(),
  amountCents: amount(),
  mode: z.enum(['virement', 'cheque', 'especes'], { error: 'Mode de paiement obligatoire.' }).default('virement'),
  reference: optionalText(120),
  target: target(),
}));

/** The credit left on a live transfer spread onto invoices of its practitioner (same target as a transfer). */
export const TransferAllocateCreditInput = lazySchema(() => z.object({
  transferId: id,
  /** When absent: a patient's credit pays patients' shares; another, as a caisse transfer (AME, else caisse). */
  payer: payer().optional(),
  target: target(),
}));

export const TransferCancelInput = lazySchema(() => z.object({ id, reason: requiredText("Le motif d'annulation", 300) }));

export const TransferListInput = lazySchema(() => z.object({
  practitionerId: id.optional(),
  withCredit: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
}));

/** A statement file as read by the desk: its name and its bytes in base64 (10 Mo at most). */
export const STATEMENT_MAX_BYTES = 10 * 1024 * 1024;

const csvColumn = () => z.number().int().min(0).max(50);

export const CsvMappingSchema = lazySchema(() => z.object({
  date: csvColumn(),
  label: csvColumn(),
  /** Either one signed amount column, or a débit and a crédit column. */
  amount: csvColumn().optional(),
  debit: csvColumn().optional(),
  credit: csvColumn().optional(),
}).refine((m) => m.amount !== undefined || m.credit !== undefined, { message: 'Indiquez la colonne des crédits (ou du montant).', path: ['credit'] }));

export const StatementImportInput = lazySchema(() => z.object({
  fileName: requiredText('Le nom du fichier', 200),
  contentBase64: z
    .string({ error: 'Fichier manquant.' })
    .max(Math.ceil((STATEMENT_MAX_BYTES * 4) / 3) + 4, 'Fichier trop volumineux : un relevé fait 10 Mo au maximum. Exportez une période plus courte.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Fichier illisible (contenu mal transmis).'),
  /** The CSV columns, when the layout is not recognised; remembered for this layout. */
  mapping: CsvMappingSchema.optional(),
  /** The account the lines belong to when the file does not say (CSV). */
  account: optionalText(60),
}));

export const StatementLinesInput = lazySchema(() => z.object({
  /** Only credits not pointed yet. */
  openOnly: z.boolean().default(true),
  limit: z.number().int().min(1).max(1000).default(200),
}));

export const StatementConfirmInput = lazySchema(() => z.object({
  bankLineId: id,
  practitionerId: id,
  payer: payer().optional(),
  target: target(),
}));

export const RelancesDueInput = lazySchema(() => z.object({ practitionerId: id, addressee: z.enum(['caisse', 'patient']).optional() }));

export const RelanceCreateInput = lazySchema(() => z.object({
  practitionerId: id,
  addressee: z.enum(['caisse', 'patient'], { error: 'Destinataire de la relance : la caisse ou le patient.' }),
  invoiceIds: z
    .array(id)
    .min(1, 'Choisissez au moins une facture à relancer.')
    .max(200, '200 factures au maximum par relance.')
    .refine((ids) => new Set(ids).size === ids.length, 'Une facture figure deux fois dans la liste.'),
}));

const delay = (who: string) =>
  z.number({ error: `Délai de relance (${who}) : nombre de jours attendu.` }).int(`Délai de relance (${who}) : nombre entier de jours.`).min(1, `Délai de relance (${who}) : 1 jour au moins.`).max(365, `Délai de relance (${who}) : 365 jours au plus.`);

export const RelanceDelaysInput = lazySchema(() => z.object({ amo: delay('caisse'), amc: delay('AME / complémentaire'), patient: delay('patient') }));

export const DashboardInput = lazySchema(() => z.object({ practitionerId: id.optional(), months: z.number().int().min(1).max(36).default(12) }));
