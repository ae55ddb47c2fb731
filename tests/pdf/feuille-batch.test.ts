import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pages, renderPng, text } from './pdf-tools.ts';
import { buildPractitionerInput, makeTestBackend, ROOT, validatedInvoice, type TestBackend } from '../helpers/test-backend.ts';
import { DROPPED_TABLES, prepareFonts } from '../../scripts/prepare-fonts.mjs';
import { renderFeuilleDeSoins } from '../../invoice-templates/feuille-de-soins/render.ts';
import { feuilleDeSoinsModel } from '../../electron/handlers/invoice-document.ts';

let t: TestBackend;
let practitionerId: number;
const ids: number[] = [];
beforeAll(async () => {
  t = makeTestBackend();
  practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
  for (let i = 0; i < 60; i++) {
    const invoice = await validatedInvoice(t, practitionerId, { patient: { lastName: `Patient-${String(i + 1).padStart(2, '0')}` } });
    ids.push(invoice.id);
  }
}, 60_000);
afterAll(() => t.dispose());

describe('batch of feuilles de soins', () => {
  it('prints 60 feuilles in one PDF, one page each, every number and patient in its own feuille', async () => {
    const r = await t.call('invoices/print-batch', { kind: 'invoices', invoiceIds: ids });
    expect(r.count).toBe(60);
    const file = join(t.dir, 'documents', r.document.fileName);
    renderPng(file, 'feuilles-60');
    expect(pages(file)).toBe(60);
    const s = text(file);
    const perPage = s.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(60);
    perPage.forEach((p, i) => {
      expect(p).toContain(`Facture n° ${i + 1}`);
      expect(p).toContain(`PATIENT-${String(i + 1).padStart(2, '0')}`);
      expect(p).toContain('page 1/1');
      expect(p).toContain('DUPLICATA');
    });
  });

  it('refuses drafts and unknown invoices with a French message', async () => {
    const patient = await t.call('patients/create', (await import('../helpers/test-backend.ts')).buildPatientInput());
    const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient.id });
    expect((await t.fails('invoices/print-batch', { kind: 'invoices', invoiceIds: [ids[0]!, draft.id] })).message_fr).toMatch(/brouillon/);
    expect((await t.fails('invoices/print-batch', { kind: 'invoices', invoiceIds: [999_999] })).code).toBe('not-found');
    expect((await t.fails('invoices/print-batch', { kind: 'invoices', invoiceIds: [] })).message_fr).toBe('Choisissez au moins une facture.');
  });
});

describe('fonts prepared at build time', () => {
  it('drop the layout tables and glyph names but print the same text, accents and « € » included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feuillet-fonts-'));
    try {
      prepareFonts(join(ROOT, 'invoice-templates', 'fonts'), join(dir, 'fonts'));
      const stripped = readFileSync(join(dir, 'fonts', 'DejaVuSans.ttf'));
      const tags = Array.from({ length: stripped.readUInt16BE(4) }, (_, i) => stripped.toString('latin1', 12 + i * 16, 16 + i * 16));
      for (const tag of DROPPED_TABLES) expect(tags).not.toContain(tag);
      expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca', 'post']));
      const model = feuilleDeSoinsModel(t.ctx, (await t.call('invoices/get', { id: ids[0]! })), false);
      const accented = { ...model, patient: { ...model.patient, lastName: 'Lefèvre-Ødegård', firstName: 'Élise-Françoise' } };
      writeFileSync(join(dir, 'raw.pdf'), await renderFeuilleDeSoins(accented, { fontsDir: join(ROOT, 'invoice-templates', 'fonts') }));
      writeFileSync(join(dir, 'prepared.pdf'), await renderFeuilleDeSoins(accented, { fontsDir: join(dir, 'fonts') }));
      // Same words on the same lines; the width of a column gap may differ by a space (no kerning table).
      const words = (file: string) => text(file).replace(/[ \t]+/g, ' ');
      const prepared = text(join(dir, 'prepared.pdf'));
      expect(words(join(dir, 'prepared.pdf'))).toBe(words(join(dir, 'raw.pdf')));
      expect(prepared).toContain('LEFÈVRE-ØDEGÅRD Élise-Françoise');
      expect(prepared).toContain('10,63 €');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
