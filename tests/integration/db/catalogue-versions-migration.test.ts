/**
 * The catalogue-versions migration (issue 18): built at the version before it, with a validated invoice, a hand-typed
 * tariff and a favourite, then migrated. The shipped catalogue comes in through applyCatalogue (version 1, origin
 * « migration »): rows it no longer has are withdrawn, never deleted (the invoice's tariff id still resolves), the
 * hand-typed tariff stays, values can no longer be rewritten, and the validated invoice is unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/connection.ts';
import { shippedCatalogue, shippedFileName } from '../../../db/catalogue-bundle.ts';
import { NIA_8 } from '../../helpers/test-backend.ts';
import { MIGRATIONS, migrationsBefore } from '../../helpers/migrations-before.ts';
import { insertLegacyInvoice, insertLegacyPractice } from './legacy-practice.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('catalogue-versions migration', () => {
  it('applies the shipped catalogue as version 1, withdraws what it replaces, keeps history and hand-typed rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feuillet-mig-catalogue-'));
    dirs.push(dir);
    const file = join(dir, 'feuillet.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsBefore(dir, '-catalogue-versions.sql') });
    const practice = insertLegacyPractice(old, NIA_8);
    const invoice = insertLegacyInvoice(old, practice, { number: 1, ame: true, validatedAt: '2026-11-20T10:00:00.000Z' });
    const md = old.prepare("SELECT id FROM tariffs WHERE profession = 'infirmier' AND code = 'MD' AND zone = 'metropole'").get() as { id: number };
    old.prepare("INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, created_at) VALUES ('infirmier', 'XAB', 'metropole', 'Saisi à la main', 123, '2026-01-01', 'x')").run();
    old.prepare("INSERT INTO act_favourites (practitioner_id, act_key, created_at) VALUES (?, 'idel-prelevement', 'x')").run(practice.practitionerId);
    const linesBefore = old.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY id').all(invoice);
    old.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    // Version 1 (this migration's file), then each later catalogue migration, the last one the shipped catalogue.
    const versions = db.prepare('SELECT version, origin, checksum FROM catalogue_versions ORDER BY version').all() as { version: number; origin: string; checksum: string }[];
    expect(versions[0]).toEqual({ version: 1, origin: 'migration', checksum: JSON.parse(readFileSync(join(MIGRATIONS, shippedFileName(1)), 'utf8')).checksum });
    expect(versions.at(-1)).toEqual({ version: shippedCatalogue().version, origin: 'migration', checksum: shippedCatalogue().checksum });
    // MD 8,00 € is replaced by F (8,50 € since 01/08/2018): withdrawn by version 1, still there for its invoices.
    expect(db.prepare('SELECT code, unit_cents, withdrawn_by FROM tariffs WHERE id = ?').get(md.id)).toEqual({ code: 'MD', unit_cents: 800, withdrawn_by: 1 });
    expect(db.prepare("SELECT unit_cents FROM tariffs WHERE code = 'F' AND profession = 'infirmier' AND zone = 'metropole' AND withdrawn_by IS NULL ORDER BY effective_from DESC LIMIT 1").get()).toEqual({ unit_cents: 850 });
    expect(db.prepare("SELECT withdrawn_by FROM tariffs WHERE code = 'XAB'").get()).toEqual({ withdrawn_by: null });
    expect(db.prepare("SELECT act_group FROM ngap_acts WHERE key = 'idel-prelevement'").get()).toEqual({ act_group: 'prise-de-sang' });
    expect(db.prepare('SELECT act_key FROM act_favourites').all()).toEqual([{ act_key: 'idel-prelevement' }]);
    expect(db.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY id').all(invoice)).toEqual(linesBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Values are history: never rewritten, never deleted; a withdrawn row is frozen whole.
    expect(() => db.prepare("UPDATE tariffs SET unit_cents = 1 WHERE code = 'F'").run()).toThrow(/history/);
    expect(() => db.prepare("DELETE FROM tariffs WHERE code = 'XAB'").run()).toThrow(/history/);
    expect(() => db.prepare('UPDATE tariffs SET label = ? WHERE id = ?').run('autre', md.id)).toThrow(/history/);
    expect(() => db.prepare('DELETE FROM catalogue_versions').run()).toThrow(/history/);
    db.close();
  });

  // Catalogue version 2 (migration « catalogue-v2 »): five titre XVI acts the published cases cote (ILM n°289, 302,
  // 319, 340, 362) and the kiné bilan-diagnostic dated right, through applyCatalogue; tariffs and a validated invoice
  // untouched.
  it('catalogue version 2 adds its acts, keeps the version-1 rows and a validated invoice as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feuillet-mig-catalogue-v2-'));
    dirs.push(dir);
    const file = join(dir, 'feuillet.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsBefore(dir, '-catalogue-v2.sql') });
    const practice = insertLegacyPractice(old, NIA_8);
    const invoice = insertLegacyInvoice(old, practice, { number: 1, ame: true, validatedAt: '2026-11-20T10:00:00.000Z' });
    const tariffsBefore = old.prepare('SELECT * FROM tariffs ORDER BY id').all();
    const linesBefore = old.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY id').all(invoice);
    expect(old.prepare("SELECT count(*) AS n FROM ngap_acts WHERE key = 'idel-dialyse-peritoneale'").get()).toEqual({ n: 0 });
    old.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    expect(db.prepare('SELECT origin FROM catalogue_versions WHERE version = 2').get()).toEqual({ origin: 'migration' });
    const added = db.prepare("SELECT key, code, coefficient, act_group FROM ngap_acts WHERE key IN ('idel-etui-penien', 'idel-pulverisation', 'idel-irrigation-colique', 'idel-dialyse-peritoneale', 'idel-aerosol-immuno') ORDER BY key").all();
    expect(added).toEqual([
      { key: 'idel-aerosol-immuno', code: 'AMI', coefficient: 500, act_group: 'standard' },
      { key: 'idel-dialyse-peritoneale', code: 'AMI', coefficient: 400, act_group: 'standard' },
      { key: 'idel-etui-penien', code: 'AMI', coefficient: 100, act_group: 'standard' },
      { key: 'idel-irrigation-colique', code: 'AMI', coefficient: 400, act_group: 'standard' },
      { key: 'idel-pulverisation', code: 'AMI', coefficient: 125, act_group: 'standard' },
    ]);
    // The bilan-diagnostic 10,7 starts on 01/07/2018 (avenant 5); 8,1 before (arrêté du 13/10/2003).
    expect(db.prepare("SELECT key, coefficient, effective_from, effective_to FROM ngap_acts WHERE key IN ('mk-bdk', 'mk-bdk-2003') ORDER BY key").all()).toEqual([
      { key: 'mk-bdk', coefficient: 1070, effective_from: '2018-07-01', effective_to: null },
      { key: 'mk-bdk-2003', coefficient: 810, effective_from: '2012-07-15', effective_to: '2018-06-30' },
    ]);
    expect(db.prepare('SELECT * FROM tariffs ORDER BY id').all()).toEqual(tariffsBefore);
    expect(db.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY id').all(invoice)).toEqual(linesBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
