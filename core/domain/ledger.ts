/** The livre des recettes as the accountant wants it: one line per payment received, in CSV. */
import type { LedgerLine } from './types.ts';
import { csvEuros, toCsv } from './csv.ts';
import { formatFrDate } from './dates.ts';
import { paymentModeLabels } from './follow-up.ts';

export const ledgerTotal = (lines: readonly LedgerLine[]): number => lines.reduce((s, l) => s + l.amountCents, 0);

export function ledgerCsv(lines: readonly LedgerLine[]): string {
  return toCsv(
    ['Date', 'N° facture', 'Patient', 'AME', 'Mode', 'Référence', 'Montant (€)'],
    [
      ...lines.map((l) => [formatFrDate(l.receivedOn), l.invoiceNumber, l.patientName, l.ame ? 'oui' : 'non', paymentModeLabels[l.mode], l.reference, csvEuros(l.amountCents)]),
      ['Total', null, null, null, null, null, csvEuros(ledgerTotal(lines))],
    ],
  );
}

/** `recettes-2026-11-01-au-2026-11-30.csv` */
export const ledgerFileName = (from: string, to: string): string => `recettes-${from}-au-${to}.csv`;
