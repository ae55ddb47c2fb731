import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fonts, pages, rawText, renderPng, text } from './pdf-tools.ts';
import { addAmeCoverage, makeTestBackend, NIA_8, NIR_2, seedDraft, type TestBackend } from '../helpers/test-backend.ts';

/** PDFs are produced through the real use cases, then read back with MuPDF. */
let t: TestBackend;
beforeAll(() => {
  t = makeTestBackend();
});
afterAll(() => t.dispose());

async function validatedPdf(kind: 'ame' | 'normal' | 'long') {
  const nir = kind === 'ame' ? NIA_8 : NIR_2;
  const lines =
    kind === 'long'
      ? Array.from({ length: 22 }, (_, i) => ({ actDate: `2026-11-${String(1 + i).padStart(2, '0')}`, code: i % 2 ? 'IFD' : 'AMI', coefficient: i % 2 ? 1 : 4.1, quantity: 1 }))
      : undefined;
  const { invoice, patient } = await seedDraft(t, lines ? { nir, lines } : { nir });
  if (kind === 'long') {
    await t.call('patients/update', {
      id: patient.id,
      patient: { ...patient, lastName: 'de la Fontaine-Abdelkader-Bensaïd-Rodríguez-Øster-Lefèvre', firstName: 'Marie-Éléonore-Françoise' },
    });
  }
  if (kind === 'ame') await addAmeCoverage(t, patient.id, '2026-06-01', '2027-05-31');
  const r = await t.call('invoices/validate', kind === 'ame' ? { invoiceId: invoice.id, ameAnswer: 'oui' } : { invoiceId: invoice.id, ameAnswer: 'non' });
  if (r.kind !== 'validated') throw new Error(r.kind);
  return { file: join(t.dir, 'documents', r.document!.fileName), invoice: r.invoice };
}

describe('feuille de soins PDF', () => {
  it('shows the AME formatting: organism 0075500017, 0 % / 100 %, N on each act, totals', async () => {
    const { file, invoice } = await validatedPdf('ame');
    renderPng(file, 'feuille-ame');
    const s = text(file);
    expect(s).toContain('Feuille de soins — Auxiliaires médicaux');
    expect(s).toContain(`Facture n° ${invoice.number}`);
    expect(s).toContain('AME — 0075500017');
    expect(s).toMatch(/Part obligatoire \(caisse\)\s*:\s*0 %/);
    expect(s).toMatch(/Part complémentaire\s*:\s*100 %/);
    expect(s).toContain("L'assuré n'a pas payé la part obligatoire");
    expect(s).toContain("L'assuré n'a pas payé la part complémentaire");
    expect(s).toContain('DIALLO Aminata');
    expect(s).toContain('8 85 05 99 123 456');
    const actRows = s.split('\n').filter((l) => /^\s*\d{2}\/\d{2}\/\d{4}\s+(AMI|IFD)/.test(l));
    expect(actRows).toHaveLength(3);
    expect(actRows.every((l) => /\sN\s*$/.test(l))).toBe(true);
    expect(s).toMatch(/Total des actes\s+10,63\s€/);
    expect(s).toMatch(/Part obligatoire \(0 %\)\s+0,00\s€/);
    expect(s).toMatch(/Part complémentaire \(100 %\)\s+10,63\s€/);
    expect(s).toMatch(/Reste à payer par le patient\s+0,00\s€/);
    expect(s).toContain('ne télétransmet pas');
  });

  it('prints a normal invoice at 60 % with no organism and blank qualificatifs', async () => {
    const { file } = await validatedPdf('normal');
    renderPng(file, 'feuille-normale');
    const s = text(file);
    expect(s).toMatch(/Part obligatoire \(60 %\)\s+6,38\s€/);
    expect(s).toContain('Organisme complémentaire : Aucun');
    const actRows = s.split('\n').filter((l) => /^\s*\d{2}\/\d{2}\/\d{4}\s+(AMI|IFD)/.test(l));
    expect(actRows.some((l) => /\sN\s*$/.test(l))).toBe(false);
  });

  it('continues 22 acts on a second page, every amount present, fonts embedded', async () => {
    const { file, invoice } = await validatedPdf('long');
    renderPng(file, 'feuille-22-actes');
    expect(pages(file)).toBe(2);
    const s = text(file);
    expect(s).toContain('page 1/2');
    expect(s).toContain('page 2/2');
    const actRows = s.split('\n').filter((l) => /^\s*\d{2}\/\d{2}\/\d{4}\s+(AMI|IFD)/.test(l));
    expect(actRows).toHaveLength(22);
    expect(s).toContain('12,92 €'); // AMI 4,1 = 12,915 → 12,92
    expect(s).toMatch(new RegExp(`Total des actes\\s+${(invoice.totalCents / 100).toFixed(2).replace('.', ',')}\\s€`));
    expect(fonts(file)).toContainEqual({ name: 'DejaVuSans', subset: true, embedded: true });
  });

  it('prints a cancelled invoice with the ANNULÉE stamp and its reason', async () => {
    const { invoice } = await validatedPdf('normal');
    await t.call('invoices/cancel', { invoiceId: invoice.id, reason: 'Erreur de cotation' });
    const doc = await t.call('invoices/print', { id: invoice.id });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'feuille-annulee');
    // The diagonal stamp is extracted as a raw run of characters; the reason line is plain text.
    const raw = rawText(file);
    expect(raw).toContain('ANNULÉE');
    expect(text(file)).toContain('Facture annulée — motif : Erreur de cotation');
  });
});
