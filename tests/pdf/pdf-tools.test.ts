import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fonts, pages, rawText, text, wordBoxes } from './pdf-tools.ts';
import { addAmeCoverage, makeTestBackend, NIA_8, seedDraft, type TestBackend } from '../helpers/test-backend.ts';

/** The PDF reader the tests use (MuPDF.js from npm, no poppler), on a real feuille de soins. */
let t: TestBackend;
let file: string;
beforeAll(async () => {
  t = makeTestBackend();
  const { invoice, patient } = await seedDraft(t, { nir: NIA_8 });
  await addAmeCoverage(t, patient.id, '2026-06-01', '2027-05-31');
  const r = await t.call('invoices/validate', { invoiceId: invoice.id, ameAnswer: 'oui' });
  if (r.kind !== 'validated') throw new Error(r.kind);
  file = join(t.dir, 'documents', r.document!.fileName);
});
afterAll(() => t.dispose());

describe('pdf-tools (MuPDF.js)', () => {
  it('lays text out in lines, columns kept apart, no-break spaces as plain spaces', () => {
    const s = text(file);
    expect(s).toMatch(/^Feuille de soins — Auxiliaires médicaux\s{2,}Facture n° 1$/m);
    expect(s).not.toMatch(/[\u00a0\u202f]/);
    expect(rawText(file)).toContain('Feuille de soins — Auxiliaires médicaux');
    expect(pages(file)).toBe(1);
    expect(fonts(file).every((f) => f.embedded)).toBe(true);
  });

  it('gives every word with its box, the same words as the text, inside the A4 page', () => {
    const words = wordBoxes(file);
    expect(words.map((w) => w.text).sort()).toEqual(text(file).split(/\s+/).filter(Boolean).sort());
    for (const w of words) {
      expect(w.page).toBe(0);
      expect(w.xMin).toBeGreaterThanOrEqual(0);
      expect(w.xMax).toBeLessThanOrEqual(595.3);
      expect(w.yMin).toBeLessThan(w.yMax);
      expect(w.yMax).toBeLessThanOrEqual(841.9);
    }
    const [diallo, aminata] = ['DIALLO', 'Aminata'].map((x) => words.find((w) => w.text === x)!);
    expect(aminata!.xMin).toBeGreaterThan(diallo!.xMax);
    expect(Math.abs(aminata!.yMin - diallo!.yMin)).toBeLessThan(0.5);
  });
});
