/**
 * « Répartir le crédit » through the dispatcher: a CPAM transfer paying a 3-invoice AME bordereau with 20,00 €
 * too much keeps 20,00 € of credit; two invoices validated later (one AME, one caisse tiers payant) get that
 * credit, each for what it still owes its payer, in one transaction with an audit entry; the rest stays credit;
 * the Tableau de bord and the follow-up agree to the cent; cancelling the transfer undoes every allocation,
 * the late ones included. Every refusal leaves the database as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, nirOf, type TestBackend, validatedInvoice } from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';

let t: TestBackend;
let practitionerId: number;

beforeEach(async () => {
  t = makeTestBackend(); // today: 25/11/2026
  practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
});
afterEach(() => disposeCheckingFollowUp(t));

const ONE_AMI = [{ actDate: '2026-11-21', code: 'AMI', coefficient: 1, quantity: 1 }]; // 3,15 € (AMI 1)

/** Bordereau n° 1 of three AME invoices (3 × 10,63 € = 31,89 €) paid by one CPAM transfer of 51,89 €. */
async function overpaidBordereau() {
  const invoices = [];
  for (const body of ['8850599123456', '8850599123457', '8850599123458']) invoices.push(await validatedInvoice(t, practitionerId, { patient: { nir: nirOf(body) } }));
  const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: invoices.map((i) => i.id), sentOn: '2026-11-25' });
  const outcome = await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', amountCents: 5189, reference: 'VIR CPAM 751', target: { bordereauId: bordereau.id } });
  expect(outcome.transfer).toMatchObject({ allocatedCents: 3189, creditCents: 2000, payer: 'amc' });
  return { bordereau, invoices, transfer: outcome.transfer };
}

/** Two invoices validated after the transfer: an AME one (AMC 3,15 €) and a caisse tiers-payant one (AMO 60 % = 1,89 €). */
async function laterInvoices() {
  const ame = await validatedInvoice(t, practitionerId, { patient: { nir: nirOf('8850599123459') }, lines: ONE_AMI });
  const amo = await validatedInvoice(t, practitionerId, { ame: false, tiersPayantAmo: true, patient: { nir: NIR_1 }, lines: ONE_AMI });
  return [ame, amo] as const;
}

const row = async (id: number) => (await t.call('follow-up/invoice', { id })).row;
const states = async (ids: number[]) => Promise.all(ids.map(async (id) => (await row(id)).state));

/** The dashboard's credit and unpaid figures equal the transfers' credits and the follow-up's totals. */
async function expectFiguresAgree(creditCents: number) {
  const f = await t.call('dashboard/figures', { practitionerId });
  const totals = await t.call('follow-up/totals', { practitionerId });
  expect(f.creditCents).toBe(creditCents);
  expect((await t.call('transfers/list', { practitionerId, withCredit: true })).reduce((s, x) => s + x.creditCents, 0)).toBe(creditCents);
  expect(f.unpaidTiersPayantCents).toBe(totals.aEnvoyer.expectedCents + totals.enAttente.expectedCents + totals.rejetees.expectedCents);
  const ledger = await t.call('payments/ledger', { practitionerId, from: '2026-11-01', to: '2026-11-30' });
  expect(f.receipts.at(-1)!.totalCents).toBe(ledger.reduce((s, l) => s + l.amountCents, 0));
  return f;
}

