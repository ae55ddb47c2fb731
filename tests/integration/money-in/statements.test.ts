/**
 * Issue #16 acceptance, through the dispatcher: a 3-invoice AME bordereau (3 × 10,63 € = 31,89 €) paid by one
 * CPAM transfer that arrives in a CSV, an OFX and a CAMT.053 statement (tests/fixtures/statements/README.md
 * cites the formats' specifications), matched and confirmed; the same file twice; a transfer short by 1,00 €;
 * a credit that matches nothing; a cancelled transfer restoring every invoice's state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPractitionerInput, makeTestBackend, nirOf, ROOT, type TestBackend, validatedInvoice } from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'statements');
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

let t: TestBackend;
let practitionerId: number;

beforeEach(async () => {
  t = makeTestBackend(); // today: 25/11/2026
  practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
});
afterEach(() => disposeCheckingFollowUp(t));

/** Three AME invoices (10,63 € each, AMC 100 %) of three patients, sent in bordereau n° 1 today. */
async function ameBordereau() {
  const invoices = [];
  for (const body of ['8850599123456', '8850599123457', '8850599123458']) {
    invoices.push(await validatedInvoice(t, practitionerId, { patient: { nir: nirOf(body), firstName: `Awa${body.slice(-1) === '6' ? '' : body.slice(-1) === '7' ? 'h' : 'i'}` } }));
  }
  const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: invoices.map((i) => i.id), sentOn: '2026-11-25' });
  expect(bordereau).toMatchObject({ number: 1, expectedCents: 3189 });
  return { bordereau, invoices };
}

const states = async (ids: number[]) => Promise.all(ids.map(async (id) => (await t.call('follow-up/invoice', { id })).row.state));

describe('one CPAM transfer pays a whole AME bordereau, whatever the statement format', () => {
  for (const [format, file] of [['CSV', 'bordereau-1.csv'], ['OFX 1.0.2 SGML', 'bordereau-1.ofx'], ['CAMT.053', 'bordereau-1.camt053.xml']] as const) {
    it(`${format}: matched to the bordereau, confirmed, every invoice « réglée »; the same file again changes nothing`, async () => {
      const { bordereau, invoices } = await ameBordereau();
      const imported = await t.call('statements/import', { fileName: file, contentBase64: b64(fixture(file)) });
      expect(imported).toMatchObject({ imported: 2, alreadyKnown: 0, debitsSkipped: 1 });
      const cpam = imported.lines.find((l) => l.amountCents === 3189)!;
      expect(cpam.bookedOn).toBe('2026-11-25');
      expect(cpam.suggestion).toMatchObject({ kind: 'bordereau', id: bordereau.id, exact: true, payer: 'amc' });
      expect(cpam.suggestion!.reason_fr).toContain('numéro du bordereau dans le libellé');
      // The credit from a patient's relative matches nothing owed.
      expect(imported.lines.find((l) => l.amountCents === 1200)!.suggestion).toBeNull();

      const outcome = await t.call('statements/confirm', { bankLineId: cpam.id, practitionerId, target: { bordereauId: bordereau.id } });
      expect(outcome.transfer).toMatchObject({ amountCents: 3189, allocatedCents: 3189, creditCents: 0, payer: 'amc', bankLineId: cpam.id, receivedOn: '2026-11-25' });
      expect(outcome.transfer.allocations.map((a) => a.amountCents)).toEqual([1063, 1063, 1063]);
      expect(outcome.shortCents).toBe(0);
      expect(await states(invoices.map((i) => i.id))).toEqual(['payee', 'payee', 'payee']);
      expect((await t.call('bordereaux/get', { id: bordereau.id })).invoices.every((r) => r.paidCents === 1063)).toBe(true);

      const again = await t.call('statements/import', { fileName: file, contentBase64: b64(fixture(file)) });
      expect(again).toMatchObject({ imported: 0, alreadyKnown: 2 });
      expect(again.lines.map((l) => l.amountCents)).toEqual([1200]);
      expect(t.count('bank_lines')).toBe(2);
      expect(t.count('transfers')).toBe(1);
      expect((await t.fails('statements/confirm', { bankLineId: cpam.id, practitionerId, target: { bordereauId: bordereau.id } })).message_fr).toContain('déjà pointé');
    });
  }
});

