/**
 * Issue 15, what the desk expects on the round, through the dispatcher: « Ajouter une visite » for a patient
 * without a series (billable once), and a planned visit given to the replacement nurse (only while unbilled).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';
import { seriesState } from './series-state.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend('2026-05-26');
});
afterEach(() => t.dispose());

const state = () => seriesState(t);

async function setup() {
  const nurse = await t.call('practitioners/create', buildPractitionerInput());
  const replacement = await t.call('practitioners/create', buildPractitionerInput({ firstName: 'Sophie', lastName: 'Remy', amNumber: '751234568' }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1, postalCode: '93100', city: 'Montreuil' }));
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02' });
  return { nurse, replacement, patient, prescription };
}

describe('« Ajouter une visite » on the round for a patient without a series', () => {
  it('adds an unplanned visit on the round, marked done and billed once', async () => {
    const { nurse, patient, prescription } = await setup();
    await t.call('travel/set', { patientId: patient.id, distanceKm: 3 });
    expect(await t.call('series/list', { patientId: patient.id })).toEqual([]);
    const visit = await t.call('round/add-visit', {
      practitionerId: nurse.id, prescriptionId: prescription.id, date: '2026-05-25', time: '11:15', place: 'domicile', acts: [{ code: 'AMI', coefficient: 1 }],
    });
    expect(visit).toMatchObject({ unplanned: true, status: 'planned', practitionerId: nurse.id, patientId: patient.id, date: '2026-05-25', plannedTime: '11:15' });
    const round = await t.call('round/day', { practitionerId: nurse.id, date: '2026-05-25' });
    expect(round).toMatchObject([{ id: visit.id, patientName: 'DIALLO Aminata', seriesLabel: 'Visite non prévue', distanceKm: 3, acts: [{ code: 'AMI', coefficient: 100 }] }]);
    await t.call('series/visit', { action: 'done', visitId: visit.id, practitionerId: nurse.id, time: '11:20' });

    const period = { practitionerId: nurse.id, patientId: null, from: '2026-05-25', to: '2026-05-31' };
    const bill = await t.call('series/bill-period', period);
    // AMI 1 alone: the MAU (a single AMI ≤ 1,5, NGAP art. 23.1, BILLING-RULES « MAU 1,35 € »), the IFD and the IK of a home visit.
    expect(bill.invoices.map((i) => i.invoice.lines.map((l) => l.code))).toEqual([['AMI', 'MAU', 'IFD', 'IKP']]);
    expect(bill.invoices[0]!.invoice.prescriptionId).toBe(prescription.id);
    // Billed once: a second « Facturer la période » finds nothing, and the visit cannot be changed.
    expect(await t.fails('series/bill-period', period)).toMatchObject({ code: 'not-found' });
    expect(await t.fails('series/visit', { action: 'reopen', visitId: visit.id, practitionerId: nurse.id })).toMatchObject({ code: 'conflict' });
  });

  it('refuses a visit before the prescription, without an act, or past 4 on the patient\'s day, in French and writing nothing', async () => {
    const { nurse, prescription } = await setup();
    const base = { practitionerId: nurse.id, prescriptionId: prescription.id, date: '2026-05-25', time: '11:15', place: 'domicile' as const, acts: [{ code: 'AMI', coefficient: 1 }] };
    await t.call('series/create', { ...base, frequency: { kind: 'daily' }, times: ['07:00', '10:00', '14:00', '18:00'], start: '2026-05-25', end: '2026-05-25' });
    const before = state();
    expect(await t.fails('round/add-visit', { ...base, date: '2026-05-01' })).toEqual({
      code: 'invalid-input', field: 'date', message_fr: 'La visite (01/05/2026) précède la prescription du 02/05/2026.',
    });
    expect(await t.fails('round/add-visit', { ...base, acts: [] })).toMatchObject({ code: 'invalid-input', field: 'acts', message_fr: 'Ajoutez au moins un acte à la visite.' });
    expect(await t.fails('round/add-visit', base)).toEqual({
      code: 'invalid-input', field: 'date', message_fr: '5 passages le 25/05/2026 pour ce patient (toutes séries comprises) : 4 au maximum.',
    });
    expect(state()).toBe(before);
  });
});

describe('a planned visit given to the replacement nurse', () => {
  it('moves to her round, she marks it done and bills it under her name; a done or billed visit stays', async () => {
    const { nurse, replacement, prescription } = await setup();
    const view = await t.call('series/create', {
      prescriptionId: prescription.id, practitionerId: nurse.id, place: 'cabinet', acts: [{ code: 'AMI', coefficient: 1 }],
      frequency: { kind: 'daily' }, times: ['08:00'], start: '2026-05-18', end: '2026-05-20',
    });
    const [a, b, c] = view.visits;
    expect(await t.call('series/visit', { action: 'reassign', visitId: b!.id, practitionerId: replacement.id })).toMatchObject({ practitionerId: replacement.id, status: 'planned' });
    expect((await t.call('round/day', { practitionerId: replacement.id, date: '2026-05-19' })).map((r) => r.id)).toEqual([b!.id]);
    expect(await t.call('round/day', { practitionerId: nurse.id, date: '2026-05-19' })).toEqual([]);
    // The nurse can no longer mark it; the replacement does, and bills it.
    expect(await t.fails('series/visit', { action: 'done', visitId: b!.id, practitionerId: nurse.id, time: '08:05' })).toMatchObject({ code: 'forbidden' });
    await t.call('series/visit', { action: 'done', visitId: b!.id, practitionerId: replacement.id, time: '08:05' });
    await t.call('series/visit', { action: 'done', visitId: a!.id, practitionerId: nurse.id, time: '08:05' });
    const bill = await t.call('series/bill-period', { practitionerId: replacement.id, patientId: null, from: '2026-05-18', to: '2026-05-24' });
    expect(bill.invoices.map((i) => [i.invoice.practitionerId, [...new Set(i.invoice.lines.map((l) => l.actDate))]])).toEqual([[replacement.id, ['2026-05-19']]]);
    const audit = await t.call('audit/list', { entity: 'planned_visit', entityId: b!.id });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['reassign', 'done']));

    const before = state();
    // Billed (b) or done (a): not given to anyone else; a kiné cannot take a nurse's visit.
    expect(await t.fails('series/visit', { action: 'reassign', visitId: b!.id, practitionerId: nurse.id })).toEqual({
      code: 'conflict', field: 'visitId', message_fr: 'Cette visite est déjà facturée : annulez la facture pour la modifier.',
    });
    expect(await t.fails('series/visit', { action: 'reassign', visitId: a!.id, practitionerId: replacement.id })).toEqual({
      code: 'conflict', field: 'visitId', message_fr: 'Seule une visite prévue peut être confiée à un autre praticien.',
    });
    const kine = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', firstName: 'Paul', lastName: 'Roux', amNumber: '751234569' }));
    expect(await t.fails('series/visit', { action: 'reassign', visitId: c!.id, practitionerId: kine.id })).toEqual({
      code: 'invalid-input', field: 'practitionerId', message_fr: 'Cette visite ne peut être confiée qu’à un praticien de la même profession.',
    });
    expect(state().replace(/audit_log:\d+/, '')).toBe(before.replace(/audit_log:\d+/, ''));
  });
});
