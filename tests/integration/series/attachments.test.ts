/** Issue 15: a scan or photo of the ordonnance / AME attestation, kept in the database and carried by every backup. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPatientInput, makeTestBackend, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend('2026-05-26');
});
afterEach(() => t.dispose());

// A 1×1 PNG and a minimal PDF header: what the desk's scanner or phone gives, in small.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('attachments of the patient file', () => {
  it('stores a photo and a scan, shows the photo, opens the scan, and a backup carries them', async () => {
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const photo = await t.call('attachments/add', { patientId: patient.id, kind: 'attestation-ame', fileName: 'attestation.png', mime: 'image/png', contentBase64: PNG.toString('base64') });
    const scan = await t.call('attachments/add', { patientId: patient.id, kind: 'ordonnance', fileName: 'ordonnance.pdf', mime: 'application/pdf', contentBase64: PDF.toString('base64') });
    expect((await t.call('attachments/list', { patientId: patient.id })).map((a) => [a.kind, a.fileName, a.sizeBytes])).toEqual([
      ['ordonnance', 'ordonnance.pdf', PDF.length],
      ['attestation-ame', 'attestation.png', PNG.length],
    ]);
    expect((await t.call('attachments/open', { id: photo.id })).dataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    const opened = await t.call('attachments/open', { id: scan.id });
    expect(opened.document?.fileName).toBe(`piece-jointe-${patient.id}-${scan.id}.pdf`);

    const backup = await t.call('backups/create', {});
    const copy = new Database(join(t.dir, 'sauvegardes', backup.fileName), { readonly: true });
    const rows = copy.prepare('SELECT file_name, content FROM patient_attachments ORDER BY id').all() as { file_name: string; content: Buffer }[];
    copy.close();
    expect(rows.map((r) => [r.file_name, r.content.equals(r.file_name.endsWith('.png') ? PNG : PDF)])).toEqual([
      ['attestation.png', true],
      ['ordonnance.pdf', true],
    ]);
  });

  it('refuses a file that is not what it says, an empty or too heavy one, in French, storing nothing', async () => {
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const base = { patientId: patient.id, kind: 'ordonnance' as const, fileName: 'scan.pdf', mime: 'application/pdf' as const };
    expect(await t.fails('attachments/add', { ...base, contentBase64: PNG.toString('base64') })).toMatchObject({
      field: 'contentBase64',
      message_fr: "Ce fichier n'est pas un PDF : choisissez un scan (PDF) ou une photo (JPEG, PNG).",
    });
    expect(await t.fails('attachments/add', { ...base, contentBase64: Buffer.alloc(800_000, 1).toString('base64') })).toMatchObject({
      message_fr: 'Fichier trop lourd : 700 Ko au maximum (réduisez la résolution du scan).',
    });
    expect(await t.fails('attachments/add', { ...base, mime: 'image/gif' as never, contentBase64: PDF.toString('base64') })).toMatchObject({ message_fr: 'Format accepté : PDF, JPEG ou PNG.' });
    expect(t.count('patient_attachments')).toBe(0);
  });
});
