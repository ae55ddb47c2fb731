/**
 * Review probe: « Facturer la période » prices each visit once and hands the result through the draft code.
 * The same visits typed on a draft by hand (invoices/update-draft, then the AME button where the period's
 * feuille is AME) must give the same lines and totals to the cent — before and after validation — and the
 * same frozen feuille amounts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import type { Invoice } from '../../../core/domain/types.ts';
import { getPrintModel } from '../../../db/print-models-repo.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';

const TODAY = '2026-05-26';
let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(TODAY);
});
afterEach(() => t.dispose());

type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];
const typed = (v: Invoice['visits'][number]): VisitIn => ({
  date: v.date, time: v.time, callTime: v.callTime ?? null, place: v.place, householdRank: v.householdRank,
  distanceKm: v.distanceTenths === null ? null : v.distanceTenths / 10, urgent: v.urgent, imperativePrescription: v.imperativePrescription,
  coordination: v.coordination, twoSessionsJustified: v.twoSessionsJustified, r251Procedure: v.r251Procedure, acts: v.acts.map((a) => ({ ...a, coefficient: a.coefficient / 100 })),
});
const money = (i: Invoice) => ({
  ame: i.ame, exoneration: i.exoneration, total: i.totalCents, amo: i.amoCents, amc: i.amcCents, patient: i.patientCents,
  lines: i.lines.map((l) => [l.actDate, l.code, l.coefficient, l.quantity, l.unitCents, l.amountCents, l.qualificatif, l.ratePercent, l.visitPosition]),
});

describe('bill-period and a draft typed by hand bill the same visits to the cent', () => {
  it('AME over part of the period, IK, a night hour and a Sunday: same lines and totals, draft and validated', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1, postalCode: '93100', city: 'Montreuil' }));
    const prescriber = await t.call('prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789', specialty: 'Médecin généraliste' });
    const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-05-02' });
    await t.call('travel/set', { patientId: patient.id, distanceKm: 7.4 });
    await addAmeCoverage(t, patient.id, '2025-05-12', '2026-05-11');
    const view = await t.call('series/create', {
      prescriptionId: prescription.id, practitionerId: nurse.id, place: 'domicile',
      acts: [{ key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }, { key: 'idel-injection-sc', code: 'AMI', coefficient: 1 }],
      frequency: { kind: 'daily' }, times: ['08:00'], start: '2026-05-08', end: '2026-05-13', includeSundays: true, includeHolidays: true, imperativePrescription: true,
    });
    const hours = ['08:00', '21:30', '08:10', '09:00', '23:15', '08:00'];
    for (const [i, v] of view.visits.entries()) await t.call('series/visit', { action: 'done', visitId: v.id, practitionerId: nurse.id, time: hours[i]! });
    const bill = await t.call('series/bill-period', { practitionerId: nurse.id, patientId: patient.id, from: '2026-05-08', to: '2026-05-13' });
    // Split by the form's rows inside the rights, a plain feuille after them.
    expect(bill.invoices.map((i) => i.invoice.ame)).toEqual([true, true, false]);

    // The same visits typed by hand on drafts, for the same prescription, AME as the period's feuille says.
    const manual: Invoice[] = [];
    for (const { invoice } of bill.invoices) {
      const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id, prescriptionId: prescription.id });
      let typedDraft = await t.call('invoices/update-draft', { invoiceId: draft.id, visits: invoice.visits.map(typed) });
      if (typedDraft.ame !== invoice.ame) typedDraft = (await t.call('invoices/set-ame', { invoiceId: draft.id, ame: invoice.ame })).invoice;
      expect(money(typedDraft)).toEqual(money(invoice));
      manual.push(typedDraft);
    }
    // Validated: still the same to the cent, and the frozen feuilles carry the same amounts.
    const printed = await t.call('series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id), confirmWarnings: true, confirmOutsideRights: true });
    expect(printed.pending).toEqual([]);
    for (const [k, period] of printed.validated.entries()) {
      const r = await t.call('invoices/validate', { invoiceId: manual[k]!.id, confirmWarnings: true, confirmOutsideRights: true, ameAnswer: 'non' });
      if (r.kind !== 'validated') throw new Error(`${r.kind} ${JSON.stringify(r)}`);
      expect(money(r.invoice)).toEqual(money(period));
      const a = getPrintModel(t.ctx.db, period.id)!.model as { totals?: unknown; lines?: unknown };
      const b = getPrintModel(t.ctx.db, r.invoice.id)!.model as { totals?: unknown; lines?: unknown };
      expect(a.lines).toHaveLength(period.lines.length);
      expect(b.lines).toEqual(a.lines);
      expect(b.totals).toEqual(a.totals);
    }
  });
});
