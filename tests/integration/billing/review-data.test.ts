/**
 * Review of the data paths (printout and immutability): the frozen model cannot be replaced, kiné session
 * numbers after a cancel + reissue, the bordereau printed from the frozen models, batch files that never
 * overwrite each other, and the print of an invoice recorded in one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listAudit } from '../../../db/audit-repo.ts';
import { getPrintModel } from '../../../db/print-models-repo.ts';
import { text } from '../../pdf/pdf-tools.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, NIR_2, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

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

const sessionsOf = (invoiceId: number) =>
  (getPrintModel(t.ctx.db, invoiceId)!.model as { lines: { sessionNumber: number | null }[] }).lines.map((l) => l.sessionNumber);

describe('7. kiné session numbers after « Refaire la facture »', () => {
  // AMK 7,5, one cotation per session (NGAP titre XIV; BILLING-RULES.md §5): a feuille numbers each session
  // against the number prescribed (issue #8 §2).
  it('A (sessions 1–3) and B (4–6) validated; A cancelled and reissued: A′ is numbered 1–3 again, B stays 4–6', async () => {
    const k = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', amNumber: '759876543' }));
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const prescriber = await t.call('prescribers/create', { lastName: 'Durand', firstName: 'Paul', identifier: '751111111' });
    const prescription = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-01', sessionsPrescribed: 10 });
    const validate = async (invoiceId: number) => {
      const v = await t.call('invoices/validate', { invoiceId, confirmWarnings: true });
      if (v.kind !== 'validated') throw new Error(v.kind);
      return v.invoice;
    };
    const bill = async (...dates: string[]) => {
      const d = await t.call('invoices/create-draft', { practitionerId: k.id, patientId: patient.id, prescriptionId: prescription.id });
      await t.call('invoices/update-draft', { invoiceId: d.id, lines: dates.map((actDate) => ({ actDate, code: 'AMK', coefficient: 7.5, quantity: 1 })) });
      return validate(d.id);
    };
    const a = await bill('2026-11-10', '2026-11-11', '2026-11-12');
    const b = await bill('2026-11-17', '2026-11-18', '2026-11-19');
    expect(sessionsOf(a.id)).toEqual([1, 2, 3]);
    expect(sessionsOf(b.id)).toEqual([4, 5, 6]);
    await t.call('invoices/cancel', { invoiceId: a.id, reason: 'erreur de date' });
    const reissued = await t.call('invoices/reissue', { id: a.id });
    await validate(reissued.id);
    expect(sessionsOf(reissued.id)).toEqual([1, 2, 3]);
    expect(sessionsOf(b.id)).toEqual([4, 5, 6]);
    // A later invoice whose first act is B's first day comes after B (same date: lower invoice id first).
    const c = await bill('2026-11-17');
    expect(sessionsOf(c.id)).toEqual([7]);
  });
});

/** Three AMI invoices validated for one patient (AMI 3,15 €, NGAP, BILLING-RULES.md §4), never printed. */
async function threeValidated(tiersPayantAmo = false) {
  const fonts = t.ctx.fontsDir;
  t.ctx.fontsDir = join(t.dir, 'no-fonts-here'); // the validation's own print fails: none of them is printed yet
  const p = await t.call('practitioners/create', buildPractitionerInput());
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) {
    const d = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: d.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }], tiersPayantAmo });
    const v = await t.call('invoices/validate', { invoiceId: d.id, confirmWarnings: true });
    if (v.kind !== 'validated') throw new Error(v.kind);
    ids.push(d.id);
  }
  t.ctx.fontsDir = fonts;
  return ids as [number, number, number];
}

const documentPath = (fileName: string) => join(t.dir, 'documents', fileName);
const prints = (invoiceId: number, action: string) => listAudit(t.ctx.db, 'invoice', invoiceId).filter((e) => e.action === action).length;