describe('Répartir le crédit', () => {
  it('spreads 20,00 € of credit onto two invoices validated later, to the cent; the rest stays credit; cancelling undoes all', async () => {
    const { invoices, transfer } = await overpaidBordereau();
    const [ame, amo] = await laterInvoices();
    expect((await row(ame.id)).expectedCents).toBe(315);
    expect((await row(amo.id)).expectedCents).toBe(189);
    // The livre des recettes counts money on the day it came in: the whole 51,89 €, credit included.
    expect((await expectFiguresAgree(2000)).receipts.at(-1)).toMatchObject({ amoCents: 0, amcCents: 5189, totalCents: 5189 });

    const outcome = await t.call('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [ame.id, amo.id] } });
    // The caisse's money pays the AME share of the AME invoice and the caisse's share of the other.
    expect(outcome.transfer.allocations.slice(3).map((a) => [a.invoiceId, a.amountCents])).toEqual([[ame.id, 315], [amo.id, 189]]);
    expect(outcome.transfer).toMatchObject({ amountCents: 5189, allocatedCents: 3189 + 504, creditCents: 1496 });
    expect(outcome.shortCents).toBe(0);
    expect(outcome.message_fr).toBe('Crédit de 5,04\u00a0€ réparti sur 2 factures. Reste en crédit : 14,96\u00a0€.');
    expect(await states([ame.id, amo.id])).toEqual(['payee', 'a-encaisser']); // the caisse's share paid, the patient's still to collect
    expect((await row(amo.id)).patientDueCents - (await row(amo.id)).patientPaidCents).toBe(126); // the patient's share stays theirs
    const payments = (await t.call('follow-up/invoice', { id: amo.id })).payments;
    expect(payments.map((p) => [p.payer, p.amountCents, p.receivedOn])).toEqual([['amo', 189, '2026-11-25']]);
    const audit = await t.call('audit/list', { entity: 'transfer', entityId: transfer.id });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'allocate-credit']));
    const f = await expectFiguresAgree(1496);
    // Spreading it later moves no month's total (review finding: it used to grow November from 31,89 to 36,93 €);
    // the 1,89 € paid to the caisse's share moves from the credit to « Caisse (AMO) ».
    expect(f.receipts.at(-1)).toMatchObject({ amoCents: 189, amcCents: 3189 + 315 + 1496, patientCents: 0, totalCents: 5189 });

    // Spreading again onto invoices already paid: nothing owed, nothing changed.
    const allocations = t.count('allocations');
    const none = await t.fails('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [ame.id, invoices[0]!.id] } });
    expect(none).toMatchObject({ code: 'conflict', field: 'target', message_fr: "Aucune des factures choisies n'attend plus rien de ce payeur : le crédit de 14,96\u00a0€ reste entier." });
    expect(t.count('allocations')).toBe(allocations);

    await t.call('transfers/cancel', { id: transfer.id, reason: 'Virement rejeté par la banque' });
    expect(await states([...invoices.map((i) => i.id), ame.id, amo.id])).toEqual(['envoyee', 'envoyee', 'envoyee', 'a-envoyer', 'a-envoyer']);
    await expectFiguresAgree(0);
    expect((await t.call('dashboard/figures', { practitionerId })).unpaidTiersPayantCents).toBe(3189 + 315 + 189);
  });

  it('a credit smaller than what is owed: the invoice stays partly due, no credit left', async () => {
    const invoices = [];
    for (const body of ['8850599123456', '8850599123457']) invoices.push(await validatedInvoice(t, practitionerId, { patient: { nir: nirOf(body) } }));
    const first = await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', amountCents: 1563, target: { invoiceIds: [invoices[0]!.id] } });
    expect(first.transfer.creditCents).toBe(500);
    const outcome = await t.call('transfers/allocate-credit', { transferId: first.transfer.id, target: { invoiceIds: [invoices[1]!.id] } });
    expect(outcome).toMatchObject({ shortCents: 563, transfer: { creditCents: 0 } });
    expect(outcome.message_fr).toBe('Crédit de 5,00\u00a0€ réparti sur 1 facture. Il manque 5,63\u00a0€ : le reste demeure dû. Plus aucun crédit sur ce virement.');
    expect((await row(invoices[1]!.id)).paidCents).toBe(500);
    expect((await row(invoices[0]!.id)).state).toBe('payee');
    await expectFiguresAgree(0);
  });

  it('a patient paying in advance: their credit pays patients’ shares only', async () => {
    const tp = await validatedInvoice(t, practitionerId, { ame: false, tiersPayantAmo: true, patient: { nir: NIR_1 }, lines: ONE_AMI }); // patient 1,26 €
    const advance = await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', payer: 'patient', amountCents: 2000, mode: 'especes', target: { invoiceIds: [tp.id] } });
    expect(advance.transfer.creditCents).toBe(2000 - 126);
    const later = await validatedInvoice(t, practitionerId, { ame: false, tiersPayantAmo: true, patient: { nir: NIR_1 }, lines: ONE_AMI });
    const before = t.count('allocations');
    expect(await t.fails('transfers/allocate-credit', { transferId: advance.transfer.id, payer: 'amo', target: { invoiceIds: [later.id] } })).toMatchObject({
      code: 'invalid-input', field: 'payer', message_fr: "Ce crédit vient d'un patient : il ne peut payer que des parts patient.",
    });
    expect(t.count('allocations')).toBe(before);
    const outcome = await t.call('transfers/allocate-credit', { transferId: advance.transfer.id, target: { invoiceIds: [later.id] } });
    expect(outcome.transfer.allocations.at(-1)).toMatchObject({ invoiceId: later.id, amountCents: 126 });
    expect(outcome.transfer.creditCents).toBe(2000 - 252);
    expect((await row(later.id)).state).toBe('a-envoyer'); // the caisse's share is still awaited
    await expectFiguresAgree(2000 - 252);
  });
});

