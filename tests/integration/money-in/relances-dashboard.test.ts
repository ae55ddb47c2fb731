/**
 * Issue #16: relances for invoices unpaid after the payer's delay (a letter PDF to the caisse, one to the
 * patient for their share, each recorded on the invoice's history); rejection reasons from the list; the
 * Tableau de bord agreeing to the cent with the follow-up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildPractitionerInput, makeTestBackend, nirOf, NIR_1, type TestBackend, validatedInvoice } from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';
import { renderPng, text } from '../../pdf/pdf-tools.ts';

let t: TestBackend;
afterEach(() => disposeCheckingFollowUp(t));

/** The same data folder opened later: the clock moves on, the invoices stay. */
function reopenAt(today: string): TestBackend {
  t.close();
  return makeTestBackend(today, t.dir);
}

describe('relances', () => {
  it('lists AME invoices unpaid 30 days after the bordereau, prints the letter to the caisse and records it on each invoice', async () => {
    t = makeTestBackend('2026-11-25');
    const practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
    const a = await validatedInvoice(t, practitionerId, { patient: { nir: nirOf('8850599123456') } });
    const b = await validatedInvoice(t, practitionerId, { patient: { nir: nirOf('8850599123457'), firstName: 'Fatou' } });
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id, b.id], sentOn: '2026-11-25' });
    expect(await t.call('relances/due', { practitionerId })).toEqual([]);
    t = reopenAt('2026-12-26'); // 31 days later
    await t.call('transfers/record', { practitionerId, receivedOn: '2026-12-20', amountCents: 500, target: { invoiceIds: [b.id] } });
    const due = await t.call('relances/due', { practitionerId, addressee: 'caisse' });
    expect(due.map((d) => [d.number, d.days, d.awaitedCents, d.relanceCount])).toEqual([[a.number, 31, 1063], [b.number, 31, 563]].map((x) => [...x, 0]));
    const { relance, document } = await t.call('relances/create', { practitionerId, addressee: 'caisse', invoiceIds: [a.id, b.id] });
    expect(relance.invoices.map((i) => i.awaitedCents)).toEqual([1063, 563]);
    const pdf = await text(join(t.dir, 'documents', document!.fileName));
    expect(pdf).toContain('Relance — factures impayées');
    expect(pdf).toContain(`bordereau n° ${bordereau.number} du 25/11/2026`);
    expect(pdf).toMatch(/total restant dû\s+16,26\s€/i);
    renderPng(join(t.dir, 'documents', document!.fileName), 'relance-caisse'); // looked at
    const history = await t.call('follow-up/invoice', { id: a.id });
    expect(history.relances).toEqual([{ relanceId: relance.id, sentOn: '2026-12-26', addressee: 'caisse', awaitedCents: 1063 }]);
    expect((await t.call('audit/list', { entity: 'invoice', entityId: a.id })).some((e) => e.action === 'relance')).toBe(true);
    expect((await t.call('relances/due', { practitionerId }))[0]).toMatchObject({ lastRelanceOn: '2026-12-26', relanceCount: 1 });
  });

  it('the delay is set per payer in Réglages; a patient is reminded of their own share', async () => {
    t = makeTestBackend('2026-11-25');
    const practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
    // A normal invoice without tiers payant: the patient owes the whole 10,63 €.
    const inv = await validatedInvoice(t, practitionerId, { ame: false, patient: { nir: NIR_1, lastName: 'Martin', firstName: 'Paul' } });
    expect((await t.fails('relances/set-delays', { amo: 30, amc: 30, patient: 0 })).message_fr).toBe('Délai de relance (patient) : 1 jour au moins.');
    expect(await t.call('relances/set-delays', { amo: 45, amc: 60, patient: 10 })).toEqual({ amo: 45, amc: 60, patient: 10 });
    t = reopenAt('2026-12-04');
    expect(await t.call('relances/due', { practitionerId })).toEqual([]);
    t = reopenAt('2026-12-06');
    const due = await t.call('relances/due', { practitionerId });
    expect(due.map((d) => [d.invoiceId, d.addressee, d.awaitedCents])).toEqual([[inv.id, 'patient', 1063]]);
    const { document } = await t.call('relances/create', { practitionerId, addressee: 'patient', invoiceIds: [inv.id] });
    const pdf = await text(join(t.dir, 'documents', document!.fileName));
    expect(pdf).toContain('Relance — reste à régler');
    expect(pdf).toContain('MARTIN');
    renderPng(join(t.dir, 'documents', document!.fileName), 'relance-patient'); // looked at
    expect((await t.fails('relances/create', { practitionerId, addressee: 'caisse', invoiceIds: [inv.id] })).message_fr).toContain("n'est pas à relancer");
  });
});

