/**
 * The validation reads the draft once and rewrites its lines only when re-pricing against today changes
 * them (issue #10 §5); the frozen print model it builds from what it read equals the model built from
 * the rows afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFrozenFeuille } from '../../../electron/handlers/invoice-document.ts';
import { requireInvoice } from '../../../electron/handlers/invoice-drafts.ts';
import { getPrintModel } from '../../../db/print-models-repo.ts';
import { addAmeCoverage, makeTestBackend, NIR_1, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

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
});
