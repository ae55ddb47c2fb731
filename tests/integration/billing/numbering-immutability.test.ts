import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPractitionerInput, makeTestBackend, NIR_1, NIR_2, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

const LINE = { actDate: '2026-11-24', code: 'AMI', coefficient: 1, quantity: 1 };

async function newDraft(practitionerId: number, patientId: number) {
  const d = await t.call('invoices/create-draft', { practitionerId, patientId });
  await t.call('invoices/update-draft', { invoiceId: d.id, lines: [LINE] });
  return d.id;
}

describe('gapless numbering', () => {
  it('numbers back-to-back validations 1, 2, 3 per practitioner, independently', async () => {
    const { practitioner, patient, invoice } = await seedDraft(t, { nir: NIR_2 });
    const other = await t.call('practitioners/create', buildPractitionerInput({ lastName: 'Remplaçante', amNumber: '751234568' }));
    const ids = [invoice.id, await newDraft(practitioner.id, patient.id), await newDraft(other.id, patient.id), await newDraft(practitioner.id, patient.id)];
    const numbers = [];
    for (const id of ids) {
      // The same acts for the same patient each time: the double-billing warning is confirmed (issue #19 item 2).
      const r = await t.call('invoices/validate', { invoiceId: id, confirmWarnings: true });
      if (r.kind !== 'validated') throw new Error(r.kind);
      numbers.push([r.invoice.practitionerId, r.invoice.number]);
    }
    expect(numbers).toEqual([
      [practitioner.id, 1],
      [practitioner.id, 2],
      [other.id, 1],
      [practitioner.id, 3],
    ]);
  });

  it('gives the number back when a validation fails after taking it', async () => {
    const { practitioner, patient, invoice } = await seedDraft(t, { nir: NIR_2 });
    const second = await newDraft(practitioner.id, patient.id);
    // Make the first validation fail inside its transaction, after the counter moved.
    t.ctx.db.exec(`CREATE TEMP TRIGGER fail_once BEFORE UPDATE OF status ON invoices WHEN NEW.id = ${invoice.id}
      BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;`);
    const failed = await t.fails('invoices/validate', { invoiceId: invoice.id });
    expect(failed.code).toBe('conflict');
    expect((await t.call('invoices/get', { id: invoice.id })).status).toBe('draft');
    const r = await t.call('invoices/validate', { invoiceId: second });
    expect(r.kind === 'validated' && r.invoice.number).toBe(1);
    t.ctx.db.exec('DROP TRIGGER fail_once');
    const r2 = await t.call('invoices/validate', { invoiceId: invoice.id });
    expect(r2.kind === 'validated' && r2.invoice.number).toBe(2);
  });
});

describe('a validated invoice is final', () => {
  it('cannot be modified through any API method', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    await t.call('invoices/validate', { invoiceId: invoice.id });
    const frozen = await t.call('invoices/get', { id: invoice.id });
    const attempts = [
      await t.fails('invoices/update-draft', { invoiceId: invoice.id, lines: [LINE] }),
      await t.fails('invoices/set-ame', { invoiceId: invoice.id, ame: true }),
      await t.fails('invoices/validate', { invoiceId: invoice.id }),
      await t.fails('invoices/delete-draft', { id: invoice.id }),
    ];
    for (const e of attempts) {
      expect(e).toEqual({ code: 'invoice-locked', message_fr: 'Cette facture est validée : elle ne peut plus être modifiée, seulement annulée.' });
    }
    expect(await t.call('invoices/get', { id: invoice.id })).toEqual(frozen);
  });

  it('is protected by the database itself, whatever the caller', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    await t.call('invoices/validate', { invoiceId: invoice.id });
    const db = t.ctx.db;
    expect(() => db.prepare('UPDATE invoices SET total_cents = 1 WHERE id = ?').run(invoice.id)).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE invoice_lines SET amount_cents = 1 WHERE invoice_id = ?').run(invoice.id)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(invoice.id)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM invoices WHERE id = ?').run(invoice.id)).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE tariffs SET unit_cents = 1 WHERE code = 'AMI'").run()).toThrow(/history/);
  });

  it('cancellation keeps the number and the audit trail; re-issue makes a linked draft', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    await t.call('invoices/validate', { invoiceId: invoice.id });
    expect((await t.fails('invoices/cancel', { invoiceId: invoice.id, reason: '  ' })).field).toBe('reason');
    const cancelled = await t.call('invoices/cancel', { invoiceId: invoice.id, reason: 'Erreur de cotation' });
    expect(cancelled).toMatchObject({ status: 'cancelled', number: 1, cancelReason: 'Erreur de cotation' });
    expect((await t.fails('invoices/cancel', { invoiceId: invoice.id, reason: 'encore' })).message_fr).toBe('Cette facture est déjà annulée.');
    const redo = await t.call('invoices/reissue', { id: invoice.id });
    expect(redo).toMatchObject({ status: 'draft', number: null, replacesInvoiceId: invoice.id, totalCents: cancelled.totalCents });
    const r = await t.call('invoices/validate', { invoiceId: redo.id });
    expect(r.kind === 'validated' && r.invoice.number).toBe(2);
    const actions = (await t.call('audit/list', { entity: 'invoice', entityId: invoice.id })).map((a) => a.action);
    expect(actions).toEqual(['create', 'update', 'validate', 'cancel']);
  });
});

describe('bad input saves nothing', () => {
  it.each([
    ['an unknown code', { ...LINE, code: 'XYZ' }, 'lines.0.code', /Code « XYZ » inconnu/],
    ['a date in the future', { ...LINE, actDate: '2026-11-26' }, 'lines.0.actDate', /dans le futur/],
    ['a negative quantity', { ...LINE, quantity: -1 }, 'lines.0.quantity', /au moins 1/],
    ['an absurd quantity', { ...LINE, quantity: 500 }, 'lines.0.quantity', /99 au maximum/],
    ['a zero coefficient', { ...LINE, coefficient: 0 }, 'lines.0.coefficient', /positif/],
    ['an impossible date', { ...LINE, actDate: '2026-02-30' }, 'lines.0.actDate', /date invalide/],
  ])('refuses %s with a French message', async (_what, line, field, message) => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    const before = await t.call('invoices/get', { id: invoice.id });
    const e = await t.fails('invoices/update-draft', { invoiceId: invoice.id, lines: [line] });
    expect(e.field).toBe(field);
    expect(e.message_fr).toMatch(message);
    expect(await t.call('invoices/get', { id: invoice.id })).toEqual(before);
  });

  it('refuses an act dated before the prescription, and an empty act list at Imprimer', async () => {
    const { invoice, patient, practitioner } = await seedDraft(t, { nir: NIR_1 });
    const prescriber = await t.call('prescribers/create', { lastName: 'Bernard', firstName: 'Luc', identifier: '751000001' });
    const rx = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-22' });
    const d = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id, prescriptionId: rx.id });
    const e = await t.fails('invoices/update-draft', { invoiceId: d.id, lines: [{ ...LINE, actDate: '2026-11-21' }] });
    expect(e.message_fr).toBe('Acte 1 : la date du 21/11/2026 précède la prescription du 22/11/2026.');
    const empty = await t.fails('invoices/validate', { invoiceId: d.id });
    expect(empty.message_fr).toMatch(/ne contient aucun acte/);
    expect((await t.fails('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-12-01' })).field).toBe('prescriptionDate');
    expect((await t.call('invoices/get', { id: invoice.id })).status).toBe('draft');
  });
});
