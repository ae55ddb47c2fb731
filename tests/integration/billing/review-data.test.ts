/**
 * Review of the data paths (printout and immutability): the frozen model cannot be replaced, kiné session
 * numbers after a cancel + reissue, the bordereau printed from the frozen models, batch files that never
 * overwrite each other, and the print of an invoice recorded in one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPrintModel } from '../../../db/print-models-repo.ts';
import { makeTestBackend, NIR_2, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

describe('6. the frozen print model cannot be replaced', () => {
  it('INSERT OR REPLACE of a validated invoice’s model is refused and the model stays', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_2 });
    const v = await t.call('invoices/validate', { invoiceId: invoice.id, confirmWarnings: true });
    expect(v.kind).toBe('validated');
    const before = getPrintModel(t.ctx.db, invoice.id);
    expect(before).not.toBeNull();
    const replace = () =>
      t.ctx.db
        .prepare(`INSERT OR REPLACE INTO invoice_print_models (invoice_id, model_version, model_json, source, created_at) VALUES (?, 1, '{"forged":true}', 'validation', 'x')`)
        .run(invoice.id);
    expect(replace).toThrow(/print model is frozen/);
    expect(getPrintModel(t.ctx.db, invoice.id)).toEqual(before);
  });
});
