/**
 * The validation reads the draft once and rewrites its lines only when re-pricing against today changes
 * them (issue #10 §5); the frozen print model it builds from what it read equals the model built from
 * the rows afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import * as engine from '../../../core/cotation/price-visit.ts';
import { buildFrozenFeuille } from '../../../electron/handlers/invoice-document.ts';
import { requireInvoice } from '../../../electron/handlers/invoice-drafts.ts';
import { getPrintModel } from '../../../db/print-models-repo.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

// The engine, counted: the validation prices each visit once (checks and re-pricing share the result).
vi.mock('../../../core/cotation/price-visit.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../core/cotation/price-visit.ts')>();
  return { ...original, priceVisit: vi.fn(original.priceVisit) };
});

type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];
const visit = (v: Partial<VisitIn> & { date: string; acts: VisitIn['acts'] }): VisitIn => ({
  time: null, callTime: null, place: 'cabinet', householdRank: 1, distanceKm: null, urgent: false, imperativePrescription: false,
  coordination: 'aucune', twoSessionsJustified: false, r251Procedure: false, ...v,
});

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

const lineIds = (invoiceId: number) =>
  (t.ctx.db.prepare('SELECT id FROM invoice_lines WHERE invoice_id = ? ORDER BY position').all(invoiceId) as { id: number }[]).map((r) => r.id);

describe('validation', () => {
  it('keeps the lines of a draft whose prices did not change, and freezes the model the rows give', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    const before = lineIds(invoice.id);
    const r = await t.call('invoices/validate', { invoiceId: invoice.id });
    if (r.kind !== 'validated') throw new Error(r.kind);
    expect(lineIds(invoice.id)).toEqual(before);
    // AMI 1 + IFD + AMI 1,5 at 3,15 € / 2,75 € (tariffs of the catalogue on 20–21/11/2026).
    expect(r.invoice).toMatchObject({ status: 'validated', number: 1, totalCents: 1063 });
    expect(r.invoice.lines).toEqual(invoice.lines);
    const stored = getPrintModel(t.ctx.db, invoice.id)!;
    expect(stored.model).toEqual(JSON.parse(JSON.stringify(buildFrozenFeuille(t.ctx, requireInvoice(t.ctx, invoice.id)))));
  });

  it('re-prices at validation when a tariff in force on the act dates was added after the draft', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    await t.call('tariffs/add', { profession: 'infirmier', code: 'AMI', label: 'Acte médico-infirmier', unitCents: 399, effectiveFrom: '2026-11-01' });
    const r = await t.call('invoices/validate', { invoiceId: invoice.id });
    if (r.kind !== 'validated') throw new Error(r.kind);
    // AMI 1 → 3,99 €, AMI 1,5 → 5,985 rounded half up to 5,99 €, IFD unchanged 2,75 €.
    expect(r.invoice.lines.map((l) => [l.code, l.unitCents, l.amountCents])).toEqual([
      ['AMI', 399, 399],
      ['IFD', 275, 275],
      ['AMI', 399, 599],
    ]);
    expect(r.invoice.totalCents).toBe(399 + 275 + 599);
    const model = getPrintModel(t.ctx.db, invoice.id)!.model as { totals: { totalCents: number } };
    expect(model.totals.totalCents).toBe(1273);
    expect(model).toEqual(JSON.parse(JSON.stringify(buildFrozenFeuille(t.ctx, requireInvoice(t.ctx, invoice.id)))));
  });

  it('an AME invoice: the rights read for the warning are the ones printed', async () => {
    const { invoice, patient } = await seedDraft(t);
    await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
    await t.call('invoices/set-ame', { invoiceId: invoice.id, ame: true });
    const r = await t.call('invoices/validate', { invoiceId: invoice.id });
    if (r.kind !== 'validated') throw new Error(r.kind);
    const model = getPrintModel(t.ctx.db, invoice.id)!.model as { ameRights: { startDate: string; endDate: string } | null };
    expect(model.ameRights).toMatchObject({ startDate: '2026-03-01', endDate: '2027-02-28' });
    expect(model).toEqual(JSON.parse(JSON.stringify(buildFrozenFeuille(t.ctx, requireInvoice(t.ctx, invoice.id)))));
  });

  it('prices each visit once, for the checks and the re-pricing, and stores the re-priced lines', async () => {
    const practitioner = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    await t.call('invoices/update-draft', {
      invoiceId: draft.id,
      visits: [
        visit({ date: '2026-11-22', time: '10:30', place: 'domicile', acts: [{ key: 'idel-injection-im', code: 'AMI', coefficient: 1 }, { key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }] }),
        visit({ date: '2026-11-23', time: '08:15', acts: [{ key: 'idel-injection-sc', code: 'AMI', coefficient: 1 }] }),
        visit({ date: '2026-11-24', time: '07:45', acts: [{ key: 'idel-insuline-surveillance', code: 'AMI', coefficient: 1 }] }),
      ],
    });
    // A new AMI value in force on the visit dates, added after the draft: the validation re-prices the visits.
    await t.call('tariffs/add', { profession: 'infirmier', code: 'AMI', label: 'Acte médico-infirmier', unitCents: 399, effectiveFrom: '2026-11-01' });
    vi.mocked(engine.priceVisit).mockClear();
    const r = await t.call('invoices/validate', { invoiceId: draft.id, confirmWarnings: true });
    if (r.kind !== 'validated') throw new Error(r.kind);
    expect(vi.mocked(engine.priceVisit).mock.calls.map(([v]) => v.date)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    // AMI 2 + AMI 1 at 50 % (art. 11B) at home on the 22nd, AMI 1 on the 23rd and on the 24th, AMI at 3,99 €.
    expect(r.invoice.lines.filter((l) => l.code === 'AMI').map((l) => [l.actDate, l.coefficient, l.unitCents, l.amountCents])).toEqual([
      ['2026-11-22', 200, 399, 798],
      ['2026-11-22', 100, 399, 200],
      ['2026-11-23', 100, 399, 399],
      ['2026-11-24', 100, 399, 399],
    ]);
    expect(r.invoice.lines).toEqual(requireInvoice(t.ctx, draft.id).lines);
    expect(getPrintModel(t.ctx.db, draft.id)!.model).toEqual(JSON.parse(JSON.stringify(buildFrozenFeuille(t.ctx, requireInvoice(t.ctx, draft.id)))));
  });
});
