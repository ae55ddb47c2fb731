import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db/connection.ts';
import { loadMigrations, migrate, schemaVersion } from '../../../db/migrate.ts';
import { ROOT } from '../../helpers/test-backend.ts';

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
    for (const f of readdirSync(MIGRATIONS)) copyFileSync(join(MIGRATIONS, f), join(migDir, f));
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
    const { createBackend } = await import('../../../electron/backend.ts');
    const { fixedClock } = await import('../../../electron/context.ts');
    const { buildPatientInput, buildPractitionerInput, NIR_1 } = await import('../../helpers/test-backend.ts');
    const open = (migrationsDir: string) =>
      createBackend({ dataDir, migrationsDir, fontsDir: join(ROOT, 'invoice-templates', 'fonts'), transport: 'browser', appVersion: 'test', clock: fixedClock('2026-11-25') });
    const v2 = open(upTo2);
    const call = async (method: string, input: unknown) => {
      const r = await v2.dispatch(method, input);
      if (!r.ok) throw new Error(r.error.message_fr);
      return r.value as { id: number };
    };
    const practitioner = await call('practitioners/create', buildPractitionerInput());
    const patient = await call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const draft = await call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
      // AME formatting as the version-2 button stored it (today's handler also records a version-4 column).
      if (i < 2) {
        v2.ctx.db
          .prepare("UPDATE invoices SET ame = 1, ame_source = 'button', tiers_payant_amo = 1, tiers_payant_amc = 1, amo_rate = 0, amc_rate = 100, amc_organism_id = (SELECT id FROM organisms WHERE number = '0075500017') WHERE id = ?")
          .run(draft.id);
      }
      await call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }] });
      if (i < 2) await call('invoices/validate', { invoiceId: draft.id, confirmOutsideRights: true });
      ids.push(draft.id);
    }
    // Cancelled as version 2 did it (today's handler also looks at payments, a version-3 table).
    v2.ctx.db.prepare("UPDATE invoices SET status = 'cancelled', cancelled_at = 'now', cancel_reason = 'Erreur' WHERE id = ?").run(ids[1]);
    v2.close();

    const v3 = open(MIGRATIONS);
    expect(v3.ctx.db.prepare('SELECT invoice_id, state FROM follow_up_states ORDER BY invoice_id').all()).toEqual([
      { invoice_id: ids[0], state: 'a-envoyer' },
      { invoice_id: ids[1], state: 'annulee' },
    ]);
    v3.close();
  });
});
