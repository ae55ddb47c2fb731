/** Issue #16: pure rules of money in — amounts and dates as banks write them, allocation, matching, CSV export. */
import { describe, expect, it } from 'vitest';
import { csvDelimiter, csvNamedAccount, normaliseAccount, detectFormat, guessCsvLayout, lineIdentities, parseBankAmount, parseBankDate, readCsv } from '../../../core/domain/bank-statement.ts';
import { bordereauNumbersIn, indexCandidates, suggestMatch, type MatchCandidate } from '../../../core/domain/bank-matching.ts';
import { planAllocation } from '../../../core/domain/money-in.ts';
import { dashboardCsv, type DashboardFigures } from '../../../core/domain/dashboard.ts';

describe('bank amounts and dates', () => {
  // OFX §3.2.9.1: the radix point is a period or a comma, a leading sign, no digit grouping « should » appear;
  // French CSV exports write `1 234,56` (space grouping) or `1.234,56`.
  it.each([
    ['31,89', 3189], ['31.89', 3189], ['-123.45', -12345], ['+45,00', 4500], ['1 234,56', 123456], ['1.234,56', 123456],
    ['1,234.56', 123456], ['12,30-', -1230], ['12', 1200], ['0,5', 50], ['1\u00a0000,00 €', 100000],
  ])('%s → %i cents', (text, cents) => expect(parseBankAmount(text)).toBe(cents));
  it.each(['', 'abc', '12.3.4', '1e3', '--1'])('%s is not an amount', (text) => expect(parseBankAmount(text)).toBeNull());
  it('reads OFX, ISO and French dates, refuses impossible ones', () => {
    expect(parseBankDate('20261125120000.000[+1:CET]')).toBe('2026-11-25');
    expect(parseBankDate('2026-11-25T10:00:00+01:00')).toBe('2026-11-25');
    expect(parseBankDate('25/11/2026')).toBe('2026-11-25');
    expect(parseBankDate('25/11/26')).toBe('2026-11-25');
    expect(parseBankDate('31/02/2026')).toBeNull();
  });
  it('detects the format and the CSV separator, finds the header below the account line', () => {
    expect(detectFormat('OFXHEADER:100\nDATA:OFXSGML')).toBe('ofx');
    expect(detectFormat('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">')).toBe('camt');
    expect(detectFormat('Date;Libellé')).toBe('csv');
    expect(csvDelimiter('Date\tLibellé\tMontant\n01/01/2026\tA\t1,00')).toBe('\t');
    expect(guessCsvLayout([['Compte n° 123', '', ''], ['Date opération', 'Libellé', 'Débit euros', 'Crédit euros']])).toEqual({
      headerRow: 1,
      mapping: { date: 0, label: 1, credit: 3, debit: 2, amount: undefined },
    });
  });
  it('gives two identical transfers the same day two identities, stable from one import to the next', () => {
    const line = { account: 'FR76', bookedOn: '2026-11-25', amountCents: 1063, label: 'VIR CPAM', bankRef: null };
    const ids = lineIdentities('csv', [line, line]);
    expect(new Set(ids).size).toBe(2);
    expect(lineIdentities('csv', [line, line])).toEqual(ids);
    expect(lineIdentities('ofx', [{ ...line, bankRef: 'FIT1' }])).toEqual(['ofx|FR76|ref|FIT1']);
  });
});

describe('allocation', () => {
  it('pays each invoice what it owes in order; short leaves the rest due, over leaves a credit', () => {
    const owed = [1, 2, 3].map((invoiceId) => ({ invoiceId, payer: 'amc' as const, owedCents: 1063 }));
    expect(planAllocation(3189, owed)).toEqual({ allocations: owed.map((o) => ({ invoiceId: o.invoiceId, payer: 'amc', amountCents: 1063 })), creditCents: 0, shortCents: 0 });
    expect(planAllocation(3089, owed)).toMatchObject({ allocations: [{ amountCents: 1063 }, { amountCents: 1063 }, { amountCents: 963 }], creditCents: 0, shortCents: 100 });
    expect(planAllocation(5000, owed.slice(0, 1))).toEqual({ allocations: [{ invoiceId: 1, payer: 'amc', amountCents: 1063 }], creditCents: 3937, shortCents: 0 });
    expect(planAllocation(500, [{ invoiceId: 9, payer: 'amc', owedCents: 0 }])).toEqual({ allocations: [], creditCents: 500, shortCents: 0 });
  });
});