describe('partial, credit, cancellation', () => {
  it('a transfer short by 1,00 € is recognised by the bordereau number and leaves 1,00 € due on the last invoice', async () => {
    const { bordereau, invoices } = await ameBordereau();
    const csv = 'Date;Libellé;Débit;Crédit\n25/11/2026;VIR CPAM PARIS BORD 1;;30,89\n';
    const { lines } = await t.call('statements/import', { fileName: 'releve.csv', contentBase64: b64(csv), account: 'FR76 3000 4000 0100 0000 1234 567' });
    expect(lines[0]!.suggestion).toMatchObject({ kind: 'bordereau', id: bordereau.id, exact: false, owedCents: 3189 });
    const outcome = await t.call('statements/confirm', { bankLineId: lines[0]!.id, practitionerId, target: { bordereauId: bordereau.id } });
    expect(outcome.shortCents).toBe(100);
    expect(outcome.message_fr).toContain('Il manque 1,00\u00a0€');
    expect(await states(invoices.map((i) => i.id))).toEqual(['payee', 'payee', 'payee-partiellement']);
    expect((await t.call('follow-up/invoice', { id: invoices[2]!.id })).row.paidCents).toBe(963);
  });

  it('an overpayment is kept as a credit on the transfer, never spread over other invoices', async () => {
    const { invoices } = await ameBordereau();
    const outcome = await t.call('transfers/record', {
      practitionerId, receivedOn: '2026-11-25', amountCents: 5000, reference: 'VIR CPAM', target: { invoiceIds: [invoices[0]!.id] },
    });
    expect(outcome.transfer).toMatchObject({ allocatedCents: 1063, creditCents: 3937 });
    expect(outcome.message_fr).toContain('Trop-perçu de 39,37\u00a0€ gardé en crédit');
    expect(await states(invoices.map((i) => i.id))).toEqual(['payee', 'envoyee', 'envoyee']);
    expect((await t.call('transfers/list', { withCredit: true })).map((x) => x.id)).toEqual([outcome.transfer.id]);
  });

  it('cancelling a transfer undoes every allocation at once (audited) and frees its bank line', async () => {
    const { bordereau, invoices } = await ameBordereau();
    const { lines } = await t.call('statements/import', { fileName: 'r.csv', contentBase64: b64(fixture('bordereau-1.csv')) });
    const cpam = lines.find((l) => l.amountCents === 3189)!;
    const { transfer } = await t.call('statements/confirm', { bankLineId: cpam.id, practitionerId, target: { bordereauId: bordereau.id } });
    expect(await states(invoices.map((i) => i.id))).toEqual(['payee', 'payee', 'payee']);
    // One payment of a multi-invoice transfer cannot be cancelled alone.
    const payment = (await t.call('follow-up/invoice', { id: invoices[0]!.id })).payments[0]!;
    expect((await t.fails('payments/cancel', { paymentId: payment.id, reason: 'x' })).message_fr).toContain('annulez le virement entier');

    const cancelled = await t.call('transfers/cancel', { id: transfer.id, reason: 'Pointé sur le mauvais bordereau' });
    expect(cancelled.cancelReason).toBe('Pointé sur le mauvais bordereau');
    expect(await states(invoices.map((i) => i.id))).toEqual(['envoyee', 'envoyee', 'envoyee']);
    const audit = await t.call('audit/list', { entity: 'transfer', entityId: transfer.id });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'cancel']));
    expect((await t.call('statements/lines', {})).find((l) => l.id === cpam.id)!.suggestion).toMatchObject({ kind: 'bordereau', id: bordereau.id });
    expect((await t.fails('transfers/cancel', { id: transfer.id, reason: 'encore' })).message_fr).toBe('Ce virement est déjà annulé.');
  });

  it('points a credit by hand to invoices picked in a list', async () => {
    const { invoices } = await ameBordereau();
    const { lines } = await t.call('statements/import', { fileName: 'r.csv', contentBase64: b64('Date;Libellé;Débit;Crédit\n25/11/2026;VIR AME;;21,26\n'), account: 'Compte pro' });
    const { transfer } = await t.call('statements/confirm', { bankLineId: lines[0]!.id, practitionerId, target: { invoiceIds: [invoices[2]!.id, invoices[0]!.id] } });
    expect(transfer.allocations.map((a) => [a.invoiceId, a.amountCents])).toEqual([[invoices[2]!.id, 1063], [invoices[0]!.id, 1063]]);
    expect(await states(invoices.map((i) => i.id))).toEqual(['payee', 'envoyee', 'payee']);
  });
});

