/** The livre des recettes as the accountant wants it: one line per payment received (and per credit kept), in CSV. */
import type { LedgerLine } from './types.ts';
import { csvEuros, toCsv } from './csv.ts';
import { formatFrDate } from './dates.ts';
import { payerLabels, paymentModeLabels } from './follow-up.ts';

export const ledgerTotal = (lines: readonly LedgerLine[]): number => lines.reduce((s, l) => s + l.amountCents, 0);

export function ledgerCsv(lines: readonly LedgerLine[]): string {
  return toCsv(
    ['Date', 'Praticien', 'N° facture', 'Patient', 'AME', 'Payeur', 'Mode', 'Référence', 'Montant (€)'],
    [
      ...lines.map((l) => [
        formatFrDate(l.receivedOn),
        l.practitionerName,
        l.invoiceNumber,
        l.patientName ?? 'Trop-perçu non réparti',
        l.ame ? 'oui' : 'non',
        payerLabels[l.payer],
        paymentModeLabels[l.mode],
        l.reference,
        csvEuros(l.amountCents),
      ]),
      ['Total', null, null, null, null, null, null, null, csvEuros(ledgerTotal(lines))],
    ],
  );
}

/** A name part safe in any file system: `Claire Martin-Léa` → `claire-martin-lea`. */
const fileSlug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** `recettes-claire-martin-2026-11-01-au-2026-11-30.csv`: says whose recettes they are. */
export const ledgerFileName = (from: string, to: string, practitionerName?: string): string =>
  practitionerName ? `recettes-${fileSlug(practitionerName)}-${from}-au-${to}.csv` : `recettes-${from}-au-${to}.csv`;
