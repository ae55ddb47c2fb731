import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { text } from '../../pdf/pdf-tools.ts';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIA_8, NIR_2, type TestBackend } from '../../helpers/test-backend.ts';
import { FROZEN_FEUILLE_VERSION } from '../../../invoice-templates/feuille-de-soins/model.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

/** An AME invoice validated for Diallo Aminata by Martin Claire, printed once (the original). */
async function validatedAme() {
  const practitioner = await t.call('practitioners/create', buildPractitionerInput());
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_8 }));
  const coverage = await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
  const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
  await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }] });
  await t.call('invoices/set-ame', { invoiceId: draft.id, ame: true });
  const outcome = await t.call('invoices/validate', { invoiceId: draft.id });
  if (outcome.kind !== 'validated' || !outcome.document) throw new Error(outcome.kind);
  return { practitioner, patient, coverage, invoice: outcome.invoice, original: join(t.dir, 'documents', outcome.document.fileName) };
}

const withoutDuplicata = (s: string) => s.replace(/\s*DUPLICATA/g, '');

describe('frozen print model', () => {
  it('prints the duplicata from the validated model after patient, practitioner, tariff and coverage edits', async () => {
    const { practitioner, patient, coverage, invoice, original } = await validatedAme();
    await t.call('patients/update', { id: patient.id, patient: { ...patient, lastName: 'Sow', firstName: 'Awa', nir: NIR_2 } });
    await t.call('practitioners/update', { id: practitioner.id, practitioner: { ...buildPractitionerInput(), lastName: 'Durand', amNumber: '759999999' } });
    await t.call('tariffs/add', { profession: 'infirmier', code: 'AMI', label: 'Acte médico-infirmier', unitCents: 399, effectiveFrom: '2026-01-01' });
    await t.call('coverages/update', { id: coverage.id, startDate: '2026-04-01', endDate: '2027-03-31', contractCode: '06', attestationNumber: 'A-9' });

    const reprint = await t.call('invoices/print', { id: invoice.id });
    const duplicata = join(t.dir, 'documents', reprint.fileName);
    expect(reprint.fileName).toMatch(/-duplicata\.pdf$/);
    const a = text(original);
    const b = text(duplicata);
    expect(a).not.toContain('DUPLICATA');
    expect(b).toContain('DUPLICATA');
    expect(withoutDuplicata(b)).toBe(withoutDuplicata(a));
    expect(b).toContain('DIALLO Aminata');
    expect(b).not.toContain('SOW');
    expect(b).toContain('751234567');
    expect(b).not.toContain('Durand'.toUpperCase());
    expect(b).toContain('3,15 €');
  });

  it('cannot be changed: no API reaches it, the triggers refuse updates and deletes', async () => {
    const { invoice } = await validatedAme();
    const locked = await t.fails('invoices/set-circumstances', { invoiceId: invoice.id, insuranceNature: 'maternite' });
    expect(locked.code).toBe('invoice-locked');
    const db = t.ctx.db;
    expect(() => db.prepare("UPDATE invoice_print_models SET model_json = '{}' WHERE invoice_id = ?").run(invoice.id)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM invoice_print_models WHERE invoice_id = ?').run(invoice.id)).toThrow(/frozen/);
    expect(() => db.prepare("UPDATE invoices SET insurance_nature = 'atmp' WHERE id = ?").run(invoice.id)).toThrow(/immutable/);
    const row = db.prepare('SELECT source, model_version FROM invoice_print_models WHERE invoice_id = ?').get(invoice.id);
    expect(row).toEqual({ source: 'validation', model_version: FROZEN_FEUILLE_VERSION });
  });

  it('is written in the validation transaction: a draft has none and cannot get one', async () => {
    const practitioner = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput());
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    expect(t.count('invoice_print_models')).toBe(0);
    expect(() =>
      t.ctx.db.prepare("INSERT INTO invoice_print_models (invoice_id, model_version, model_json, source, created_at) VALUES (?, 1, '{}', 'validation', 'x')").run(draft.id),
    ).toThrow(/draft/);
  });
});
