/**
 * Issue 15: a series' rhythm changed after creation, through the dispatcher. The visits still to come (from
 * today, planned by the rule) are planned again; done, not done, billed, skipped and hand-added visits stay.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesView } from '../../../core/series/types.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';
import { seriesState } from './series-state.ts';

// Tuesday 26 May 2026.
const TODAY = '2026-05-26';
let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(TODAY);
});
afterEach(() => t.dispose());

const state = () => seriesState(t);
const row = (v: SeriesView['visits'][number]) => `${v.date.slice(5)} ${v.plannedTime} ${v.status}${v.invoiceId !== null ? ' billed' : ''}${v.unplanned ? ' added' : ''}`;

/** A daily 08:00 series from 20 May to 5 June: 20–22 and 24–25 done, 23 not done, 20–24 billed, 30 skipped, a visit added on 28 at 18:00. */
async function setup() {
  const nurse = await t.call('practitioners/create', buildPractitionerInput());
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
  const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
  const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-19' });
  const view = await t.call('series/create', {
    prescriptionId: prescription.id, practitionerId: nurse.id, place: 'cabinet', acts: [{ code: 'AMI', coefficient: 2 }],
    frequency: { kind: 'daily' }, times: ['08:00'], start: '2026-05-20', end: '2026-06-05',
  });
  const on = (date: string) => view.visits.find((v) => v.date === date)!.id;
  for (const date of ['2026-05-20', '2026-05-21', '2026-05-22', '2026-05-24', '2026-05-25']) {
    await t.call('series/visit', { action: 'done', visitId: on(date), practitionerId: nurse.id, time: '08:10' });
  }
  await t.call('series/visit', { action: 'not-done', visitId: on('2026-05-23'), practitionerId: nurse.id, reason: 'Patiente absente' });
  await t.call('series/visit', { action: 'skip', visitId: on('2026-05-30'), reason: null });
  await t.call('series/add-visit', { seriesId: view.series.id, practitionerId: nurse.id, date: '2026-05-28', time: '18:00' });
  const bill = await t.call('series/bill-period', { practitionerId: nurse.id, patientId: patient.id, from: '2026-05-20', to: '2026-05-24' });
  expect(bill.invoices).toHaveLength(1);
  return { seriesId: view.series.id };
}

const KEPT = [
  '05-20 08:00 done billed', '05-21 08:00 done billed', '05-22 08:00 done billed', '05-23 08:00 not-done', '05-24 08:00 done billed', '05-25 08:00 done',
];

describe('changing a series\' rhythm after creation', () => {
  it('plans again only the visits to come; done, not done, billed, skipped and added visits stay', async () => {
    const { seriesId } = await setup();
    const view = await t.call('series/update-rule', {
      id: seriesId, frequency: { kind: 'every-other-day' }, times: ['09:00', '19:00'], end: '2026-06-03',
    });
    // Every other day from the series' start (20 May): 26, 28, 30 May, 1 and 3 June, at 9h and 19h.
    expect(view.visits.map(row)).toEqual([
      ...KEPT,
      '05-26 09:00 planned', '05-26 19:00 planned',
      '05-28 09:00 planned', '05-28 18:00 planned added', '05-28 19:00 planned',
      '05-30 08:00 cancelled', '05-30 09:00 planned', '05-30 19:00 planned',
      '06-01 09:00 planned', '06-01 19:00 planned',
      '06-03 09:00 planned', '06-03 19:00 planned',
    ]);
    expect(view.series.rule).toMatchObject({ frequency: { kind: 'every-other-day' }, times: ['09:00', '19:00'], start: '2026-05-20', end: '2026-06-03', count: null });
    expect(view.progress).toMatchObject({ used: 5, billed: 4, doneUnbilled: 1 });
    const audit = await t.call('audit/list', { entity: 'care_series', entityId: seriesId });
    expect(audit.map((e) => e.action)).toContain('update-rule');
  });

  it('with a number of séances, the visits kept count among them', async () => {
    const { seriesId } = await setup();
    // 12 séances: 5 done and 1 added are kept, 6 are planned from today.
    const view = await t.call('series/update-rule', { id: seriesId, frequency: { kind: 'weekdays', days: [1, 3, 5] }, times: ['08:00'], end: null, count: 12 });
    expect(view.visits.filter((v) => v.date >= TODAY && !v.unplanned && v.status === 'planned').map((v) => v.date.slice(5))).toEqual([
      '05-27', '05-29', '06-01', '06-03', '06-05', '06-08',
    ]);
    expect(view.progress.prescribed).toBe(12);
  });

  it('keeps, cancelled, a visit to come that an invoice once billed (cancelled since): its billing history stays', async () => {
    const { seriesId } = await setup();
    const nurseId = (await t.call('series/get', { id: seriesId })).series.practitionerId;
    const today = (await t.call('series/get', { id: seriesId })).visits.find((v) => v.date === TODAY)!;
    await t.call('series/visit', { action: 'done', visitId: today.id, practitionerId: nurseId, time: '08:10' });
    const bill = await t.call('series/bill-period', { practitionerId: nurseId, patientId: null, from: TODAY, to: TODAY });
    const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id), confirmWarnings: true });
    await t.call('invoices/cancel', { invoiceId: printed.validated[0]!.id, reason: 'Erreur de cotation' });
    await t.call('series/visit', { action: 'reopen', visitId: today.id, practitionerId: nurseId });
    const view = await t.call('series/update-rule', { id: seriesId, frequency: { kind: 'daily' }, times: ['09:00'], end: '2026-05-27' });
    expect(view.visits.filter((v) => v.date >= TODAY).map((v) => `${row(v)}${v.reason ? ` (${v.reason})` : ''}`)).toEqual([
      '05-26 08:00 cancelled (Série modifiée)', '05-26 09:00 planned', '05-27 09:00 planned', '05-28 18:00 planned added', '05-30 08:00 cancelled',
    ]);
  });

  it('refuses a bad rule or one past 4 visits a day for the patient, in French, with nothing changed', async () => {
    const { seriesId } = await setup();
    const before = state();
    const rows = (await t.call('series/get', { id: seriesId })).visits.map(row);
    expect(await t.fails('series/update-rule', { id: seriesId, frequency: { kind: 'daily' }, times: ['08:00'], end: '2026-05-10' })).toEqual({
      code: 'invalid-input', field: 'end', message_fr: 'La fin des soins (10/05/2026) précède leur début (20/05/2026).',
    });
    expect(await t.fails('series/update-rule', { id: seriesId, frequency: { kind: 'daily' }, times: ['06:00', '10:00', '14:00', '20:00'], end: '2026-06-05' })).toEqual({
      code: 'invalid-input', field: 'times', message_fr: '5 passages le 28/05/2026 pour ce patient (toutes séries comprises) : 4 au maximum.',
    });
    expect(await t.fails('series/update-rule', { id: seriesId, frequency: { kind: 'daily' }, times: ['08:00'], end: null, count: null })).toMatchObject({ code: 'invalid-input', field: 'end' });
    expect(state()).toBe(before);
    expect((await t.call('series/get', { id: seriesId })).visits.map(row)).toEqual(rows);
    await t.call('series/cancel', { id: seriesId });
    expect(await t.fails('series/update-rule', { id: seriesId, frequency: { kind: 'daily' }, times: ['08:00'], end: '2026-06-05' })).toMatchObject({ code: 'conflict' });
  });
});
