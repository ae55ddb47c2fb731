/**
 * Files crafted to hijack a restore (issue 17's attack review), each placed where the README tells a
 * practice to put its backups, then « Restaurer »: each is refused in French with nothing staged, or
 * restored with exactly Feuillet's schema and its data. The check runs off the main thread with a time
 * limit, and a restored file that cannot start puts the previous database back and says so.
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestRestore } from '../../../electron/backups.ts';
import { openDatabase } from '../../../db/connection.ts';
import { migrationsBefore } from '../../helpers/migrations-before.ts';
import { buildPatientInput, makeTestBackend, NIR_1, NIR_2, openBackendAt, type TestBackend } from '../../helpers/test-backend.ts';
import { expectNothingStaged, lastNamesAtNextStart } from '../../helpers/restore-checks.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

const backupsDir = () => join(t.dir, 'sauvegardes');
const HOSTILE = 'feuillet-2026-11-20-080000.sqlite';
const hostilePath = () => join(backupsDir(), HOSTILE);

/** A real backup of the current data, copied under HOSTILE and altered by `sql`. */
async function alteredBackup(sql: string): Promise<void> {
  await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', nir: NIR_1 }));
  const { fileName } = await t.call('backups/create', {});
  const db = new Database(join(backupsDir(), fileName));
  db.exec(`VACUUM INTO '${hostilePath()}'`);
  db.close();
  const hostile = new Database(hostilePath());
  hostile.exec(sql);
  hostile.close();
}