describe('matching', () => {
  const c = (o: Partial<MatchCandidate>): MatchCandidate => ({ kind: 'invoice', id: 1, number: 1, practitionerId: 1, caisse: null, since: '2026-10-01', owedCents: 1063, ame: true, ...o });
  it('reads bordereau numbers in labels', () => {
    expect(bordereauNumbersIn('VIR CPAM 75 BORD 12 AME')).toEqual([12]);
    expect(bordereauNumbersIn('BORDEREAU N° 0007')).toEqual([7]);
    expect(bordereauNumbersIn('VIR CPAM 751')).toEqual([]);
  });
  it('prefers the bordereau named in the label, within the window after the sending', () => {
    const index = indexCandidates([
      c({ kind: 'bordereau', id: 10, number: 3, caisse: '751', owedCents: 3189 }),
      c({ kind: 'bordereau', id: 11, number: 4, caisse: '751', owedCents: 3189, since: '2026-09-01' }),
      c({ id: 5, number: 50, owedCents: 3189 }),
    ]);
    expect(suggestMatch({ bookedOn: '2026-10-20', amountCents: 3189, label: 'VIR CPAM PARIS 751 BORD 3' }, index)).toMatchObject({ kind: 'bordereau', id: 10, exact: true, payer: 'amc' });
    // Without a number, the oldest bordereau sent is taken first (caisses pay in order).
    expect(suggestMatch({ bookedOn: '2026-10-20', amountCents: 3189, label: 'VIR CPAM' }, index)).toMatchObject({ id: 11 });
    // Before the sending, or 121 days after, nothing.
    expect(suggestMatch({ bookedOn: '2026-08-31', amountCents: 3189, label: 'VIR CPAM' }, index)).toBeNull();
    expect(suggestMatch({ bookedOn: '2027-02-01', amountCents: 3189, label: 'VIR' }, index)).toBeNull();
    // Short, recognised by the bordereau number only.
    expect(suggestMatch({ bookedOn: '2026-10-20', amountCents: 3089, label: 'BORD 3' }, index)).toMatchObject({ id: 10, exact: false });
  });
});

describe('dashboard CSV', () => {
  it('neutralises nothing numeric and writes euros with a decimal comma', () => {
    const f = { receipts: [{ month: '2026-11', amoCents: 0, amcCents: 3089, patientCents: 425, totalCents: 3514 }] } as DashboardFigures;
    expect(dashboardCsv('recettes', f)).toBe('\uFEFFMois;Caisse (AMO) (€);AME / complémentaire (AMC) (€);Patient (€);Total (€)\r\n11/2026;0,00;30,89;4,25;35,14\r\n');
  });
});

describe('normaliseAccount: the account typed, written as a file prints it', () => {
  it('an IBAN loses its spaces and takes capitals; an account number loses its spaces; a name keeps its case', () => {
    expect(normaliseAccount(' fr76 3000 4000 0100 0000 1234 567 ')).toBe('FR7630004000010000001234567');
    expect(normaliseAccount('000 1234 5678')).toBe('00012345678');
    expect(normaliseAccount('Compte   pro')).toBe('Compte pro');
    expect(normaliseAccount('Livret A 2026')).toBe('Livret A 2026');
    expect(normaliseAccount('')).toBe('');
  });
});

describe('csvNamedAccount: the account a CSV names above its header', () => {
  const rows = (...above: string[][]) => [...above, ['Date', 'Libellé', 'Débit', 'Crédit']];
  it('an IBAN, spaced or not, in any cell', () => {
    expect(csvNamedAccount(rows(['Relevé de compte', ''], ['IBAN :', 'FR76 3000 4000 0100 0000 1234 567']), 2)).toBe('FR7630004000010000001234567');
    expect(csvNamedAccount(rows(['iban fr7630004000010000001234567']), 1)).toBe('FR7630004000010000001234567');
  });
  it('« Compte courant n° … », « Numéro de compte ; … »', () => {
    expect(csvNamedAccount(rows(['Compte courant n° 00012345678', '', '']), 1)).toBe('00012345678');
    expect(csvNamedAccount(rows(['Numéro de compte', '123 456 789 01']), 1)).toBe('12345678901');
  });
  it('none: a period or a balance is not an account; the header and the lines are not read', () => {
    expect(csvNamedAccount(rows(['Relevé de compte du 01/11/2026 au 30/11/2026'], ['Solde au 30/11/2026', '1 234,56']), 2)).toBeNull();
    expect(csvNamedAccount([['Date', 'Libellé', 'Crédit'], ['25/11/2026', 'VIR COMPTE 1234567', '12,00']], 0)).toBeNull();
  });
  it('readCsv asks for the account when neither the file nor the desk names it, after the file reads well', () => {
    const body = [['Date', 'Libellé', 'Débit', 'Crédit'], ['25/11/2026', 'VIR CPAM', '', '31,89']];
    expect(readCsv(body, null, () => null, { today: '2026-11-25', account: '' })).toMatchObject({ ok: false, needsAccount: true });
    expect(readCsv(body, null, () => null, { today: '2026-11-25', account: 'Compte pro' })).toMatchObject({ ok: true, lines: [{ account: 'Compte pro', amountCents: 3189 }] });
    expect(readCsv([['IBAN FR76 3000 4000 0100 0000 1234 567'], ...body], null, () => null, { today: '2026-11-25', account: '' })).toMatchObject({ ok: true, lines: [{ account: 'FR7630004000010000001234567' }] });
  });
});