describe('Répartir le crédit: refusals in French, nothing changed', () => {
  const refused = async (input: Record<string, unknown>, expected: { code: string; message_fr: string | RegExp; field?: string }) => {
    const before = [t.count('allocations'), t.count('transfers'), t.count('audit_log')];
    const err = await t.fails('transfers/allocate-credit', input as never);
    expect(err.code).toBe(expected.code);
    if (typeof expected.message_fr === 'string') expect(err.message_fr).toBe(expected.message_fr);
    else expect(err.message_fr).toMatch(expected.message_fr);
    if (expected.field) expect(err.field).toBe(expected.field);
    expect([t.count('allocations'), t.count('transfers'), t.count('audit_log')]).toEqual(before);
  };

  it('no credit left, a cancelled transfer, a draft, another practitioner’s invoice, an unknown one, nothing owed', async () => {
    const { invoices, transfer } = await overpaidBordereau();
    const [ame] = await laterInvoices();

    // No credit left: a transfer that paid exactly what was owed.
    const exact = await validatedInvoice(t, practitionerId, { patient: { nir: nirOf('8850599123450') }, lines: ONE_AMI });
    const paid = await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', amountCents: 315, target: { invoiceIds: [exact.id] } });
    await refused({ transferId: paid.transfer.id, target: { invoiceIds: [ame.id] } }, { code: 'conflict', field: 'transferId', message_fr: "Ce virement n'a plus de crédit à répartir : tout son montant est déjà sur des factures." });

    // A draft.
    const patient = await t.call('patients/create', buildPatientInput({ lastName: 'Brouillon', nir: nirOf('8850599123451') }));
    const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient.id });
    await refused({ transferId: transfer.id, target: { invoiceIds: [ame.id, draft.id] } }, { code: 'conflict', field: 'target', message_fr: /^La facture n° .+ est un brouillon : validez-la d'abord\.$/ });

    // Another practitioner's invoice.
    const otherId = (await t.call('practitioners/create', buildPractitionerInput({ firstName: 'Sophie', lastName: 'Remy', amNumber: '751234568' }))).id;
    const foreign = await validatedInvoice(t, otherId, { patient: { nir: nirOf('8850599123452') }, lines: ONE_AMI });
    await refused({ transferId: transfer.id, target: { invoiceIds: [foreign.id] } }, { code: 'invalid-input', field: 'target', message_fr: `La facture n° ${foreign.number} appartient à un autre praticien.` });

    // An unknown invoice, an unknown transfer.
    await refused({ transferId: transfer.id, target: { invoiceIds: [99999] } }, { code: 'not-found', message_fr: 'Une des factures choisies est introuvable.' });
    await refused({ transferId: 99999, target: { invoiceIds: [ame.id] } }, { code: 'not-found', message_fr: 'Virement introuvable.' });

    // Nothing owed by this payer: the bordereau is paid, and an AME invoice owes the caisse nothing.
    await refused({ transferId: transfer.id, target: { invoiceIds: invoices.map((i) => i.id) } }, {
      code: 'conflict', field: 'target', message_fr: "Aucune des factures choisies n'attend plus rien de ce payeur : le crédit de 20,00\u00a0€ reste entier.",
    });
    await refused({ transferId: transfer.id, payer: 'amo', target: { invoiceIds: [ame.id] } }, { code: 'conflict', message_fr: /le crédit de 20,00\u00a0€ reste entier/ });
    await refused({ transferId: transfer.id, payer: 'patient', target: { invoiceIds: [ame.id] } }, { code: 'invalid-input', field: 'payer', message_fr: "Ce crédit ne vient pas d'un patient : il ne paie pas de part patient." });

    // Bad input at the boundary.
    await refused({ transferId: transfer.id, target: { invoiceIds: [] } }, { code: 'invalid-input', message_fr: /Choisissez/ });
    await refused({ transferId: transfer.id, target: { invoiceIds: [ame.id, ame.id] } }, { code: 'invalid-input', message_fr: 'Une facture figure deux fois dans la liste.' });

    // A cancelled transfer.
    await t.call('transfers/cancel', { id: transfer.id, reason: 'Erreur de saisie' });
    await refused({ transferId: transfer.id, target: { invoiceIds: [ame.id] } }, { code: 'conflict', field: 'transferId', message_fr: "Ce virement est annulé : il n'a plus de crédit à répartir." });
  });

  it('a whole bordereau sent later takes the credit, each invoice for what it owes', async () => {
    const { transfer } = await overpaidBordereau();
    const later = [];
    for (const body of ['8850599123453', '8850599123454']) later.push(await validatedInvoice(t, practitionerId, { patient: { nir: nirOf(body) }, lines: ONE_AMI }));
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: later.map((i) => i.id), sentOn: '2026-11-25' });
    const outcome = await t.call('transfers/allocate-credit', { transferId: transfer.id, target: { bordereauId: bordereau.id } });
    expect(outcome.transfer.creditCents).toBe(2000 - 630);
    expect(await states(later.map((i) => i.id))).toEqual(['payee', 'payee']);
    await expectFiguresAgree(1370);
  });
});
