import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/connection.ts';
import { NIA_8, ROOT } from '../../helpers/test-backend.ts';
import { MIGRATIONS, migrationsBefore } from '../../helpers/migrations-before.ts';
import { insertLegacyInvoice, insertLegacyPractice } from './legacy-practice.ts';
import type { FrozenFeuille } from '../../../invoice-templates/feuille-de-soins/model.ts';
import { renderFeuilleDeSoins } from '../../../invoice-templates/feuille-de-soins/render.ts';
import { feuilleDeSoinsModel } from '../../../electron/handlers/invoice-document.ts';
import type { HandlerContext } from '../../../electron/context.ts';
import { getInvoice } from '../../../db/invoices-repo.ts';
import { text } from '../../pdf/pdf-tools.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A database at the version before the print-model migration (whatever number the lead gives it). */
function databaseBeforePrintModels() {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-mig4-'));
  dirs.push(dir);
  return { file: join(dir, 'feuillet.sqlite'), before: migrationsBefore(dir, '-print-model.sql') };
}

describe('print-model migration', () => {
  it('freezes invoices validated before it, with the identities of the audit trail at validation', () => {
    const { file, before } = databaseBeforePrintModels();
    const old = openDatabase(file, { migrationsDir: before });
    const practice = insertLegacyPractice(old, NIA_8);
    const first = insertLegacyInvoice(old, practice, { number: 1, ame: true, validatedAt: '2026-11-20T10:00:00.000Z' });
    old.prepare("INSERT INTO coverages (patient_id, organism_id, start_date, end_date, contract_code, created_at) VALUES (?, (SELECT id FROM organisms WHERE is_ame = 1), '2026-06-01', '2027-05-31', '05', 'x')").run(practice.patientId);
    // The patient was renamed after the first invoice: the audit keeps the name it was validated with.
    const patientBefore = { lastName: 'Diallo', usageName: null, firstName: 'Aminata', birthDate: '1988-05-14', nir: NIA_8, birthRank: 1, regime: '01', caisse: '751', centre: '1234', quality: 'assure', addressLine: '12 rue des Lilas', postalCode: '75019', city: 'Paris' };
    old.prepare("INSERT INTO audit_log (at, entity, entity_id, action, before_json, after_json) VALUES ('2026-11-21T08:00:00.000Z', 'patient', ?, 'update', ?, '{}')").run(practice.patientId, JSON.stringify(patientBefore));
    old.prepare("UPDATE patients SET last_name = 'Diallo-Sow', first_name = 'Awa' WHERE id = ?").run(practice.patientId);
    const second = insertLegacyInvoice(old, practice, { number: 2, ame: false, validatedAt: '2026-11-22T10:00:00.000Z' });
    old.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    const rows = db.prepare('SELECT invoice_id, model_version, source, model_json FROM invoice_print_models ORDER BY invoice_id').all() as {
      invoice_id: number;
      model_version: number;
      source: string;
      model_json: string;
    }[];
    expect(rows.map((r) => [r.invoice_id, r.model_version, r.source])).toEqual([
      [first, 1, 'migration'],
      [second, 1, 'migration'],
    ]);
    const [m1, m2] = rows.map((r) => JSON.parse(r.model_json) as FrozenFeuille);
    expect(m1!.patient).toMatchObject({ lastName: 'Diallo', firstName: 'Aminata', centre: '0000', regime: '01' });
    expect(m2!.patient).toMatchObject({ lastName: 'Diallo-Sow', firstName: 'Awa' });
    expect(m1!.invoice).toEqual({ number: 1, validatedAt: '2026-11-20T10:00:00.000Z' });
    expect(m1!.billing).toMatchObject({ ame: true, ald: false, tiersPayantAmo: true, amoRate: 0, amcRate: 100, amcOrganism: { number: '0075500017', name: 'AME' } });
    expect(m1!.ameRights).toEqual({ contractCode: '05', attestationNumber: null, startDate: '2026-06-01', endDate: '2027-05-31' });
    expect(m2!.ameRights).toBeNull();
    expect(m1!.lines).toEqual([
      { actDate: '2026-11-20', code: 'AMI', coefficient: 100, quantity: 1, unitCents: 315, amountCents: 315, qualificatif: 'N', sessionNumber: null, explanation: null },
    ]);
    expect(m1!.practitioner).toMatchObject({ lastName: 'Martin', amNumber: '751234567', situation: 'titulaire', replaced: null });
    expect(m1!.circumstances).toEqual({ insuranceNature: 'maladie', atNumber: null, atDate: null, thirdPartyAccident: false, accidentDate: null, priorAgreementDate: null });
    expect(m1!.totals).toEqual({ totalCents: 315, amoCents: 0, amcCents: 315, patientCents: 0 });
    expect(m1!.insured).toMatchObject({ quality: 'assure', lastName: 'Diallo', nir: NIA_8 });
    // Frozen from the start.
    expect(() => db.prepare("UPDATE invoice_print_models SET model_json = '{}'").run()).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM invoice_print_models').run()).toThrow(/frozen/);
    db.close();
  });

  it('still prints a version-1 model (lines without rate nor article) after the model gained them', async () => {
    const { file, before } = databaseBeforePrintModels();
    const old = openDatabase(file, { migrationsDir: before });
    const practice = insertLegacyPractice(old, NIA_8);
    const id = insertLegacyInvoice(old, practice, { number: 1, ame: true, validatedAt: '2026-11-20T10:00:00.000Z' });
    old.close();
    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    try {
      const model = feuilleDeSoinsModel({ db } as HandlerContext, getInvoice(db, id)!, true);
      expect(model.lines[0]).not.toHaveProperty('ratePercent');
      const pdf = await renderFeuilleDeSoins(model, { fontsDir: join(ROOT, 'invoice-templates', 'fonts') });
      const out = join(dirs.at(-1)!, 'v1.pdf');
      writeFileSync(out, pdf);
      expect(text(out).replace(/\s+/g, ' ')).toMatch(/20\/11\/2026 AMI 1 1 3,15 € 3,15 € N/);
    } finally {
      db.close();
    }
  });
});
