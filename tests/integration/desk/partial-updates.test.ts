/**
 * Issue #19, item 6: an update that leaves a field out keeps that field as stored — for every update
 * method of the contract (invoices/update-draft, patients/update, practitioners/update, coverages/update,
 * invoices/set-circumstances). Before the fix a partial update-draft deleted every visit and line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // today: 25/11/2026
});
afterEach(() => t.dispose());

const homeVisit = {
  date: '2026-11-20', time: '08:15', callTime: null, place: 'domicile' as const, householdRank: 1, distanceKm: 8, urgent: false,
  imperativePrescription: false, coordination: 'aucune' as const, twoSessionsJustified: false, r251Procedure: false,
  acts: [{ code: 'AMI', coefficient: 1 }],
};

describe('invoices/update-draft', () => {
  it('only tiersPayantAmo, then only exoneration: the visits and lines stay, the terms change', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    const withVisits = await t.call('invoices/update-draft', { invoiceId: invoice.id, visits: [homeVisit] });
    expect(withVisits.visits).toHaveLength(1);
    const lines = withVisits.lines.map((l) => [l.code, l.amountCents]);
    expect(lines.length).toBeGreaterThan(1); // AMI + IFD + IK

    const tp = await t.call('invoices/update-draft', { invoiceId: invoice.id, tiersPayantAmo: true });
    expect(tp.tiersPayantAmo).toBe(true);
    expect(tp.visits).toHaveLength(1);
    expect(tp.visits[0]).toMatchObject({ time: '08:15', place: 'domicile', distanceTenths: 80 });
    expect(tp.lines.map((l) => [l.code, l.amountCents])).toEqual(lines);

    const ald = await t.call('invoices/update-draft', { invoiceId: invoice.id, exoneration: 'ald' });
    expect(ald).toMatchObject({ exoneration: 'ald', amoRate: 100, tiersPayantAmo: true, totalCents: withVisits.totalCents });
    expect(ald.visits).toHaveLength(1);
    expect(ald.lines.map((l) => [l.code, l.amountCents])).toEqual(lines);
  });

  it('lines typed by hand stay when only the terms are sent', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    const after = await t.call('invoices/update-draft', { invoiceId: invoice.id, tiersPayantAmo: true });
    expect(after.lines.map((l) => l.code)).toEqual(invoice.lines.map((l) => l.code));
    expect(after.totalCents).toBe(invoice.totalCents);
  });

  it('an explicit empty list still empties the draft (what is sent is what is stored)', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    expect((await t.call('invoices/update-draft', { invoiceId: invoice.id, lines: [] })).lines).toEqual([]);
  });
});

describe('patients/update', () => {
  it('only the phone: birth rank, quality, insured person, address and notes stay', async () => {
    const p = await t.call(
      'patients/create',
      buildPatientInput({ nir: NIR_1, birthRank: 2, quality: 'ayant_droit', insuredLastName: 'Diallo', insuredFirstName: 'Moussa', notes: 'Code porte 1234', phone: '06 00 00 00 00' }),
    );
    const after = await t.call('patients/update', { id: p.id, patient: { phone: '06 11 11 11 11' } });
    expect(after).toMatchObject({ ...p, phone: '06 11 11 11 11', updatedAt: after.updatedAt });
  });

  it('a partial update is still checked as a whole (ayant droit without the insured name is refused)', async () => {
    const p = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const err = await t.fails('patients/update', { id: p.id, patient: { quality: 'ayant_droit' } });
    expect(err).toMatchObject({ code: 'invalid-input', field: 'patient.insuredLastName' });
    expect((await t.call('patients/get', { id: p.id })).quality).toBe('assure');
  });
});

describe('explicit null clears a field on purpose; omitted keeps it (review of #19)', () => {
  it('patients/update: phone and notes cleared by null, the rest kept; a required field sent as null is refused, nothing written', async () => {
    const p = await t.call('patients/create', buildPatientInput({ nir: NIR_1, phone: '06 00 00 00 00', notes: 'Code porte 1234', usageName: 'Sow' }));
    const cleared = await t.call('patients/update', { id: p.id, patient: { phone: null, notes: null } });
    expect(cleared).toMatchObject({ phone: null, notes: null, usageName: 'Sow', lastName: p.lastName, nir: p.nir });
    const err = await t.fails('patients/update', { id: p.id, patient: { lastName: null, phone: '06 99 99 99 99' } as never });
    expect(err).toMatchObject({ code: 'invalid-input', field: 'patient.lastName' });
    expect(err.message_fr).toMatch(/obligatoire/);
    expect(await t.call('patients/get', { id: p.id })).toMatchObject({ lastName: p.lastName, phone: null });
  });

  it('invoices/set-circumstances: a date sent as null is cleared; unchecking the third-party accident clears its date', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    await t.call('invoices/set-circumstances', { invoiceId: invoice.id, insuranceNature: 'maladie', thirdPartyAccident: true, accidentDate: '2026-11-01', priorAgreementDate: '2026-11-10' });
    const a = await t.call('invoices/set-circumstances', { invoiceId: invoice.id, priorAgreementDate: null });
    expect(a.circumstances).toMatchObject({ thirdPartyAccident: true, accidentDate: '2026-11-01', priorAgreementDate: null });
    const b = await t.call('invoices/set-circumstances', { invoiceId: invoice.id, thirdPartyAccident: false });
    expect(b.circumstances).toMatchObject({ thirdPartyAccident: false, accidentDate: null });
  });

  it('practitioners/update: a remplaçant without the replaced practitioner is refused in French, nothing written', async () => {
    const me = await t.call('practitioners/create', buildPractitionerInput());
    const err = await t.fails('practitioners/update', { id: me.id, practitioner: { situation: 'remplacant', phone: '01 99 99 99 99' } });
    expect(err).toMatchObject({ code: 'invalid-input', field: 'practitioner.replaced' });
    expect(err.message_fr).toMatch(/Remplaçant/);
    expect((await t.call('practitioners/list', {})).find((x) => x.id === me.id)).toMatchObject({ situation: 'titulaire', phone: me.phone });
  });
});

describe('practitioners/update', () => {
  it('only the phone: the replaced practitioner, RPPS and IK zone stay', async () => {
    const me = await t.call(
      'practitioners/create',
      buildPractitionerInput({ situation: 'remplacant', replaced: { lastName: 'Petit', firstName: 'Léa', amNumber: '751000001' }, ikZone: 'montagne' }),
    );
    const after = await t.call('practitioners/update', { id: me.id, practitioner: { phone: '01 22 22 22 22' } });
    expect(after).toEqual({ ...me, phone: '01 22 22 22 22' });
  });
});

describe('coverages/update', () => {
  it('only the dates: the code contrat and the attestation number stay', async () => {
    const p = await t.call('patients/create', buildPatientInput());
    const organisms = await t.call('organisms/list', {});
    const ame = organisms.find((o) => o.isAme)!;
    const c = await t.call('coverages/add', { patientId: p.id, organismId: ame.id, startDate: '2026-03-01', endDate: '2027-02-28', contractCode: '04', attestationNumber: 'A-123' });
    const after = await t.call('coverages/update', { id: c.id, startDate: '2026-04-01', endDate: '2027-03-31' });
    expect(after).toMatchObject({ startDate: '2026-04-01', endDate: '2027-03-31', contractCode: '04', attestationNumber: 'A-123' });
  });
});

describe('invoices/set-circumstances', () => {
  it('only the entente préalable: the accident by a third party stays', async () => {
    const { patient, invoice } = await seedDraft(t, { nir: NIR_1 });
    await addAmeCoverage(t, patient.id, '2026-01-01', '2026-12-31');
    await t.call('invoices/set-circumstances', { invoiceId: invoice.id, insuranceNature: 'maladie', thirdPartyAccident: true, accidentDate: '2026-11-01' });
    const after = await t.call('invoices/set-circumstances', { invoiceId: invoice.id, priorAgreementDate: '2026-11-10' });
    expect(after.circumstances).toMatchObject({ insuranceNature: 'maladie', thirdPartyAccident: true, accidentDate: '2026-11-01', priorAgreementDate: '2026-11-10' });
  });
});
