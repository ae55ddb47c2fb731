/**
 * Review of issue 15: a planned visit is billed once along every invoice path that can carry it — the reissue
 * of a cancelled invoice, a bill-period draft edited by hand, a draft moved to another practitioner.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIA_8, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';

const TODAY = '2026-05-26';
let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(TODAY);
});
afterEach(() => t.dispose());

const ACT = { key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 };
const PERIOD = { from: '2026-05-04', to: '2026-05-10' };

/** A nurse's « tous les 2 jours » series on 4 and 6 May, both visits done at 8h. */
async function twoDoneVisits() {
  const practitioner = await t.call('practitioners/create', buildPractitionerInput({ profession: 'infirmier' }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1, postalCode: '93100', city: 'Montreuil' }));
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02' });
  const view = await t.call('series/create', {
    prescriptionId: prescription.id,
    practitionerId: practitioner.id,
    place: 'cabinet',
    acts: [ACT],
    frequency: { kind: 'every-other-day' },
    times: ['08:00'],
    start: '2026-05-04',
    end: '2026-05-06',
    includeSundays: true,
    includeHolidays: true,
  });
  for (const v of view.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: practitioner.id, time: '08:00' });
  return { practitioner, patient, view };
}

describe('a planned visit is billed once on every invoice path', () => {
  it('a reissued invoice keeps billing its visits: billing the period again finds nothing', async () => {
    const { practitioner, view } = await twoDoneVisits();
    const period = { practitionerId: practitioner.id, patientId: null, ...PERIOD };
    const bill = await t.call('series/bill-period', period);
    const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id) });
    const invoiceId = printed.validated[0]!.id;
    await t.call('invoices/cancel', { invoiceId, reason: 'Erreur de nom' });
    const reissued = await t.call('invoices/reissue', { id: invoiceId });
    expect(reissued.visits.map((v) => v.date)).toEqual(['2026-05-04', '2026-05-06']);
    // The reissued draft bills the two visits: a second bill-period would put them on a second feuille.
    expect(await t.fails('series/bill-period', period)).toMatchObject({ code: 'not-found' });
    expect((await t.call('series/get', { id: view.series.id })).visits.map((v) => v.invoiceId)).toEqual([reissued.id, reissued.id]);
  });

  it('refuses to reissue when the visits were billed again in the meantime', async () => {
    const { practitioner } = await twoDoneVisits();
    const period = { practitionerId: practitioner.id, patientId: null, ...PERIOD };
    const bill = await t.call('series/bill-period', period);
    const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id) });
    const invoiceId = printed.validated[0]!.id;
    await t.call('invoices/cancel', { invoiceId, reason: 'Erreur de date' });
    await t.call('series/bill-period', period);
    const refused = await t.fails('invoices/reissue', { id: invoiceId });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message_fr).toMatch(/déjà facturée/);
  });

  it('a visit removed from a bill-period draft by hand is free to be billed again; the one kept stays billed', async () => {
    const { practitioner, view } = await twoDoneVisits();
    const period = { practitionerId: practitioner.id, patientId: null, ...PERIOD };
    const draft = (await t.call('series/bill-period', period)).invoices[0]!.invoice;
    await t.call('invoices/update-draft', { invoiceId: draft.id, visits: [{ date: '2026-05-06', time: '08:00', place: 'cabinet', acts: [ACT] }] });
    expect((await t.call('series/get', { id: view.series.id })).visits.map((v) => v.invoiceId)).toEqual([null, draft.id]);
    const again = await t.call('series/bill-period', period);
    expect(again.invoices.map((i) => i.invoice.visits.map((v) => v.date))).toEqual([['2026-05-04']]);
  });

  it("refuses to move a bill-period draft to another practitioner: the visits were done by the first", async () => {
    const { practitioner } = await twoDoneVisits();
    const other = await t.call('practitioners/create', buildPractitionerInput({ firstName: 'Sophie', lastName: 'Remy', amNumber: '751234568' }));
    const draft = (await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: null, ...PERIOD })).invoices[0]!.invoice;
    const refused = await t.fails('invoices/set-practitioner', { invoiceId: draft.id, practitionerId: other.id });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect((await t.call('invoices/get', { id: draft.id })).practitionerId).toBe(practitioner.id);
  });
});

