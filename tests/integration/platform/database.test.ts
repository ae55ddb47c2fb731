/**
 * The data layer on a real temporary SQLite file: migrations (complements tests/integration/db), the
 * patients and coverages repositories, all-or-nothing writes, the append-only audit log, and the plans
 * of the statements the search really runs.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PatientInput } from '../../../core/api/schemas/patients.ts';
import { listAudit } from '../../../db/audit-repo.ts';
import { inTransaction, openDatabase, type Db } from '../../../db/connection.ts';
import {
  findOrganismByNumber,
  getAmeOrganism,
  insertCoverage,
  insertOrganism,
  listCoverages,
  listOrganisms,
  updateCoverage,
} from '../../../db/coverages-repo.ts';
import { loadMigrations, schemaVersion } from '../../../db/migrate.ts';
import { getPatient, insertPatient, setPatientArchived, updatePatient, type PatientData } from '../../../db/patients-repo.ts';
import { searchPatients } from '../../../db/patient-search.ts';
import { buildPatientInput, makeTestBackend, nirOf, ROOT, TODAY, type TestBackend } from '../../helpers/test-backend.ts';
import { capturePlans, explain } from './explain.ts';

const MIGRATIONS = join(ROOT, 'db', 'migrations');
const MIGRATION_COUNT = readdirSync(MIGRATIONS).filter((f) => /^\d{4}-.*\.sql$/.test(f)).length;
const NOW = '2026-11-25T09:00:00.000Z';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'feuillet-db-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Patient data as the handlers receive it (the API schema applied to a builder's input). */
const patientData = (overrides: Parameters<typeof buildPatientInput>[0] = {}): PatientData =>
  PatientInput.parse(buildPatientInput(overrides)) as PatientData;

