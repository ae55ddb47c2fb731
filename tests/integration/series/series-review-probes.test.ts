/**
 * Review probes on issue 15's series (through the dispatcher): the invariants the change claims — 4 visits a
 * day per patient over all series, a visit given to the replacement nurse stays hers — hold on every path
 * that writes a planned visit (reopen, re-planning), not only on the ones that create one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesView } from '../../../core/series/types.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';
import { getPrintModel } from '../../../db/print-models-repo.ts';
import { seriesState } from './series-state.ts';

// Tuesday 26 May 2026.
const TODAY = '2026-05-26';
let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(TODAY);
});
afterEach(() => t.dispose());

const row = (v: SeriesView['visits'][number]) => `${v.date.slice(5)} ${v.plannedTime} ${v.status}`;

async function setup() {
  const nurse = await t.call('practitioners/create', buildPractitionerInput());
  const replacement = await t.call('practitioners/create', buildPractitionerInput({ firstName: 'Inès', lastName: 'Martin', amNumber: '751234568' }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-19' });
  return { nurse, replacement, patient, prescription };
}

/** A daily AMI 1 series at the office for the patient, by the nurse. */
async function daily(times: string[], start: string, end: string) {
  const people = await setup();
  const view = await t.call('series/create', {
    prescriptionId: people.prescription.id, practitionerId: people.nurse.id, place: 'cabinet', acts: [{ code: 'AMI', coefficient: 1 }],
    frequency: { kind: 'daily' }, times, start, end,
  });
  return { ...people, view };
}