describe('9. batch files never overwrite each other; the original is decided when it is recorded', () => {
  it('batches [1, 2] then [1, 3] (same first number, same count) are two files; each original keeps its file', async () => {
    const [a, b, c] = await threeValidated();
    const first = await t.call('invoices/print-batch', { kind: 'invoices', invoiceIds: [a, b] });
    const second = await t.call('invoices/print-batch', { kind: 'invoices', invoiceIds: [a, c] });
    const again = await t.call('invoices/print-batch', { kind: 'invoices', invoiceIds: [a, b] });
    const names = [first.document.fileName, second.document.fileName, again.document.fileName];
    expect(new Set(names).size).toBe(3);
    for (const n of names) expect(existsSync(documentPath(n))).toBe(true);
    expect((await t.call('invoices/get', { id: b })).pdfFile).toBe(first.document.fileName);
    expect((await t.call('invoices/get', { id: c })).pdfFile).toBe(second.document.fileName);
    // The first batch still holds b's original (no « Duplicata » on its second feuille).
    expect(text(documentPath(first.document.fileName)).match(/DUPLICATA/g) ?? []).toHaveLength(0);
    // Each of its two feuilles says DUPLICATA twice: the header's mention and the large stamp (issue #19 item 13).
    expect(text(documentPath(again.document.fileName)).match(/DUPLICATA/g)).toHaveLength(4);
  });

  it('a batch and a single print of the same never-printed invoice at once: one original, one duplicata', async () => {
    const [a] = await threeValidated();
    const [single, batch] = await Promise.all([
      t.call('invoices/print', { id: a }),
      t.call('invoices/print-batch', { kind: 'invoices', invoiceIds: [a] }),
    ]);
    expect(prints(a, 'print')).toBe(1);
    expect(prints(a, 'print-duplicata')).toBe(1);
    const original = (await t.call('invoices/get', { id: a })).pdfFile!;
    const other = original === single.fileName ? batch.document.fileName : single.fileName;
    expect([single.fileName, batch.document.fileName]).toContain(original);
    expect(text(documentPath(original))).not.toContain('DUPLICATA');
    expect(text(documentPath(other))).toContain('DUPLICATA');
  });
});

describe('smaller: invoices/print records its audit entry with the file, in one transaction', () => {
  it('a print that fails leaves no « print » entry and no file recorded; the next one is the original', async () => {
    const [a] = await threeValidated();
    const fonts = t.ctx.fontsDir;
    t.ctx.fontsDir = join(t.dir, 'no-fonts-here');
    expect((await t.dispatch('invoices/print', { id: a })).ok).toBe(false);
    expect(prints(a, 'print')).toBe(0);
    expect((await t.call('invoices/get', { id: a })).pdfFile).toBeNull();
    t.ctx.fontsDir = fonts;
    const ref = await t.call('invoices/print', { id: a });
    expect(prints(a, 'print')).toBe(1);
    expect((await t.call('invoices/get', { id: a })).pdfFile).toBe(ref.fileName);
  });
});

describe('8. the bordereau’s patient lines come from the invoices’ frozen print models', () => {
  it('a bordereau reprinted after the patient’s name and NIR were corrected lists them as sent', async () => {
    const [a, b] = await threeValidated(true); // tiers payant AMO: sent to the caisse in a bordereau
    const invoice = await t.call('invoices/get', { id: a });
    const sent = await t.call('bordereaux/create', { practitionerId: invoice.practitionerId, invoiceIds: [a, b], sentOn: '2026-11-25' });
    const original = text(documentPath(sent.document!.fileName));
    expect(original).toContain('DIALLO');
    const patient = await t.call('patients/get', { id: invoice.patientId });
    await t.call('patients/update', { id: patient.id, patient: { ...buildPatientInput({ nir: NIR_2 }), lastName: 'Sow', firstName: 'Awa' } });
    const reprint = await t.call('bordereaux/print', { id: sent.bordereau.id });
    const duplicata = text(documentPath(reprint.fileName));
    expect(duplicata).not.toContain('SOW');
    expect(duplicata.replace(/\s*DUPLICATA/g, '')).toBe(original);
  });

  it('the caisse’s name and address are frozen when the bordereau is created', async () => {
    const [a] = await threeValidated(true);
    const invoice = await t.call('invoices/get', { id: a });
    const sent = await t.call('bordereaux/create', { practitionerId: invoice.practitionerId, invoiceIds: [a], sentOn: '2026-11-25' });
    const original = text(documentPath(sent.document!.fileName));
    expect(original).toContain('Assurance Maladie de Paris'); // seeded from the public list cited in 0005
    await t.call('caisses/save', { regime: '01', caisse: '751', name: 'CPAM de Paris', addressLine: '1 rue Nouvelle', postalCode: '75019', city: 'PARIS' });
    const reprint = await t.call('bordereaux/print', { id: sent.bordereau.id });
    const duplicata = text(documentPath(reprint.fileName));
    expect(duplicata).not.toContain('1 rue Nouvelle');
    expect(duplicata.replace(/\s*DUPLICATA/g, '')).toBe(original);
    expect(() => t.ctx.db.prepare("UPDATE bordereaux SET addressee_json = 'null' WHERE id = ?").run(sent.bordereau.id)).toThrow(/bordereau is history/);
  });
});