describe('hostile statement files: a French message, nothing imported', () => {
  const refuse = async (contentBase64: string, expected: RegExp, extra: Record<string, unknown> = {}) => {
    const err = await t.fails('statements/import', { fileName: 'releve.csv', contentBase64, ...extra });
    expect(err.code).toBe('invalid-input');
    expect(err.message_fr).toMatch(expected);
    expect(t.count('bank_lines')).toBe(0);
    return err;
  };

  it('a 50 MB file', async () => {
    await refuse(Buffer.alloc(50 * 1024 * 1024, 0x41).toString('base64'), /trop volumineux/);
  });

  it('an empty file, or blank lines only', async () => {
    await refuse('', /vide/);
    await refuse(b64('\n\n  \n'), /vide/);
  });

  it("another bank's layout: the columns are asked for, then remembered for that layout", async () => {
    const other = 'Jour;Opération;Somme;Solde\n25/11/2026;VIR CPAM BORD 9;12,00;100,00\n';
    const err = await refuse(b64(other), /n'est pas reconnue/);
    expect(err.field).toBe('mapping');
    expect(err.issues?.map((i) => i.message_fr)).toEqual(['Jour', 'Opération', 'Somme', 'Solde']);
    const done = await t.call('statements/import', { fileName: 'autre.csv', contentBase64: b64(other), mapping: { date: 0, label: 1, amount: 2 }, account: 'Compte pro' });
    expect(done.imported).toBe(1);
    // The same layout next month: no question asked.
    const next = await t.call('statements/import', { fileName: 'autre.csv', contentBase64: b64(other.replace('25/11/2026', '24/11/2026')), account: 'Compte pro' });
    expect(next.imported).toBe(1);
  });

  it('dates in the future', async () => {
    await refuse(b64('Date;Libellé;Débit;Crédit\n25/11/2026;VIR A;;10,00\n02/12/2026;VIR CPAM;;31,89\n'), /Ligne 3 : la date \(02\/12\/2026\) est dans le futur/);
    await refuse(b64(fixture('bordereau-1.ofx').toString().replace('<DTPOSTED>20261125', '<DTPOSTED>20261231')), /dans le futur/);
  });

  it('a negative credit', async () => {
    await refuse(b64('Date;Libellé;Débit;Crédit\n25/11/2026;VIR CPAM;;-31,89\n'), /Ligne 2 : crédit négatif/);
    await refuse(b64(fixture('bordereau-1.camt053.xml').toString().replace('<Amt Ccy="EUR">31.89</Amt>', '<Amt Ccy="EUR">-31.89</Amt>')), /montant négatif/);
  });

  it('broken XML, an OFX without a statement, a CSV with an unreadable amount', async () => {
    await refuse(b64(fixture('bordereau-1.camt053.xml').toString().replace('</Stmt>', '')), /illisible/);
    await refuse(b64('OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>'), /OFX ne contient pas de relevé/);
    await refuse(b64('Date;Libellé;Débit;Crédit\n25/11/2026;VIR;;31,8x9\n'), /crédit illisible/);
  });
});

describe('parsing off the main thread', () => {
  it('stops a parse that takes longer than its time limit and reports it', async () => {
    const { parseOffThread } = await import('../../../electron/statements/parse-off-thread.ts');
    const big = `Date;Libellé;Débit;Crédit\n${'01/10/2026;VIR;;1,00\n'.repeat(200_000)}`;
    expect(await parseOffThread('csv', big, { timeLimitMs: 1 })).toMatchObject({ ok: false, reason: 'timeout' });
    expect(await parseOffThread('csv', 'a;b\n1;2')).toEqual({ ok: true, value: [['a', 'b'], ['1', '2']] });
  });
});