describe('rejection reasons', () => {
  it('keeps the reason picked from the list beside its text; an unknown code is refused', async () => {
    t = makeTestBackend();
    const practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
    const a = await validatedInvoice(t, practitionerId);
    await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    expect((await t.fails('rejections/add', { invoiceId: a.id, rejectedOn: '2026-11-25', reason: 'x', reasonCode: 'inconnu' })).field).toBe('reasonCode');
    const f = await t.call('rejections/add', { invoiceId: a.id, rejectedOn: '2026-11-25', reason: 'Droits non ouverts à la date des soins', reasonCode: 'droits' });
    expect(f.rejections[0]).toMatchObject({ reasonCode: 'droits' });
  });
});

describe('Tableau de bord', () => {
  it('agrees to the cent with the follow-up: receipts, unpaid by age and payer, AME against the rest, credit', async () => {
    t = makeTestBackend('2026-11-25');
    const practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
    const ame = [];
    for (const body of ['8850599123456', '8850599123457', '8850599123458']) ame.push(await validatedInvoice(t, practitionerId, { patient: { nir: nirOf(body) } }));
    const tp = await validatedInvoice(t, practitionerId, { ame: false, tiersPayantAmo: true, patient: { nir: NIR_1 } }); // AMO 6,38 € + patient 4,25 €
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [ame[0]!.id, ame[1]!.id, ame[2]!.id], sentOn: '2026-11-25' });
    await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', amountCents: 3089, target: { bordereauId: bordereau.id } }); // short 1,00 €
    await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', payer: 'patient', amountCents: 500, mode: 'especes', target: { invoiceIds: [tp.id] } }); // 0,75 € credit
    const f = await t.call('dashboard/figures', { practitionerId });
    const totals = await t.call('follow-up/totals', { practitionerId });
    const followUpAwaited = totals.aEnvoyer.expectedCents + totals.enAttente.expectedCents + totals.rejetees.expectedCents;
    expect(f.unpaidTiersPayantCents).toBe(followUpAwaited);
    expect(f.unpaidTiersPayantCents).toBe(100 + 638);
    expect(f.unpaidPatientCents).toBe(0);
    expect(f.creditCents).toBe(75);
    // Receipts are what came in: the patient's 5,00 € in cash, of which 0,75 € is kept as credit.
    expect(f.receipts.at(-1)).toEqual({ month: '2026-11', amoCents: 0, amcCents: 3089, patientCents: 500, totalCents: 3589 });
    expect(f.receipts).toHaveLength(12);
    expect(f.unpaidByAge[0]).toEqual({ bucket: '0-30', count: 2, amoCents: 638, amcCents: 100, patientCents: 0, totalCents: 738 });
    expect(f.expectedVsReceived.at(-1)).toEqual({ month: '2026-11', expectedCents: 4 * 1063, receivedCents: 3514 });
    expect(f.ameVsRest).toEqual([
      { group: 'ame', expectedCents: 3189, receivedCents: 3089, unpaidCents: 100 },
      { group: 'autres', expectedCents: 1063, receivedCents: 425, unpaidCents: 638 },
    ]);
    // The practice as a whole: the same figures with one practitioner.
    expect((await t.call('dashboard/figures', {})).unpaidTiersPayantCents).toBe(738);
    // The receipts equal the ledger of the month.
    const ledger = await t.call('payments/ledger', { practitionerId, from: '2026-11-01', to: '2026-11-30' });
    expect(ledger.reduce((s, l) => s + l.amountCents, 0)).toBe(3589);
  });
});