/** A SQLite file made from scratch under HOSTILE. */
function craftedFile(sql: string, userVersion: number): void {
  mkdirSync(backupsDir(), { recursive: true });
  const db = new Database(hostilePath());
  db.exec(sql);
  db.pragma(`user_version = ${userVersion}`);
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** Nothing was asked for the next start, and no copy of the file was left in the data folder. */
const nothingStaged = () => expectNothingStaged(t.dir);

const reopen = () => openBackendAt(t.dir);

const schemaOf = (db: Database.Database) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();

describe('a restore only ever brings back Feuillet’s own data', () => {
  it('refuses a backup whose triggers would copy every new NIR into a hidden table', async () => {
    await alteredBackup(`CREATE TABLE nir_copies (nir TEXT);
      CREATE TRIGGER copy_nir AFTER INSERT ON patients BEGIN INSERT INTO nir_copies VALUES (NEW.nir); END;`);
    const e = await t.fails('backups/restore', { fileName: HOSTILE });
    expect(e.code).toBe('conflict');
    expect(e.message_fr).toMatch(/^Ce fichier n'est pas une sauvegarde de Feuillet : il contient (la table « nir_copies »|le déclencheur « copy_nir ») que Feuillet ne crée pas\. Il n'a pas été restauré\.$/);
    nothingStaged();
  });

  it('refuses a backup whose header says another text encoding or reserved bytes per page (Feuillet writes UTF-8, none reserved)', async () => {
    for (const [offset, bytes] of [[56, [0, 0, 0, 2]], [20, [8]]] as const) {
      await alteredBackup('SELECT 1;');
      const fd = openSync(hostilePath(), 'r+');
      writeSync(fd, Buffer.from(bytes), 0, bytes.length, offset);
      closeSync(fd);
      const e = await t.fails('backups/restore', { fileName: HOSTILE });
      expect(e.message_fr).toBe("Ce fichier n'est pas une sauvegarde de Feuillet : son format interne (encodage du texte, octets réservés) n'est pas celui de Feuillet. Il n'a pas été restauré.");
      nothingStaged();
      rmSync(hostilePath());
    }
  });

  it('refuses a backup whose guard freezing a printed invoice was dropped', async () => {
    await alteredBackup('DROP TRIGGER invoices_immutable;');
    const e = await t.fails('backups/restore', { fileName: HOSTILE });
    expect(e.message_fr).toBe("Ce fichier n'est pas une sauvegarde de Feuillet : il lui manque le déclencheur « invoices_immutable ». Il n'a pas été restauré.");
    nothingStaged();
  });

  it('refuses a backup whose guard was rewritten to do nothing', async () => {
    await alteredBackup(`DROP TRIGGER invoices_no_delete;
      CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END;`);
    expect((await t.fails('backups/restore', { fileName: HOSTILE })).message_fr).toBe(
      "Ce fichier n'est pas une sauvegarde de Feuillet : le déclencheur « invoices_no_delete » n'a pas la définition de Feuillet. Il n'a pas été restauré.",
    );
    nothingStaged();
  });

  it('refuses a foreign SQLite file with a patients table and user_version 1, and the next start is unharmed', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', nir: NIR_1 }));
    craftedFile("CREATE TABLE patients (id INTEGER PRIMARY KEY, last_name TEXT); INSERT INTO patients VALUES (1, 'Intrus');", 1);
    expect((await t.fails('backups/restore', { fileName: HOSTILE })).message_fr).toMatch(/^Ce fichier n'est pas une sauvegarde de Feuillet : /);
    nothingStaged();
    t.close();
    expect(await lastNamesAtNextStart(t.dir)).toEqual(['Diallo']);
  });

  it('refuses a recursive view named patients without hanging: the app answers other calls meanwhile', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', nir: NIR_1 }));
    craftedFile('CREATE VIEW patients AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS id FROM r;', 1);
    const restore = t.dispatch('backups/restore', { fileName: HOSTILE });
    const started = performance.now();
    const search = await t.call('patients/search', { query: 'dia' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(search.map((p) => p.lastName)).toEqual(['Diallo']);
    const r = await restore;
    expect(!r.ok && r.error.message_fr).toBe("Ce fichier n'est pas une sauvegarde de Feuillet : il contient la vue « patients » que Feuillet ne crée pas. Il n'a pas été restauré.");
    nothingStaged();
  });

  it('stops a check that takes longer than its time limit, and says so', async () => {
    await alteredBackup('SELECT 1;');
    await expect(requestRestore(t.ctx, HOSTILE, { timeLimitMs: 1 })).rejects.toThrow('La vérification de ce fichier a dépassé 1 s : il a été écarté sans être restauré.');
    await new Promise((r) => setTimeout(r, 200)); // the stopped worker's copy is removed once it has exited
    nothingStaged();
  });

  it('refuses a backup padded to 2 GB without copying it', async () => {
    await alteredBackup('SELECT 1;');
    const real = statSync(hostilePath()).size;
    truncateSync(hostilePath(), 2 * 1024 ** 3); // sparse: no 2 GB written
    const started = performance.now();
    const e = await t.fails('backups/restore', { fileName: HOSTILE });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(e.message_fr).toBe(
      `Ce fichier a une taille anormale (${2 * 1024 ** 3} octets au lieu de ${real} pour ses ${real / 4096} pages) : ce n'est pas une sauvegarde intacte de Feuillet. Il n'a pas été restauré.`,
    );
    nothingStaged();
  });

  it('restores a backup of an older version, migrated while checked: the schema is exactly Feuillet’s and the data intact', async () => {
    const older = join(t.dir, 'older');
    mkdirSync(older);
    const db = openDatabase(join(older, 'old.sqlite'), { migrationsDir: migrationsBefore(older, '-backup-stamp.sql') });
    db.prepare(
      `INSERT INTO patients (last_name, first_name, birth_date, sex, nir, birth_rank, quality, sort_key, created_at, updated_at)
       VALUES ('Ancien', 'Awa', '1980-01-01', 'F', ?, 1, 'assure', 'ancien awa', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run(NIR_2);
    mkdirSync(backupsDir(), { recursive: true });
    db.prepare('VACUUM INTO ?').run(hostilePath());
    db.close();
    expect(await t.call('backups/restore', { fileName: HOSTILE })).toEqual({ patients: 1, invoices: 0 });
    t.close();
    const next = reopen();
    try {
      const restored = new Database(join(t.dir, 'feuillet.sqlite'), { readonly: true });
      const fresh = openDatabase(join(older, 'fresh.sqlite'));
      try {
        expect(schemaOf(restored)).toEqual(schemaOf(fresh));
        expect(restored.prepare('SELECT last_name, nir FROM patients').all()).toEqual([{ last_name: 'Ancien', nir: NIR_2 }]);
      } finally {
        restored.close();
        fresh.close();
      }
    } finally {
      next.close();
    }
  });

  it('a restored file that fails at the start leaves the previous database in place and says so on the Sauvegardes screen', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', nir: NIR_1 }));
    const { fileName } = await t.call('backups/create', {});
    await t.call('patients/create', buildPatientInput({ lastName: 'Traoré', nir: NIR_2 }));
    await t.call('backups/restore', { fileName });
    t.close();
    // The staged copy no longer opens as this version's database (as a newer version's file would).
    const staged = new Database(join(t.dir, 'restauration-en-attente.sqlite'));
    staged.pragma('user_version = 999');
    staged.close();
    const next = reopen();
    try {
      const r = await next.dispatch('patients/search', { query: '' });
      expect(r.ok && (r.value as { lastName: string }[]).map((p) => p.lastName)).toEqual(['Diallo', 'Traoré']);
      const state = await next.dispatch('backups/list', {});
      expect(state.ok && (state.value as { lastRestore: unknown }).lastRestore).toMatchObject({
        fileName,
        ok: false,
        reason: expect.stringMatching(/^la sauvegarde restaurée n'a pas pu s'ouvrir \(.*version plus récente.*\) : la base précédente a été remise en place$/),
      });
    } finally {
      next.close();
    }
  });
});
