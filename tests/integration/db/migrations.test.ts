import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db/connection.ts';
import { loadMigrations, migrate, schemaVersion } from '../../../db/migrate.ts';
import { NIR_1, ROOT } from '../../helpers/test-backend.ts';
import { insertLegacyInvoice, insertLegacyPractice } from './legacy-practice.ts';

const MIGRATIONS = join(ROOT, 'db', 'migrations');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'feuillet-mig-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('build an empty file up to the latest version, in WAL with foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'f.sqlite'), { migrationsDir: MIGRATIONS });
    expect(schemaVersion(db)).toBe(readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT number, name FROM organisms WHERE is_ame = 1").get()).toEqual({ number: '0075500017', name: 'AME' });
    db.close();
  });

  it('leave the file exactly as it was when one fails', () => {
    const dir = tempDir();
    const migDir = join(dir, 'migrations');
    const file = join(dir, 'f.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    db.prepare("INSERT INTO organisms (number, name, created_at) VALUES ('0012345678', 'Mutuelle test', 'now')").run();
    const before = schemaVersion(db);
    db.close();

    rmSync(migDir, { recursive: true, force: true });
    mkdirSync(migDir);
    for (const f of readdirSync(MIGRATIONS)) copyFileSync(join(MIGRATIONS, f), join(migDir, f)); // .sql and the catalogue files they apply
    const next = String(before + 1).padStart(4, '0');
    writeFileSync(join(migDir, `${next}-broken.sql`), 'CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);');

    expect(() => openDatabase(file, { migrationsDir: migDir })).toThrow(/no_such_table/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(before);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(check.prepare("SELECT name FROM organisms WHERE number = '0012345678'").get()).toEqual({ name: 'Mutuelle test' });
    check.close();
  });

  it('refuse a database made by a newer Feuillet, in French', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db, loadMigrations(MIGRATIONS))).toThrow(/version plus récente de Feuillet/);
  });

  it('0003 gives invoices validated before it their follow-up state', async () => {
    const dir = tempDir();
    const upTo2 = join(dir, 'migrations');
    mkdirSync(upTo2);
    for (const f of readdirSync(MIGRATIONS).filter((f) => f < '0003')) copyFileSync(join(MIGRATIONS, f), join(upTo2, f));
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    // A practice on version 2: one validated AME invoice, one cancelled, one draft.
    const v2 = openDatabase(join(dataDir, 'feuillet.sqlite'), { migrationsDir: upTo2 });
    const practice = insertLegacyPractice(v2, NIR_1);
    const ids = [
      insertLegacyInvoice(v2, practice, { number: 1, ame: true, validatedAt: '2026-11-20T10:00:00.000Z' }),
      insertLegacyInvoice(v2, practice, { number: 2, ame: true, validatedAt: '2026-11-20T11:00:00.000Z' }),
    ];
    ids.push(
      Number(
        v2.prepare("INSERT INTO invoices (practitioner_id, patient_id, created_at) VALUES (?, ?, '2026-11-21T09:00:00.000Z')").run(practice.practitionerId, practice.patientId)
          .lastInsertRowid,
      ),
    );
    v2.prepare("UPDATE invoices SET status = 'cancelled', cancelled_at = 'now', cancel_reason = 'Erreur' WHERE id = ?").run(ids[1]);
    v2.close();

    const v3 = openDatabase(join(dataDir, 'feuillet.sqlite'), { migrationsDir: MIGRATIONS });
    expect(v3.prepare('SELECT invoice_id, state FROM follow_up_states ORDER BY invoice_id').all()).toEqual([
      { invoice_id: ids[0], state: 'a-envoyer' },
      { invoice_id: ids[1], state: 'annulee' },
    ]);
    v3.close();
  });
});

describe('migration 0004 (cotation catalogue)', () => {
  it('corrects the wrong tariff rows in place, keeps the ids invoice lines point at, and loads the catalogue', () => {
    const dir = tempDir();
    const upTo3 = join(dir, 'migrations');
    mkdirSync(upTo3);
    for (const f of readdirSync(MIGRATIONS).filter((f) => f < '0004')) copyFileSync(join(MIGRATIONS, f), join(upTo3, f));
    const file = join(dir, 'f.sqlite');
    const v3 = new Database(file);
    v3.pragma('foreign_keys = ON');
    migrate(v3, loadMigrations(upTo3));
    const ifd2009 = v3.prepare("SELECT id, unit_cents FROM tariffs WHERE profession = 'infirmier' AND code = 'IFD' AND effective_from = '2009-04-15'").get() as { id: number; unit_cents: number };
    expect(ifd2009.unit_cents).toBe(250);
    v3.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    const row = (code: string, from: string) =>
      db.prepare("SELECT id, unit_cents, zone FROM tariffs WHERE profession = 'infirmier' AND code = ? AND effective_from = ? AND zone = 'metropole'").get(code, from);
    expect(row('IFD', '2009-04-15')).toEqual({ id: ifd2009.id, unit_cents: 230, zone: 'metropole' });
    expect(row('IFD', '2012-05-27')).toMatchObject({ unit_cents: 250 });
    expect(row('MCI', '2012-01-01')).toBeUndefined();
    expect(row('MCI', '2012-05-27')).toMatchObject({ unit_cents: 500 });
    expect(db.prepare("SELECT unit_cents FROM tariffs WHERE code = 'AMI' AND zone = 'dom'").get()).toEqual({ unit_cents: 330 });
    expect((db.prepare('SELECT count(*) AS n FROM ngap_acts').get() as { n: number }).n).toBeGreaterThan(20);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare("UPDATE tariffs SET unit_cents = 1 WHERE code = 'AMI'").run()).toThrow(/history/);
    db.close();
  });
});
