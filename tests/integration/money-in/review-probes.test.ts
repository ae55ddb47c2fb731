/**
 * Issue #16 review: the cases the first tests did not walk — a bordereau mixing AME and non-AME invoices
 * paid by one CPAM transfer, French bank CSV exports in Windows-1252 with « 1 234,56 », XML entity bombs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPractitionerInput, makeTestBackend, NIR_1, nirOf, type TestBackend, validatedInvoice } from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';

let t: TestBackend;
let practitionerId: number;

beforeEach(async () => {
  t = makeTestBackend(); // today: 25/11/2026
  practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
});
afterEach(() => disposeCheckingFollowUp(t));

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const state = async (id: number) => (await t.call('follow-up/invoice', { id })).row;

describe('one CPAM transfer for a bordereau mixing AME and non-AME invoices', () => {
  it('pays the AME invoice (AMC 100 %) and the tiers-payant AMO invoice alike, no false credit', async () => {
    const ame = await validatedInvoice(t, practitionerId, { patient: { nir: nirOf('8850599123456') } });
    const normal = await validatedInvoice(t, practitionerId, { ame: false, tiersPayantAmo: true, patient: { nir: NIR_1, firstName: 'Jean' } });
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [ame.id, normal.id], sentOn: '2026-11-25' });
    const expected = bordereau.expectedCents; // 10,63 € (AME) + 60 % of 10,63 € (AMO)
    const outcome = await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', amountCents: expected, reference: 'VIR CPAM BORD 1', target: { bordereauId: bordereau.id } });
    expect(outcome.transfer).toMatchObject({ allocatedCents: expected, creditCents: 0 });
    expect(outcome.shortCents).toBe(0);
    expect((await state(ame.id)).state).toBe('payee');
    expect((await state(normal.id)).paidCents).toBe((await state(normal.id)).expectedCents);
    // Each share is recorded against its payer: the AME's on the AME invoice, the caisse's on the other.
    expect((await t.call('follow-up/invoice', { id: ame.id })).payments.map((p) => p.payer)).toEqual(['amc']);
    expect((await t.call('follow-up/invoice', { id: normal.id })).payments.map((p) => p.payer)).toEqual(['amo']);
  });
});

describe('French bank CSV exports', () => {
  it('a Windows-1252 export: header « Libellé / Crédit » recognised, accents read right', async () => {
    const text = 'Date;Libellé;Débit;Crédit\r\n25/11/2026;VIR CPAM RÉGION ÎLE-DE-FRANCE SÉCU;;31,89\r\n';
    const latin1 = Buffer.from(text, 'latin1'); // the same bytes as Windows-1252 for these characters
    const done = await t.call('statements/import', { fileName: 'releve.csv', contentBase64: latin1.toString('base64'), account: 'Compte pro' });
    expect(done.imported).toBe(1);
    expect(done.lines[0]!.label).toBe('VIR CPAM RÉGION ÎLE-DE-FRANCE SÉCU');
  });

  it('quoted amounts with a thousands space and a decimal comma, « 1 234,56 »', async () => {
    const text = 'Date;Libellé;Débit;Crédit\n25/11/2026;"VIR CPAM; BORD 2";;"1 234,56"\n25/11/2026;VIR AME;;1\u00a0000,05\n';
    const done = await t.call('statements/import', { fileName: 'releve.csv', contentBase64: b64(text), account: 'Compte pro' });
    expect(done.lines.map((l) => [l.label, l.amountCents]).sort()).toEqual([['VIR AME', 100005], ['VIR CPAM; BORD 2', 123456]]);
  });

  it('two equal credits the same day stay two lines; the file again adds nothing', async () => {
    const text = 'Date;Libellé;Débit;Crédit\n25/11/2026;VIR CPAM;;10,00\n25/11/2026;VIR CPAM;;10,00\n';
    expect((await t.call('statements/import', { fileName: 'a.csv', contentBase64: b64(text), account: 'Compte pro' })).imported).toBe(2);
    expect((await t.call('statements/import', { fileName: 'a.csv', contentBase64: b64(text), account: 'Compte pro' })).imported).toBe(0);
    expect(t.count('bank_lines')).toBe(2);
  });
});

describe('hostile CAMT.053', () => {
  const camt = (doctype: string, label: string) => `<?xml version="1.0" encoding="UTF-8"?>
${doctype}
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>FR7630003012340001234567890</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">31.89</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-25</Dt></BookgDt>
<AcctSvcrRef>X1</AcctSvcrRef><AddtlNtryInf>${label}</AddtlNtryInf></Ntry>
</Stmt></BkToCstmrStmt></Document>`;

  it('a billion-laughs DOCTYPE is never expanded', async () => {
    const lol = `<!DOCTYPE Document [<!ENTITY a "lololololol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>`;
    const started = performance.now();
    const r = await t.dispatch('statements/import', { fileName: 'r.xml', contentBase64: b64(camt(lol, 'VIR &h;')) });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.ok ? null : r.error.message_fr).toMatch(/déclare un DOCTYPE.*rien n'a été importé/);
    expect(t.count('bank_lines')).toBe(0);
  });

  it('an external entity is never read', async () => {
    const xxe = '<!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const r = await t.dispatch('statements/import', { fileName: 'r.xml', contentBase64: b64(camt(xxe, 'VIR &x;')) });
    expect(r.ok ? null : r.error.message_fr).toMatch(/déclare un DOCTYPE/);
    expect(t.count('bank_lines')).toBe(0);
  });

  it('standard XML entities in a label are read as the characters they stand for', async () => {
    const r = await t.call('statements/import', { fileName: 'r.xml', contentBase64: b64(camt('', 'VIR CPAM &amp; AME N&#176; 1')) });
    expect(r.lines[0]!.label).toBe('VIR CPAM & AME N° 1');
  });
});

describe('the parsing worker itself', () => {
  it('refuses a DOCTYPE even when called directly', async () => {
    const { parseOffThread } = await import('../../../electron/statements/parse-off-thread.ts');
    const r = await parseOffThread('camt', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>');
    expect(r).toMatchObject({ ok: false, reason: 'unreadable', detail: 'DOCTYPE' });
  });
});