/** A copy of the real migrations plus extra files, in a temp folder. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir);
  for (const f of readdirSync(MIGRATIONS)) copyFileSync(join(MIGRATIONS, f), join(dir, f));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return dir;
}

const nextName = (suffix: string) => `${String(MIGRATION_COUNT + 1).padStart(4, '0')}-${suffix}.sql`;

describe('migrations on a file', () => {
  it('from an empty file: user_version = number of migration files, WAL, foreign keys, busy timeout', () => {
    const file = join(tempDir(), 'feuillet.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    expect(schemaVersion(db)).toBe(MIGRATION_COUNT);
    expect(loadMigrations(MIGRATIONS)).toHaveLength(MIGRATION_COUNT);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('creates STRICT tables', () => {
    const db = openDatabase(':memory:', { migrationsDir: MIGRATIONS });
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'patients_fts%'").all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    db.close();
  });

  it('reopening an up-to-date file changes nothing', () => {
    const file = join(tempDir(), 'feuillet.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    insertPatient(db, patientData(), NOW);
    db.close();
    const again = openDatabase(file, { migrationsDir: MIGRATIONS });
    expect(schemaVersion(again)).toBe(MIGRATION_COUNT);
    expect(again.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
    expect(again.prepare("SELECT count(*) AS n FROM organisms WHERE number = '0075500017'").get()).toEqual({ n: 1 });
    again.close();
  });

  it('a failing migration on an empty file keeps the ones before it, and a fixed one then applies', () => {
    const file = join(tempDir(), 'feuillet.sqlite');
    const broken = migrationsWith({ [nextName('broken')]: 'CREATE TABLE half_done (id INTEGER);\nSELECT * FROM no_such_table;' });
    expect(() => openDatabase(file, { migrationsDir: broken })).toThrow(/no_such_table/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    check.close();

    const fixed = migrationsWith({ [nextName('fixed')]: 'CREATE TABLE done (id INTEGER PRIMARY KEY) STRICT;' });
    const db = openDatabase(file, { migrationsDir: fixed });
    expect(schemaVersion(db)).toBe(MIGRATION_COUNT + 1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'done'").get()).toEqual({ name: 'done' });
    db.close();
  });

  it('a failing migration leaves an existing database and its data exactly as they were', () => {
    const file = join(tempDir(), 'feuillet.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    const p = inTransaction(db, () => insertPatient(db, patientData({ lastName: 'Le Gall-Martin' }), NOW));
    db.close();
    const broken = migrationsWith({
      [nextName('broken')]: "ALTER TABLE patients ADD COLUMN oops TEXT;\nUPDATE patients SET last_name = 'ÉCRASÉ';\nINSERT INTO nowhere VALUES (1);",
    });
    expect(() => openDatabase(file, { migrationsDir: broken })).toThrow(/nowhere/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
    expect(check.prepare('SELECT last_name FROM patients WHERE id = ?').get(p.id)).toEqual({ last_name: 'Le Gall-Martin' });
    expect((check.prepare('PRAGMA table_info(patients)').all() as { name: string }[]).map((c) => c.name)).not.toContain('oops');
    check.close();
  });

  it('refuses a database newer than the app, in French, and does not touch it', () => {
    const file = join(tempDir(), 'feuillet.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATION_COUNT + 5}`);
    raw.close();
    const size = statSync(file).size;
    expect(() => openDatabase(file, { migrationsDir: MIGRATIONS })).toThrow(
      `Cette base de données (version ${MIGRATION_COUNT + 5}) a été créée par une version plus récente de Feuillet (version ${MIGRATION_COUNT} connue). Mettez Feuillet à jour.`,
    );
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT + 5);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    check.close();
    expect(statSync(file).size).toBe(size);
  });

  it('refuses a folder whose numbering has a gap', () => {
    const dir = migrationsWith({ [`${String(MIGRATION_COUNT + 2).padStart(4, '0')}-skipped.sql`]: 'SELECT 1;' });
    expect(() => loadMigrations(dir)).toThrow(/gap/);
  });
});

describe('patients repository', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(join(tempDir(), 'feuillet.sqlite'), { migrationsDir: MIGRATIONS });
    const rows: Parameters<typeof buildPatientInput>[0][] = [
      { lastName: 'Diallo', firstName: 'Aminata', birthDate: '1988-05-14', nir: nirOf('2880575123456') },
      { lastName: "N'Diaye", firstName: 'Séverine', birthDate: '1990-01-02', nir: '295109912611193' },
      { lastName: 'Le Gall-Martin', firstName: 'Anne', usageName: 'Kervella', birthDate: '1962-06-01', nir: nirOf('262062A765118') },
      { lastName: 'Bœuf', firstName: 'Éloïse', birthDate: '1988-05-14', nir: nirOf('8880599123456') },
      { lastName: 'Dialla', firstName: 'Moussa', birthDate: '1975-11-30', nir: nirOf('7751199123456') },
    ];
    inTransaction(db, () => rows.forEach((r) => insertPatient(db, patientData(r), NOW)));
  });
  afterAll(() => db.close());

  const names = (query: string, includeArchived = false) =>
    searchPatients(db, query, { includeArchived, limit: 50, today: TODAY }).map((p) => p.lastName);

  it('finds by the first letters of a name, accents and case ignored', () => {
    expect(names('dia')).toEqual(['Dialla', 'Diallo', "N'Diaye"]);
    expect(names('DIALL')).toEqual(['Dialla', 'Diallo']);
    expect(names('sév')).toEqual(["N'Diaye"]);
    expect(names('boeuf')).toEqual(['Bœuf']);
    expect(names('eloise')).toEqual(['Bœuf']);
  });

  it('finds by full name in any order, by usage name, and by compound parts glued or not', () => {
    expect(names('aminata diallo')).toEqual(['Diallo']);
    expect(names('diallo aminata')).toEqual(['Diallo']);
    expect(names('kervella')).toEqual(['Le Gall-Martin']);
    expect(names('gall martin')).toEqual(['Le Gall-Martin']);
    expect(names('legallmartin')).toEqual(['Le Gall-Martin']);
    expect(names("n'diaye")).toEqual(["N'Diaye"]);
    expect(names('ndiaye')).toEqual(["N'Diaye"]);
    // No exact match; one typo forgiven (issue #9): Dialla Moussa.
    expect(names('diallo moussa')).toEqual(['Dialla']);
  });

  it('finds by the first digits of a NIR/NIA, Corsican 2A included', () => {
    expect(names('2 88 05')).toEqual(['Diallo']);
    expect(names('2 62 06 2A')).toEqual(['Le Gall-Martin']);
    expect(names('8')).toEqual(['Bœuf']);
    expect(names('7 75')).toEqual(['Dialla']);
    expect(names('9')).toEqual([]);
  });

  it('finds by birth date typed jj/mm/aaaa, in alphabetical order', () => {
    expect(names('14/05/1988')).toEqual(['Bœuf', 'Diallo']);
    expect(names('1/6/1962')).toEqual(['Le Gall-Martin']);
    expect(names('31/04/1988')).toEqual([]);
  });

  it('flags 7/8 numbers as « AME possible » in the summaries', () => {
    const list = searchPatients(db, '', { includeArchived: false, limit: 50, today: TODAY });
    expect(list.filter((p) => p.amePossible).map((p) => p.lastName).sort()).toEqual(['Bœuf', 'Dialla']);
  });

  it('keeps the full-text index in step with an update (old name gone, new one found)', () => {
    const [p] = searchPatients(db, 'dialla', { includeArchived: false, limit: 5, today: TODAY });
    const before = getPatient(db, p!.id)!;
    inTransaction(db, () => updatePatient(db, p!.id, patientData({ ...before, lastName: 'Koné', usageName: null, nir: before.nir }), NOW));
    // The old name is gone (what 'dialla' still finds is Diallo, one typo away).
    expect(searchPatients(db, 'dialla', { includeArchived: false, limit: 5, today: TODAY }).map((x) => x.id)).not.toContain(p!.id);
    expect(names('kone')).toEqual(['Koné']);
    const fts = db.prepare('SELECT count(*) AS n FROM patients_fts').get() as { n: number };
    const patients = db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number };
    expect(fts.n).toBe(patients.n);
  });

  it('hides archived patients unless asked, and shows them again once unarchived', () => {
    const [p] = searchPatients(db, 'boeuf', { includeArchived: false, limit: 5, today: TODAY });
    setPatientArchived(db, p!.id, NOW, NOW);
    expect(names('boeuf')).toEqual([]);
    expect(names('8')).toEqual([]);
    expect(names('14/05/1988')).toEqual(['Diallo']);
    expect(names('boeuf', true)).toEqual(['Bœuf']);
    expect(getPatient(db, p!.id)).toMatchObject({ archived: true });
    setPatientArchived(db, p!.id, null, NOW);
    expect(names('boeuf')).toEqual(['Bœuf']);
  });

  it('honours the limit', () => {
    expect(searchPatients(db, 'di', { includeArchived: false, limit: 1, today: TODAY })).toHaveLength(1);
  });
});

describe('search query plans (the statements searchPatients really runs)', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(join(tempDir(), 'feuillet.sqlite'), { migrationsDir: MIGRATIONS });
    // Enough rows that a full scan and an index seek differ; plans are checked without ANALYZE, as in the app.
    inTransaction(db, () => {
      for (let i = 0; i < 300; i++) {
        const body = `${1 + (i % 8)}${String(40 + (i % 60)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}75${String(100000 + i).slice(-6)}`;
        const p = insertPatient(db, patientData({ lastName: `Nom${i}`, firstName: 'Prénom', nir: nirOf(body), birthDate: `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}` }), NOW);
        if (i % 5 === 0) insertCoverage(db, { patientId: p.id, organismId: getAmeOrganism(db)!.id, startDate: '2026-01-01', endDate: '2026-12-31', contractCode: null }, NOW, TODAY);
      }
    });
  });
  afterAll(() => db.close());

  const plansOf = (query: string, includeArchived = false) =>
    capturePlans(db, () => searchPatients(db, query, { includeArchived, limit: 50, today: TODAY }));

  it.each([false, true])('a NIR prefix seeks patients_nir (archived included: %s)', (includeArchived) => {
    const { plans, result } = plansOf('1 40', includeArchived);
    expect(result.length).toBeGreaterThan(0);
    expect(plans[0]!.detail).toMatch(/SEARCH p USING COVERING INDEX patients_nir \(nir>\? AND nir<\?\)/);
    expect(plans[0]!.detail, 'NIR order: the range stops after the limit').not.toMatch(/TEMP B-TREE/);
  });

  it.each([false, true])('a birth date seeks patients_birth_date (archived included: %s)', (includeArchived) => {
    const { plans, result } = plansOf('10/01/1940', includeArchived);
    expect(result.length).toBeGreaterThan(0);
    expect(plans[0]!.detail).toMatch(/SEARCH p USING COVERING INDEX patients_birth_date \(birth_date=\?\)/);
  });

  it.each([false, true])('one name word walks the search keys in order, then the patient by rowid (archived included: %s)', (includeArchived) => {
    for (const short of ['n', 'no']) expect(plansOf(short, includeArchived).plans.some((p) => p.sql.includes('patients_fts')), short).toBe(false);
    const { plans, result } = plansOf('nom1', includeArchived);
    expect(result.length).toBeGreaterThan(0);
    const keys = plans.filter((p) => p.sql.includes('patient_search_keys'));
    expect(keys.length).toBeGreaterThan(0);
    for (const p of keys) {
      expect(p.detail, p.sql).toMatch(/SEARCH k USING PRIMARY KEY \(key=\?\)/);
      expect(p.detail, p.sql).not.toMatch(/TEMP B-TREE/);
      expect(p.detail, p.sql).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    }
  });

  it.each([false, true])('two distinct words of 3 letters or more read the pairs index, then the patient by rowid (archived included: %s)', (includeArchived) => {
    const { plans, result } = plansOf('prenom nom1', includeArchived);
    expect(result.length).toBeGreaterThan(0);
    const pairs = plans.filter((p) => p.sql.includes('patient_search_pairs'));
    expect(pairs.length).toBe(2);
    // Whole words: one entry; word starts: one key and the ranges of the two words.
    expect(pairs[0]!.detail).toMatch(/SEARCH s USING PRIMARY KEY \(p3a=\? AND p3b=\? AND term_a=\? AND term_b=\?\)/);
    expect(pairs[1]!.detail).toMatch(/SEARCH patient_search_pairs USING PRIMARY KEY \(p3a=\? AND p3b=\? AND term_a>\? AND term_a<\?\)/);
    for (const p of pairs) expect(p.detail).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
  });

  it('several words one starting the other: the words started are dropped, one key walked', () => {
    const { plans, result } = plansOf('nom nom1');
    expect(result.length).toBeGreaterThan(0);
    expect(plans.some((p) => p.sql.includes('patients_fts'))).toBe(false);
    expect(plans.filter((p) => p.sql.includes('patient_search_keys')).length).toBeGreaterThan(0);
  });

  it.each([false, true])('several words all under three letters go through the FTS index, then the patient by rowid (archived included: %s)', (includeArchived) => {
    const { plans, result } = plansOf('pr no', includeArchived);
    expect(result.length).toBeGreaterThan(0);
    // (Common words may walk patients_sort instead: search-walk.test.ts.) Few matches: the ids from the FTS
    // index, then the patients by rowid; with archived patients: the FTS join.
    const fts = plans.filter((p) => p.sql.includes('patients_fts'));
    expect(fts.length).toBeGreaterThan(0);
    for (const p of fts) expect(p.detail, p.sql).toMatch(/SCAN (f|patients_fts) VIRTUAL TABLE INDEX \d+:M/);
    const patients = plans.find((p) => /FROM patients p|JOIN patients p/.test(p.sql))!;
    expect(patients.detail).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(patients.detail).not.toMatch(/SCAN p(?! USING)/);
  });

  it('the plain list walks patients_sort (no sort step)', () => {
    const { plans } = plansOf('');
    expect(plans[0]!.detail).toMatch(/USING INDEX patients_sort/);
    expect(plans[0]!.detail).not.toMatch(/TEMP B-TREE/);
  });

  it('the AME badge of the results seeks coverages_patient', () => {
    const { plans } = plansOf('nom1');
    const coverage = plans.find((p) => p.sql.includes('FROM coverages'));
    expect(coverage?.detail).toMatch(/SEARCH c USING COVERING INDEX coverages_patient \(patient_id=\?\)/);
  });

  it('no search statement scans the whole patients table', () => {
    for (const q of ['', '1 40', '10/01/1940', 'nom', 'prenom nom2']) {
      for (const p of plansOf(q).plans) expect(p.detail, `${q}: ${p.sql}`).not.toMatch(/SCAN p(?! USING)/);
    }
  });

  it('explain() reads a plan for any statement', () => {
    expect(explain(db, 'SELECT * FROM patients WHERE nir = ?', '1')).toMatch(/patients_nir/);
    expect(explain(db, 'SELECT * FROM patients WHERE city = ?', 'Paris')).toMatch(/^SCAN patients/);
  });
});

describe('coverages and organisms repository', () => {
  let db: Db;
  let patientId: number;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'feuillet.sqlite'), { migrationsDir: MIGRATIONS });
    patientId = insertPatient(db, patientData(), NOW).id;
  });
  afterEach(() => db.close());

  it('seeds the AME organism 0075500017 and lists it first', () => {
    insertOrganism(db, { number: '0012345678', name: 'Aaa Mutuelle' }, NOW);
    expect(listOrganisms(db)[0]).toMatchObject({ number: '0075500017', name: 'AME', isAme: true });
    expect(getAmeOrganism(db)).toMatchObject({ number: '0075500017' });
    expect(findOrganismByNumber(db, '0012345678')).toMatchObject({ name: 'Aaa Mutuelle', isAme: false });
    expect(findOrganismByNumber(db, '0000000000')).toBeNull();
  });

  it('refuses a duplicate organism number and a wrong-length one', () => {
    expect(() => insertOrganism(db, { number: '0075500017', name: 'Doublon' }, NOW)).toThrow(/UNIQUE/);
    expect(() => insertOrganism(db, { number: '75500017', name: 'Court' }, NOW)).toThrow(/CHECK/);
  });

  it('adds, lists (most recent first) and updates coverages with their state on today', () => {
    const ame = getAmeOrganism(db)!.id;
    const old = insertCoverage(db, { patientId, organismId: ame, startDate: '2025-01-01', endDate: '2025-12-31', contractCode: null }, NOW, TODAY);
    const cur = insertCoverage(db, { patientId, organismId: ame, startDate: '2026-02-01', endDate: '2027-01-31', contractCode: '04' }, NOW, TODAY);
    expect(listCoverages(db, patientId, TODAY).map((c) => [c.id, c.state])).toEqual([
      [cur.id, 'en-cours'],
      [old.id, 'expiree'],
    ]);
    expect(cur).toMatchObject({ organism: { number: '0075500017', isAme: true }, contractCode: '04', createdAt: NOW });
    const updated = updateCoverage(db, { id: cur.id, startDate: '2026-02-01', endDate: '2026-12-31', contractCode: null }, TODAY);
    expect(updated).toMatchObject({ endDate: '2026-12-31', state: 'expire-bientot', contractCode: null });
  });

  it('refuses, in the database itself, an end before the start and an unknown patient or organism', () => {
    const ame = getAmeOrganism(db)!.id;
    expect(() => insertCoverage(db, { patientId, organismId: ame, startDate: '2026-06-01', endDate: '2026-05-31', contractCode: null }, NOW, TODAY)).toThrow(/CHECK/);
    expect(() => insertCoverage(db, { patientId: 999, organismId: ame, startDate: '2026-01-01', endDate: '2026-12-31', contractCode: null }, NOW, TODAY)).toThrow(/FOREIGN KEY/);
    expect(() => insertCoverage(db, { patientId, organismId: 999, startDate: '2026-01-01', endDate: '2026-12-31', contractCode: null }, NOW, TODAY)).toThrow(/FOREIGN KEY/);
    expect(listCoverages(db, patientId, TODAY)).toEqual([]);
  });
});

describe('all-or-nothing writes and the audit log (through dispatch)', () => {
  let t: TestBackend;
  beforeEach(() => {
    t = makeTestBackend();
  });
  afterEach(() => t.dispose());

  /** Makes the next audit insert fail, i.e. the LAST step of every write use case. */
  const breakAudit = () =>
    t.ctx.db.exec("CREATE TEMP TRIGGER break_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disque plein (simulé)'); END;");

  it('a patient create that fails at its last step leaves no row, no search entry, no audit entry', async () => {
    breakAudit();
    const r = await t.dispatch('patients/create', buildPatientInput({ lastName: 'Fantôme' }));
    expect(r.ok).toBe(false);
    expect(t.count('patients')).toBe(0);
    expect(t.count('patients_fts')).toBe(0);
    expect(t.count('audit_log')).toBe(0);
    t.ctx.db.exec('DROP TRIGGER temp.break_audit');
    expect(await t.call('patients/search', { query: 'fantome' })).toEqual([]);
  });

  it('a patient update that fails keeps the previous row and its search terms', async () => {
    const p = await t.call('patients/create', buildPatientInput({ lastName: 'Avant' }));
    breakAudit();
    const r = await t.dispatch('patients/update', { id: p.id, patient: buildPatientInput({ lastName: 'Après' }) });
    expect(r.ok).toBe(false);
    t.ctx.db.exec('DROP TRIGGER temp.break_audit');
    expect(await t.call('patients/get', { id: p.id })).toMatchObject({ lastName: 'Avant', updatedAt: p.updatedAt });
    expect((await t.call('patients/search', { query: 'avant' })).map((x) => x.id)).toEqual([p.id]);
    expect(await t.call('patients/search', { query: 'apres' })).toEqual([]);
    expect(t.count('audit_log')).toBe(1);
  });

  it('a coverage add that fails leaves no coverage', async () => {
    const p = await t.call('patients/create', buildPatientInput());
    breakAudit();
    const r = await t.dispatch('coverages/add', { patientId: p.id, organismId: 1, startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(r.ok).toBe(false);
    expect(t.count('coverages')).toBe(0);
  });

  it('records who changed what: before and after of each change, in order', async () => {
    const p = await t.call('patients/create', buildPatientInput({ lastName: 'Avant' }));
    await t.call('patients/update', { id: p.id, patient: buildPatientInput({ lastName: 'Après' }) });
    await t.call('patients/archive', { id: p.id });
    const audit = listAudit(t.ctx.db, 'patient', p.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'archive']);
    expect(audit[0]).toMatchObject({ before: null, after: { lastName: 'Avant' }, at: '2026-11-25T09:00:00.000Z' });
    expect(audit[1]).toMatchObject({ before: { lastName: 'Avant' }, after: { lastName: 'Après' } });
    expect(audit[2]).toMatchObject({ before: { archived: false }, after: { archived: true } });
    const cov = await t.call('coverages/add', { patientId: p.id, organismId: 1, startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(listAudit(t.ctx.db, 'coverage', cov.id).map((a) => a.action)).toEqual(['create']);
  });

  it('keeps the audit log append-only: no UPDATE, no DELETE, even inside a transaction', async () => {
    await t.call('patients/create', buildPatientInput());
    const db = t.ctx.db;
    expect(() => db.prepare("UPDATE audit_log SET action = 'effacé'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => inTransaction(db, () => db.prepare('DELETE FROM audit_log WHERE id = 1').run())).toThrow(/append-only/);
    expect(t.count('audit_log')).toBe(1);
    expect(listAudit(db, 'patient', 1)[0]!.action).toBe('create');
  });
});
