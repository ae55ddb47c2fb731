/**
 * Issue #9, defects 1–6 at the API level: the practitioner of a draft, prescriptions on any draft, the AME
 * rights on file used by default, the latest AME answer winning, the patient's own share followed, and the
 * small defects (withdrawn rejection, every unknown code reported, AM number typed with spaces).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAmeCoverage,
  buildPatientInput,
  buildPractitionerInput,
  makeTestBackend,
  NIA_7,
  NIA_8,
  NIR_1,
  type TestBackend,
  validatedInvoice,
} from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // today: 25/11/2026
});
afterEach(() => disposeCheckingFollowUp(t));

const nurse = () => t.call('practitioners/create', buildPractitionerInput({ profession: 'infirmier', lastName: 'Martin', firstName: 'Claire', amNumber: '751234567' }));
const kine = () =>
  t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', lastName: 'Bernard', firstName: 'Hugo', amNumber: '759876543' }));
// Tariffs: AMI 3,15 €, IFD 2,75 € (NGAP, BILLING-RULES.md §4); AMK 2,21 € (§5).
const AMI_IFD = [
  { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
  { actDate: '2026-11-20', code: 'IFD', coefficient: 1, quantity: 1 },
];

describe('1. the practitioner of a draft can be changed', () => {
  it('a nurse’s acts typed under the kiné are re-priced under the nurse once the draft changes hands', async () => {
    const k = await kine();
    const n = await nurse();
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: k.id, patientId: patient.id });
    const err = await t.fails('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect(err.message_fr).toContain('AMI');
    const moved = await t.call('invoices/set-practitioner', { invoiceId: draft.id, practitionerId: n.id });
    expect(moved.practitionerId).toBe(n.id);
    const priced = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect(priced.totalCents).toBe(590);
    // Back to the kiné: the nurse's AMI is refused (IFD exists for kinés too), and the draft stays the nurse's.
    const back = await t.fails('invoices/set-practitioner', { invoiceId: draft.id, practitionerId: k.id });
    expect(back).toMatchObject({ field: 'lines.0.code' });
    expect(back.message_fr).toContain('AMI');
    expect((await t.call('invoices/get', { id: draft.id })).practitionerId).toBe(n.id);
    const outcome = await t.call('invoices/validate', { invoiceId: draft.id });
    expect(outcome.kind).toBe('validated');
    expect((await t.fails('invoices/set-practitioner', { invoiceId: draft.id, practitionerId: k.id })).code).toBe('invoice-locked');
  });
});

describe('2. a prescription can be attached to any draft', () => {
  it('attaches, replaces and removes the prescription of a Facturer draft and of the draft « Refaire la facture » creates', async () => {
    const n = await nurse();
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const prescriber = await t.call('prescribers/create', { lastName: 'Roux', firstName: 'Anne', identifier: '751111111' });
    const p1 = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-02', exoneration: 'ald' });
    const p2 = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-22' });
    const draft = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    const attached = await t.call('invoices/set-prescription', { invoiceId: draft.id, prescriptionId: p1.id });
    // The prescription's exonération (ALD) applies: AMO 100 % (BILLING-RULES.md §2).
    expect(attached).toMatchObject({ prescriptionId: p1.id, exoneration: 'ald', amoRate: 100, totalCents: 590 });
    // A prescription dated after the acts is refused, and nothing changes.
    const late = await t.fails('invoices/set-prescription', { invoiceId: draft.id, prescriptionId: p2.id });
    expect(late.message_fr).toContain('précède la prescription');
    expect((await t.call('invoices/get', { id: draft.id })).prescriptionId).toBe(p1.id);
    const other = await t.call('patients/create', buildPatientInput({ nir: NIA_8, lastName: 'Autre' }));
    const otherRx = await t.call('prescriptions/create', { patientId: other.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-01' });
    expect((await t.fails('invoices/set-prescription', { invoiceId: draft.id, prescriptionId: otherRx.id })).field).toBe('prescriptionId');

    // Validated without a prescription, rejected for that, cancelled, redone: the new draft takes one.
    const bare = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: bare.id, lines: AMI_IFD, tiersPayantAmo: true });
    // The first draft holds the same acts: the double-billing warning (issue #19 item 2) is confirmed.
    await t.call('invoices/validate', { invoiceId: bare.id, confirmWarnings: true });
    await t.call('bordereaux/create', { practitionerId: n.id, invoiceIds: [bare.id], sentOn: '2026-11-25' });
    await t.call('rejections/add', { invoiceId: bare.id, rejectedOn: '2026-11-25', reason: 'Prescription manquante' });
    await t.call('invoices/cancel', { invoiceId: bare.id, reason: 'Rejet : prescription manquante' });
    const redo = await t.call('invoices/reissue', { id: bare.id });
    const redone = await t.call('invoices/set-prescription', { invoiceId: redo.id, prescriptionId: p1.id });
    expect(redone).toMatchObject({ status: 'draft', prescriptionId: p1.id, replacesInvoiceId: bare.id });
    expect((await t.call('invoices/set-prescription', { invoiceId: redo.id, prescriptionId: null })).prescriptionId).toBeNull();
  });
});

describe('3. AME rights on file format the invoice as AME by default', () => {
  it('a Facturer-menu draft for a patient with AME « en cours » is AME-formatted without the button, and says why', async () => {
    const n = await nurse();
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_8 }));
    await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
    const draft = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: patient.id });
    expect(draft).toMatchObject({ ame: true, ameChoice: 'rights', amoRate: 0, amcRate: 100, tiersPayantAmo: true, tiersPayantAmc: true });
    const priced = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    // AME formatting (seed 000, SFG RG_CF655): caisse 0 %, AME 100 %, qualificatif N, nothing for the patient.
    expect(priced).toMatchObject({ ame: true, totalCents: 590, amoCents: 0, amcCents: 590, patientCents: 0 });
    expect(priced.lines.every((l) => l.qualificatif === 'N')).toBe(true);
    // No prompt: the invoice is AME already.
    const outcome = await t.call('invoices/validate', { invoiceId: draft.id });
    expect(outcome.kind).toBe('validated');
  });

  it('acts outside the rights withdraw the default; the undo is remembered; no rights on file keeps the prompt', async () => {
    const n = await nurse();
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_8 }));
    await addAmeCoverage(t, patient.id, '2026-11-01', '2027-10-31');
    const draft = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: patient.id });
    const outside = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-10-20', code: 'AMI', coefficient: 1, quantity: 1 }] });
    expect(outside).toMatchObject({ ame: false, ameChoice: null, amoRate: 60 });
    const inside = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect(inside).toMatchObject({ ame: true, ameChoice: 'rights' });
    const undone = await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
    expect(undone.invoice).toMatchObject({ ame: false, ameChoice: 'declined' });
    expect(await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD })).toMatchObject({ ame: false });

    const without = await t.call('patients/create', buildPatientInput({ nir: NIA_8, lastName: 'Sans', firstName: 'Droits' }));
    const d2 = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: without.id });
    expect(await t.call('invoices/update-draft', { invoiceId: d2.id, lines: AMI_IFD })).toMatchObject({ ame: false, ameChoice: null });
    expect((await t.call('invoices/validate', { invoiceId: d2.id })).kind).toBe('ame-prompt');
  });
});

describe('4. the button and the latest answer win over a stored « Oui »', () => {
  it('NIA 7… without coverage: Oui → rights warning → button off → Imprimer → validated, not AME', async () => {
    const n = await nurse();
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_7 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('ame-prompt');
    expect((await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'oui' })).kind).toBe('rights-warning');
    expect((await t.call('invoices/get', { id: draft.id })).ame).toBe(true);
    await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
    const outcome = await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'non' });
    expect(outcome.kind).toBe('validated');
    if (outcome.kind !== 'validated') return;
    expect(outcome.invoice).toMatchObject({ ame: false, status: 'validated', amoRate: 60 });
  });

  it('a later « Non » given at Imprimer replaces an earlier « Oui »', async () => {
    const n = await nurse();
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_7 }));
    await addAmeCoverage(t, patient.id, '2025-01-01', '2025-12-31'); // expired: no default, prompt asked
    const draft = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect((await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'oui' })).kind).toBe('rights-warning');
    // Turning the button off then on again, then off: the last click decides.
    await t.call('invoices/set-ame', { invoiceId: draft.id, ame: true });
    await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
    const outcome = await t.call('invoices/validate', { invoiceId: draft.id });
    expect(outcome.kind).toBe('validated');
    expect((await t.call('invoices/get', { id: draft.id })).ame).toBe(false);
  });
});

describe('5. the patient’s own share is followed', () => {
  it('a non-tiers-payant invoice (5,90 €) waits for the patient, then is « réglée » with the payment in Recettes', async () => {
    const n = await nurse();
    const inv = await validatedInvoice(t, n.id, { ame: false, patient: { nir: NIR_1 }, lines: AMI_IFD });
    let f = await t.call('follow-up/invoice', { id: inv.id });
    expect(f.row).toMatchObject({ state: 'a-encaisser', expectedCents: 0, patientDueCents: 590, patientPaidCents: 0 });
    // Too much is refused.
    expect((await t.fails('payments/add', { invoiceId: inv.id, receivedOn: '2026-11-25', amountCents: 600, mode: 'especes', payer: 'patient' })).field).toBe('amountCents');
    f = await t.call('payments/add', { invoiceId: inv.id, receivedOn: '2026-11-25', amountCents: 590, mode: 'especes', payer: 'patient' });
    expect(f.row).toMatchObject({ state: 'payee', patientPaidCents: 590 });
    expect(f.payments[0]).toMatchObject({ payer: 'patient', amountCents: 590 });
    const ledger = await t.call('payments/ledger', { practitionerId: n.id, from: '2026-11-01', to: '2026-11-30' });
    expect(ledger).toEqual([expect.objectContaining({ amountCents: 590, payer: 'patient', practitionerName: 'Claire Martin' })]);
  });

  it('tiers payant AMO: the caisse pays 60 %, the patient 40 %; « réglée » only when both have paid', async () => {
    const n = await nurse();
    const inv = await validatedInvoice(t, n.id, { ame: false, tiersPayantAmo: true, patient: { nir: NIR_1 }, lines: AMI_IFD });
    // 5,90 € × 60 % = 3,54 € for the caisse, 2,36 € for the patient (BILLING-RULES.md §2, 60 % AMO).
    let f = await t.call('follow-up/invoice', { id: inv.id });
    expect(f.row).toMatchObject({ state: 'a-envoyer', expectedCents: 354, patientDueCents: 236 });
    f = await t.call('payments/add', { invoiceId: inv.id, receivedOn: '2026-11-25', amountCents: 354, mode: 'virement' });
    expect(f.payments[0]!.payer).toBe('amo');
    // The caisse is done (nothing to remind it of): only the patient's share is awaited.
    expect(f.row.state).toBe('a-encaisser');
    f = await t.call('payments/add', { invoiceId: inv.id, receivedOn: '2026-11-25', amountCents: 236, mode: 'cheque' });
    expect(f.payments[1]!.payer).toBe('patient');
    expect(f.row.state).toBe('payee');
  });
});

describe('6. smaller defects', () => {
  it('every unknown code of a save is reported, each on its line', async () => {
    const n = await nurse();
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: n.id, patientId: patient.id });
    const err = await t.fails('invoices/update-draft', {
      invoiceId: draft.id,
      lines: [
        { actDate: '2026-11-20', code: 'AMK', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-20', code: 'XYZ', coefficient: 1, quantity: 1 },
      ],
    });
    expect(err.issues?.map((i) => i.field)).toEqual(['lines.0.code', 'lines.2.code']);
    expect(err.message_fr.split('\n')).toHaveLength(2);
    expect(err.message_fr).toMatch(/^Acte 1 : .*AMK/);
    expect(err.message_fr.split('\n')[1]).toMatch(/^Acte 3 : .*XYZ/);
  });

  it('the AM number typed as printed (`75 6 12345 6`) is stored as its 9 digits', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput({ amNumber: '75 6 12345 6', rpps: '101 0123 4567' }));
    expect(p).toMatchObject({ amNumber: '756123456', rpps: '10101234567' });
  });

  it('a withdrawn rejection no longer shows the invoice « rejetée » anywhere', async () => {
    const n = await nurse();
    const inv = await validatedInvoice(t, n.id);
    await t.call('bordereaux/create', { practitionerId: n.id, invoiceIds: [inv.id], sentOn: '2026-11-25' });
    const r = await t.call('rejections/add', { invoiceId: inv.id, rejectedOn: '2026-11-25', reason: 'Droits' });
    await t.call('rejections/withdraw', { rejectionId: r.rejections[0]!.id });
    expect((await t.call('invoices/list', { practitionerId: n.id }))[0]!.followUpState).toBe('envoyee');
    expect(await t.call('follow-up/list', { practitionerId: n.id, states: ['rejetee'] })).toEqual([]);
    expect((await t.call('follow-up/totals', { practitionerId: n.id })).rejetees.count).toBe(0);
  });
});