describe('review probes: series invariants on every write path', () => {
  it.each([
    {
      why: 'the patient already has 4 visits that day',
      times: ['06:00', '10:00', '14:00', '20:00'], skippedAt: '06:00', addedAt: '22:00',
      error: { code: 'invalid-input', field: 'date', message_fr: '5 passages le 28/05/2026 pour ce patient (toutes séries comprises) : 4 au maximum.' },
    },
    {
      why: 'another visit took its hour since (the same care twice)',
      times: ['08:00'], skippedAt: '08:00', addedAt: '08:00',
      error: { code: 'invalid-input', field: 'time', message_fr: 'Une visite est déjà prévue le 28/05/2026 à 08:00 dans cette série.' },
    },
  ])('reopening a skipped visit is refused when $why (nothing changed)', async ({ times, skippedAt, addedAt, error }) => {
    const { nurse, view } = await daily(times, '2026-05-27', '2026-05-28');
    const skipped = view.visits.find((v) => v.date === '2026-05-28' && v.plannedTime === skippedAt)!;
    await t.call('series/visit', { action: 'skip', visitId: skipped.id, reason: null });
    await t.call('series/add-visit', { seriesId: view.series.id, practitionerId: nurse.id, date: '2026-05-28', time: addedAt });
    const before = seriesState(t);
    expect(await t.fails('series/visit', { action: 'reopen', visitId: skipped.id, practitionerId: nurse.id })).toEqual(error);
    expect(seriesState(t)).toBe(before);
  });

  it('changing the rhythm does not plan again a visit the desk skipped (same day, same hour); twice in a row plans the same', async () => {
    const { view } = await daily(['08:00'], '2026-05-27', '2026-05-29');
    await t.call('series/visit', { action: 'skip', visitId: view.visits.find((v) => v.date === '2026-05-28')!.id, reason: 'Hospitalisation' });
    const rule = { id: view.series.id, frequency: { kind: 'daily' as const }, times: ['08:00'], end: '2026-05-30' };
    const once = await t.call('series/update-rule', rule);
    expect(once.visits.map(row)).toEqual(['05-27 08:00 planned', '05-28 08:00 cancelled', '05-29 08:00 planned', '05-30 08:00 planned']);
    const twice = await t.call('series/update-rule', rule);
    expect(twice.visits.map(row)).toEqual(once.visits.map(row));
    // With a number of séances, the skipped one is made up at the end.
    const counted = await t.call('series/update-rule', { ...rule, end: null, count: 4 });
    expect(counted.visits.filter((v) => v.status === 'planned').map((v) => v.date.slice(5))).toEqual(['05-27', '05-29', '05-30', '05-31']);
  });

  it('changing the rhythm keeps a visit to come given to the replacement nurse (hers, not planned again for the series\' nurse)', async () => {
    const { nurse, replacement, view } = await daily(['08:00'], '2026-05-27', '2026-05-30');
    const given = view.visits.find((v) => v.date === '2026-05-28')!;
    await t.call('series/visit', { action: 'reassign', visitId: given.id, practitionerId: replacement.id });
    // Same hour, a later end: the visit given away must stay hers, with its id.
    const after = await t.call('series/update-rule', { id: view.series.id, frequency: { kind: 'daily' }, times: ['08:00'], end: '2026-05-31' });
    const on28 = after.visits.filter((v) => v.date === '2026-05-28' && v.status !== 'cancelled');
    expect(on28.map((v) => [v.id, v.practitionerId])).toEqual([[given.id, replacement.id]]);
    expect((await t.call('round/day', { practitionerId: replacement.id, date: '2026-05-28' })).map((r) => r.id)).toEqual([given.id]);
    expect(await t.call('round/day', { practitionerId: nurse.id, date: '2026-05-28' })).toEqual([]);
    expect(after.visits.filter((v) => v.status === 'planned').map((v) => v.date.slice(5))).toEqual(['05-27', '05-28', '05-29', '05-30', '05-31']);
  });

  it('changing the rhythm of an archived patient\'s series is refused in French, nothing planned', async () => {
    const { patient, view } = await daily(['08:00'], '2026-05-27', '2026-05-29');
    await t.call('patients/archive', { id: patient.id });
    const before = seriesState(t);
    expect(await t.fails('series/update-rule', { id: view.series.id, frequency: { kind: 'daily' }, times: ['08:00', '18:00'], end: '2026-06-10' })).toMatchObject({
      code: 'conflict', message_fr: 'Ce patient est archivé : désarchivez-le avant de planifier ses soins.',
    });
    expect(seriesState(t)).toBe(before);
  });

  it('two « Facturer la période » for the same period at once (both transports): each visit billed once', async () => {
    const { nurse, patient, view } = await daily(['08:00'], '2026-05-20', '2026-05-22');
    for (const v of view.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: nurse.id, time: '08:05' });
    const input = { practitionerId: nurse.id, patientId: patient.id, from: '2026-05-18', to: '2026-05-24' };
    const [a, b] = await Promise.all([t.dispatch('series/bill-period', input), t.dispatch('series/bill-period', input)]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    if (b.ok) throw new Error('second bill-period');
    expect(b.error).toMatchObject({ code: 'not-found', message_fr: 'Aucune visite faite et non facturée sur cette période.' });
    expect(t.count('invoices')).toBe(1);
    expect(t.count('invoice_planned_visits')).toBe(3);
  });

  it('kiné: séances added on the round (one-visit series) on one prescription are numbered across it, not each « 1 / 10 »', async () => {
    const kine = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', firstName: 'Paul', lastName: 'Roux', amNumber: '751234569' }));
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
    const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02', sessionsPrescribed: 10 });
    const series = await t.call('series/create', {
      prescriptionId: prescription.id, practitionerId: kine.id, place: 'cabinet', acts: [{ code: 'AMK', coefficient: 8.1 }],
      frequency: { kind: 'weekdays', days: [1, 3] }, times: ['10:00'], start: '2026-05-11', end: '2026-05-13', includeHolidays: true,
    });
    for (const v of series.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: kine.id, time: '10:00' });
    // Two séances the round added (Friday 15 and Monday 18 May: not in the rhythm).
    for (const date of ['2026-05-15', '2026-05-18']) {
      const added = await t.call('round/add-visit', { practitionerId: kine.id, prescriptionId: prescription.id, date, time: '17:00', place: 'cabinet', acts: [{ code: 'AMK', coefficient: 8.1 }] });
      await t.call('series/visit', { action: 'done', visitId: added.id, practitionerId: kine.id, time: '17:00' });
    }
    const bill = await t.call('series/bill-period', { practitionerId: kine.id, patientId: patient.id, from: '2026-05-11', to: '2026-05-24' });
    const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id), confirmWarnings: true });
    expect(printed.pending).toEqual([]);
    const numbers = printed.validated.flatMap((i) => {
      const model = getPrintModel(t.ctx.db, i.id)!.model as { lines: { actDate: string; code: string; sessionNumber: number | null }[]; prescription: { sessionsPrescribed: number | null } };
      return model.lines.filter((l) => l.code === 'AMK').map((l) => `${l.actDate.slice(8)}: ${l.sessionNumber} / ${model.prescription.sessionsPrescribed}`);
    });
    expect(numbers.sort()).toEqual(['11: 1 / 10', '13: 2 / 10', '15: 3 / 10', '18: 4 / 10']);
  });

  it('bill-period returns each feuille as stored: the series\' accord préalable is on the invoice it answers with', async () => {
    const kine = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', firstName: 'Paul', lastName: 'Roux', amNumber: '751234569' }));
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
    const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02', sessionsPrescribed: 10 });
    const series = await t.call('series/create', {
      prescriptionId: prescription.id, practitionerId: kine.id, place: 'cabinet', acts: [{ code: 'AMK', coefficient: 8.1 }], priorAgreementDate: '2026-05-03',
      frequency: { kind: 'weekdays', days: [1, 3] }, times: ['10:00'], start: '2026-05-11', end: '2026-05-13', includeHolidays: true,
    });
    for (const v of series.visits) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: kine.id, time: '10:00' });
    const bill = await t.call('series/bill-period', { practitionerId: kine.id, patientId: patient.id, from: '2026-05-11', to: '2026-05-17' });
    expect(bill.invoices).toHaveLength(1);
    const stored = await t.call('invoices/get', { id: bill.invoices[0]!.invoice.id });
    expect(stored.circumstances.priorAgreementDate).toBe('2026-05-03');
    expect(bill.invoices[0]!.invoice).toEqual(stored);
  });
});