describe('a visit of the round also typed on a manual invoice', () => {
  const SAME_VISIT = { date: '2026-05-04', time: '08:00', place: 'cabinet' as const, acts: [ACT] };

  it('warns on the manual invoice when the round visit of that date and hour is billed already', async () => {
    const { practitioner, patient } = await twoDoneVisits();
    const bill = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: null, ...PERIOD });
    const manual = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id, prescriptionId: null });
    await t.call('invoices/update-draft', { invoiceId: manual.id, visits: [SAME_VISIT] });
    const problems = await t.call('invoices/checks', { id: manual.id });
    expect(problems).toContainEqual(expect.objectContaining({ level: 'warn', message_fr: expect.stringMatching(/04\/05\/2026 à 08:00.*déjà facturée/) }));
    // Validation asks for the warning to be confirmed, it does not number the feuille silently.
    expect(await t.call('invoices/validate', { invoiceId: manual.id, confirmWarnings: false })).toMatchObject({ kind: 'checks-warning' });
    // Either feuille can be the one to cancel: the bill-period draft carries the warning too.
    expect((await t.call('invoices/checks', { id: bill.invoices[0]!.invoice.id })).some((p) => /déjà facturée/.test(p.message_fr))).toBe(true);
  });

  it('warns on the bill-period feuille when a manual invoice already bills that visit', async () => {
    const { practitioner, patient } = await twoDoneVisits();
    const manual = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id, prescriptionId: null });
    await t.call('invoices/update-draft', { invoiceId: manual.id, visits: [SAME_VISIT] });
    const bill = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: null, ...PERIOD });
    expect(bill.invoices[0]!.problems.filter((p) => /déjà facturée/.test(p.message_fr)).map((p) => p.message_fr)).toHaveLength(1);
  });
});

describe('AME over two attestations', () => {
  it('puts the visits of each attestation on their own feuilles, each validated without the outside-rights warning', async () => {
    const { practitioner, patient } = await twoDoneVisitsAme();
    const bill = await t.call('series/bill-period', { practitionerId: practitioner.id, patientId: patient.id, ...PERIOD });
    // Rights renewed on 6 May: 4 May on the first attestation, 6 May on the second.
    expect(bill.invoices.map((i) => [i.invoice.ame, i.invoice.visits.map((v) => v.date).join(',')])).toEqual([
      [true, '2026-05-04'],
      [true, '2026-05-06'],
    ]);
    const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id) });
    expect(printed.pending).toEqual([]);
  });
});

async function twoDoneVisitsAme() {
  const practitioner = await t.call('practitioners/create', buildPractitionerInput({ profession: 'infirmier' }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_8, postalCode: '93100', city: 'Montreuil' }));
  await addAmeCoverage(t, patient.id, '2025-05-06', '2026-05-05');
  await addAmeCoverage(t, patient.id, '2026-05-06', '2027-05-05');
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02' });
  const view = await t.call('series/create', {
    prescriptionId: prescription.id, practitionerId: practitioner.id, place: 'cabinet', acts: [ACT],
    frequency: { kind: 'every-other-day' }, times: ['08:00'], start: '2026-05-04', end: '2026-05-06', includeSundays: true, includeHolidays: true,
  });
  for (const v of view.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: practitioner.id, time: '08:00' });
  return { practitioner, patient };
}

describe('two visits of a series at the same hour', () => {
  it('refuses to move a visit, or add one, at a date and hour the series already visits', async () => {
    const practitioner = await t.call('practitioners/create', buildPractitionerInput({ profession: 'infirmier' }));
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
    const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02' });
    const view = await t.call('series/create', {
      prescriptionId: prescription.id, practitionerId: practitioner.id, place: 'cabinet', acts: [ACT],
      frequency: { kind: 'daily' }, times: ['08:00'], start: '2026-05-27', end: '2026-05-28',
    });
    const [first, second] = view.visits;
    const moved = await t.fails('series/visit', { action: 'move', visitId: second!.id, date: '2026-05-27', time: '08:00' });
    expect(moved).toMatchObject({ code: 'invalid-input', field: 'time', message_fr: 'Une visite est déjà prévue le 27/05/2026 à 08:00 dans cette série.' });
    const added = await t.fails('series/add-visit', { seriesId: view.series.id, practitionerId: practitioner.id, date: '2026-05-27', time: '08:00' });
    expect(added).toMatchObject({ code: 'invalid-input', field: 'time' });
    // Another hour that day is fine; so is moving the visit onto its own slot.
    await t.call('series/visit', { action: 'move', visitId: second!.id, date: '2026-05-27', time: '19:00' });
    await t.call('series/visit', { action: 'move', visitId: first!.id, date: '2026-05-27', time: '08:00' });
    expect((await t.call('series/get', { id: view.series.id })).visits.map((v) => `${v.date} ${v.plannedTime}`)).toEqual(['2026-05-27 08:00', '2026-05-27 19:00']);
  });
});
