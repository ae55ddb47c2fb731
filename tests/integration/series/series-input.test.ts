/** Issue 15: bad input gets a French message and changes nothing; the IK warning inside the office's commune. */
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
  const practitioner = await t.call('practitioners/create', buildPractitionerInput());
  const other = await t.call('practitioners/create', buildPractitionerInput({ firstName: 'Sophie', lastName: 'Remy', amNumber: '751234568' }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02' });
  const series = {
    prescriptionId: prescription.id,
    practitionerId: practitioner.id,
    place: 'domicile' as const,
    acts: [{ code: 'AMI', coefficient: 1 }],
    frequency: { kind: 'daily' as const },
    times: ['08:00'],
    start: '2026-05-04',
    end: '2026-05-10',
  };
  return { practitioner, other, patient, prescription, series };
}

describe('series: bad input in French, nothing changed', () => {
  it('refuses an end before the start, no act, 0 séances, more than 4 visits a day', async () => {
    const { series } = await setup();
    const before = state();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ end: '2026-05-01' }, 'end', 'La fin des soins (01/05/2026) précède leur début (04/05/2026).'],
      [{ acts: [] }, 'acts', 'Ajoutez au moins un acte à la série.'],
      [{ end: null, count: 0 }, 'count', 'Nombre de séances : au moins 1.'],
      [{ times: ['06:00', '10:00', '14:00', '18:00', '22:00'] }, 'times', 'Plus de 4 passages par jour : 4 au maximum.'],
      [{ start: '2026-04-30' }, 'start', 'Le début des soins (30/04/2026) précède la prescription du 02/05/2026.'],
      [{ acts: [{ code: 'AMK', coefficient: 8 }] }, 'acts.0.code', 'Acte 1 : '],
      [{ frequency: { kind: 'weekdays', days: [] } }, 'frequency', 'Choisissez au moins un jour de la semaine.'],
      [{ times: ['8h'] }, 'times.0', 'Heure de passage : au format hh:mm (par exemple 07:30).'],
    ];
    for (const [patch, field, message] of cases) {
      const error = await t.fails('series/create', { ...series, ...patch } as never);
      expect(error.code).toBe('invalid-input');
      expect(error.field).toBe(field);
      expect(error.message_fr.startsWith(message), `${error.message_fr} ⟂ ${message}`).toBe(true);
    }
    expect(state()).toBe(before);
  });

  it('refuses marking done a visit of another practitioner, a future visit, and a fifth visit on a day', async () => {
    const { practitioner, other, series } = await setup();
    const view = await t.call('series/create', { ...series, end: '2026-05-30', times: ['08:00', '12:00', '16:00', '20:00'] });
    const before = state();
    expect(await t.fails('series/visit', { action: 'done', visitId: view.visits[0]!.id, practitionerId: other.id, time: '08:05' })).toEqual({
      code: 'forbidden',
      message_fr: 'Cette visite est prévue pour un autre praticien : seul le praticien de la tournée peut la marquer.',
      field: 'practitionerId',
    });
    const future = view.visits.find((v) => v.date === '2026-05-28')!;
    expect(await t.fails('series/visit', { action: 'done', visitId: future.id, practitionerId: practitioner.id, time: '08:05' })).toMatchObject({
      code: 'invalid-input',
      message_fr: 'La visite du 28/05/2026 est dans le futur : elle ne peut pas encore être faite.',
    });
    expect(await t.fails('series/add-visit', { seriesId: view.series.id, practitionerId: practitioner.id, date: '2026-05-05', time: '22:00' })).toMatchObject({
      code: 'invalid-input',
      message_fr: '5 passages le 05/05/2026 pour ce patient (toutes séries comprises) : 4 au maximum.',
    });
    expect(await t.fails('series/visit', { action: 'not-done', visitId: view.visits[0]!.id, practitionerId: practitioner.id, reason: '  ' })).toMatchObject({ field: 'reason' });
    expect(await t.fails('series/bill-period', { practitionerId: practitioner.id, from: '2026-05-10', to: '2026-05-04' })).toMatchObject({
      field: 'to',
      message_fr: 'La fin de la période (04/05/2026) précède son début (10/05/2026).',
    });
    expect(state()).toBe(before);
  });

  it('counts the 4 visits a day per patient, over all their series: a second series, a move or an added visit past 4 is refused', async () => {
    const { other, patient, series } = await setup();
    // Three visits a day from the first series (the patient's own nurse).
    const first = await t.call('series/create', { ...series, times: ['08:00', '12:00', '18:00'] });
    // A second series of the same patient (another prescription, the replacement nurse) for 3 more a day: 6 a day.
    const prescriber = (await t.call('prescribers/list', {}))[0]!;
    const again = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02' });
    const before = state();
    expect(await t.fails('series/create', { ...series, prescriptionId: again.id, practitionerId: other.id, times: ['07:00', '14:00', '21:00'], start: '2026-05-08', end: '2026-05-20' })).toEqual({
      code: 'invalid-input',
      field: 'times',
      message_fr: '6 passages le 08/05/2026 pour ce patient (toutes séries comprises) : 4 au maximum.',
    });
    expect(state()).toBe(before);
    // One more a day fits (4), on the days the first series covers, and a fifth by hand is refused.
    const second = await t.call('series/create', { ...series, prescriptionId: again.id, practitionerId: other.id, times: ['21:00'] });
    expect(second.visits).toHaveLength(7);
    const full = state();
    expect(await t.fails('series/add-visit', { seriesId: second.series.id, practitionerId: other.id, date: '2026-05-05', time: '06:00' })).toMatchObject({
      code: 'invalid-input',
      field: 'date',
      message_fr: '5 passages le 05/05/2026 pour ce patient (toutes séries comprises) : 4 au maximum.',
    });
    // Moving a visit of the first series onto a full day is refused too; onto the 11th (no visit) it fits.
    const moved = first.visits.find((v) => v.date === '2026-05-04')!;
    expect(await t.fails('series/visit', { action: 'move', visitId: moved.id, date: '2026-05-06', time: '10:00' })).toMatchObject({ code: 'invalid-input', field: 'date' });
    expect(state()).toBe(full);
    expect(await t.call('series/visit', { action: 'move', visitId: moved.id, date: '2026-05-11', time: '10:00' })).toMatchObject({ date: '2026-05-11' });
  });

  it('moves, skips, adds an unplanned visit and reopens, each written to the audit trail', async () => {
    const { practitioner, other, series } = await setup();
    const view = await t.call('series/create', series);
    const [a, b] = view.visits;
    expect(await t.call('series/visit', { action: 'move', visitId: a!.id, date: '2026-05-05', time: '09:30' })).toMatchObject({ date: '2026-05-05', plannedTime: '09:30' });
    expect(await t.call('series/visit', { action: 'skip', visitId: b!.id, reason: 'Rendez-vous à l’hôpital' })).toMatchObject({ status: 'cancelled' });
    // The replacement adds a visit she does herself: it is on her round, billed under her name.
    const added = await t.call('series/add-visit', { seriesId: view.series.id, practitionerId: other.id, date: '2026-05-06', time: '18:00' });
    expect(added).toMatchObject({ unplanned: true, practitionerId: other.id });
    expect((await t.call('round/day', { practitionerId: other.id, date: '2026-05-06' })).map((r) => r.id)).toEqual([added.id]);
    await t.call('series/visit', { action: 'done', visitId: added.id, practitionerId: other.id, time: '18:10' });
    const bill = await t.call('series/bill-period', { practitionerId: other.id, from: '2026-05-01', to: '2026-05-31' });
    expect(bill.invoices.map((i) => i.invoice.practitionerId)).toEqual([other.id]);
    await t.call('series/visit', { action: 'done', visitId: a!.id, practitionerId: practitioner.id, time: '09:40' });
    expect(await t.call('series/visit', { action: 'reopen', visitId: a!.id, practitionerId: practitioner.id })).toMatchObject({ status: 'planned', doneTime: null });
    const audit = await t.call('audit/list', { entity: 'planned_visit', entityId: a!.id });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['move', 'done', 'reopen']));
    const stopped = await t.call('series/cancel', { id: view.series.id });
    expect(stopped.visits.filter((v) => v.status === 'planned')).toEqual([]);
  });
});

describe('IK inside the office commune (NGAP art. 13, issue 19 item 5: Paris 11e → Paris 18e)', () => {
  it('warns at Imprimer when the patient lives in the practitioner\'s commune', async () => {
    const practitioner = await t.call('practitioners/create', buildPractitionerInput({ postalCode: '75011', city: 'Paris' }));
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1, postalCode: '75018', city: 'Paris' }));
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    await t.call('invoices/update-draft', {
      invoiceId: draft.id,
      visits: [{ date: '2026-05-20', time: '09:00', place: 'domicile', distanceKm: 4, acts: [{ code: 'AMI', coefficient: 2 }] }],
    });
    const outcome = await t.call('invoices/validate', { invoiceId: draft.id });
    expect(outcome.kind).toBe('checks-warning');
    expect(outcome.kind === 'checks-warning' && outcome.problems.map((p) => p.code)).toEqual(['ik-same-commune']);
  });
});
