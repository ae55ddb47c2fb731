import { describe, expect, it } from 'vitest';
import { csvCell, csvEuros, toCsv } from '../../../core/domain/csv.ts';
import { ledgerCsv, ledgerFileName } from '../../../core/domain/ledger.ts';
import type { LedgerLine } from '../../../core/domain/types.ts';

describe('CSV for French spreadsheets', () => {
  it('writes euros with a decimal comma and no thousands separator', () => {
    expect(csvEuros(123456)).toBe('1234,56');
    expect(csvEuros(5)).toBe('0,05');
    expect(csvEuros(-1063)).toBe('-10,63');
  });
  it('quotes only what needs it', () => {
    expect(csvCell("N'Diaye")).toBe("N'Diaye");
    expect(csvCell('VIR; CPAM')).toBe('"VIR; CPAM"');
    expect(csvCell('dit "Mamadou"')).toBe('"dit ""Mamadou"""');
    expect(csvCell(' espace')).toBe('" espace"');
    expect(csvCell(null)).toBe('');
  });
  it('starts with a BOM and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'é']])).toBe('\uFEFFa;b\r\n1;é\r\n');
  });
});

describe('livre des recettes', () => {
  const line = (over: Partial<LedgerLine>): LedgerLine => ({
    paymentId: 1,
    transferId: 1,
    receivedOn: '2026-11-03',
    amountCents: 1063,
    mode: 'virement',
    reference: 'VIR CPAM 75',
    invoiceId: 1,
    invoiceNumber: 12,
    patientName: 'Diallo Aminata',
    ame: true,
    payer: 'amc',
    practitionerId: 1,
    practitionerName: 'Claire Martin',
    ...over,
  });
  it('lists each payment then the total', () => {
    const csv = ledgerCsv([
      line({}),
      line({ paymentId: 2, receivedOn: '2026-11-20', amountCents: 638, mode: 'cheque', reference: null, invoiceNumber: 13, patientName: 'Le Gall-Martin Séverine', ame: false, payer: 'patient' }),
      // The part of a transfer kept as credit is received money too (no invoice yet).
      line({ paymentId: null, transferId: 3, receivedOn: '2026-11-28', amountCents: 2000, reference: 'VIR CPAM 75', invoiceId: null, invoiceNumber: null, patientName: null, ame: false, payer: 'amo' }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFDate;Praticien;N° facture;Patient;AME;Payeur;Mode;Référence;Montant (€)',
      '03/11/2026;Claire Martin;12;Diallo Aminata;oui;Complémentaire / AME (AMC);Virement;VIR CPAM 75;10,63',
      '20/11/2026;Claire Martin;13;Le Gall-Martin Séverine;non;Patient;Chèque;;6,38',
      '28/11/2026;Claire Martin;;Trop-perçu non réparti;non;Caisse (AMO);Virement;VIR CPAM 75;20,00',
      'Total;;;;;;;;37,01',
      '',
    ]);
    expect(ledgerFileName('2026-11-01', '2026-11-30')).toBe('recettes-2026-11-01-au-2026-11-30.csv');
    // Issue #9: the file name says whose recettes they are (two practitioners, two files).
    expect(ledgerFileName('2026-11-01', '2026-11-30', 'Léa Dupré-Kiné')).toBe('recettes-lea-dupre-kine-2026-11-01-au-2026-11-30.csv');
  });
});
