/**
 * The search keys (db/migrations/0007-search-keys.sql) answer a one-word search by walking `limit` index
 * entries. They must stay exactly in step with the patients through creates, edits (name, usage name,
 * first name) and archiving, the migration's SQL rebuild must give the same keys as the repository, and
 * the answer must be the one of the FTS reference: whole words first, then word starts, alphabetical.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PatientInput } from '../../../core/api/schemas/patients.ts';
import { computeNirKey } from '../../../core/domain/nir.ts';
import { pairsOfWords, searchKeysForTerms, searchPairsForTerms, searchWords } from '../../../core/domain/search.ts';
import { inTransaction, openDatabase } from '../../../db/connection.ts';
import { insertPatient, setPatientArchived, updatePatient, type PatientData } from '../../../db/patients-repo.ts';
import { searchPatients } from '../../../db/patient-search.ts';
import { makeTestBackend, ROOT, type TestBackend } from '../../helpers/test-backend.ts';
import { MIGRATIONS, migrationsBefore } from '../../helpers/migrations-before.ts';

const NOW = '2026-11-25T09:00:00.000Z';
const LAST = ['Martin', 'Martinez', 'Marchand', 'Masson', 'Mathieu', 'Diallo', 'Dupont', 'Zerrouki', 'Le Gall', 'Le Gall-Martin', "N'Diaye", 'Lefèvre', 'Bœuf', 'Ba', 'Marie'];
const FIRST = ['Marie', 'Mamadou', 'Awa', 'Jean', 'Léa', 'Jean-Marie', 'Ève', 'Martin'];
const USAGE = [null, null, null, 'Martin', 'Dupont-Diallo', 'Le Goff'];

let t: TestBackend;
let serial = 0;
function data(last: string, first: string, usage: string | null): PatientData {
  const body = `1${String(80_000_000_000 + serial++ * 7).padStart(12, '0')}`;
  return PatientInput.parse({ lastName: last, usageName: usage, firstName: first, birthDate: '1980-01-01', sex: 'M', nir: body + computeNirKey(body) }) as PatientData;
}

/** The keys table, sorted, as text lines. */
const keysNow = (db = t.ctx.db) =>
  (db.prepare('SELECT key, sort_key, patient_id FROM patient_search_keys ORDER BY 1, 2, 3').all() as { key: string; sort_key: string; patient_id: number }[]).map(
    (r) => `${r.key}|${r.sort_key}|${r.patient_id}`,
  );

/** The pairs table, sorted, as text lines. */
const pairsNow = (table = 'patient_search_pairs') =>
  (t.ctx.db.prepare(`SELECT p3a, p3b, term_a, term_b, patient_id FROM ${table} ORDER BY 1, 2, 3, 4, 5`).raw().all() as unknown[][]).map((r) => r.join('|'));

/** Runs the migration's INSERT … SELECT of `table` into a temp copy of it: what the upgrade builds from the FTS content. */
function rebuiltByMigration(table: 'patient_search_keys' | 'patient_search_pairs'): void {
  const sql = readFileSync(join(ROOT, 'db', 'migrations', '0007-search-keys.sql'), 'utf8');
  const create = sql.slice(sql.indexOf(`CREATE TABLE ${table}`));
  const insert = sql.slice(sql.indexOf(`INSERT OR IGNORE INTO ${table}`));
  const statement = (text: string) => text.slice(0, text.indexOf(';') + 1);
  const db = t.ctx.db;
  db.exec(`DROP TABLE IF EXISTS temp.rebuilt`);
  db.exec(statement(create).replace(`CREATE TABLE ${table}`, 'CREATE TEMP TABLE rebuilt'));
  db.exec(statement(insert).replace(`INTO ${table}`, 'INTO temp.rebuilt'));
}
function keysRebuiltByMigration(): string[] {
  rebuiltByMigration('patient_search_keys');
  return (t.ctx.db.prepare('SELECT key, sort_key, patient_id FROM temp.rebuilt ORDER BY 1, 2, 3').all() as { key: string; sort_key: string; patient_id: number }[]).map(
    (r) => `${r.key}|${r.sort_key}|${r.patient_id}`,
  );
}
function pairsRebuiltByMigration(): string[] {
  rebuiltByMigration('patient_search_pairs');
  return pairsNow('temp.rebuilt');
}

/** Reference answer from the FTS index: whole words, then word starts, each alphabetical (sort key, then id). */
function reference(query: string, limit: number, includeArchived: boolean): number[] {
  const words = searchWords(query);
  const db = t.ctx.db;
  const ids = (match: string) =>
    (db
      .prepare(`SELECT p.id FROM patients_fts f JOIN patients p ON p.id = f.rowid WHERE patients_fts MATCH ? ${includeArchived ? '' : 'AND p.archived_at IS NULL'} ORDER BY p.sort_key, p.id`)
      .pluck()
      .all(match) as number[]);
  return [...new Set([...ids(words.map((w) => `"${w}"`).join(' AND ')), ...ids(words.map((w) => `"${w}"*`).join(' AND '))])].slice(0, limit);
}

beforeAll(() => {
  t = makeTestBackend();
  inTransaction(t.ctx.db, () => {
    for (let i = 0; i < 400; i++) {
      const { id } = insertPatient(t.ctx.db, data(LAST[i % LAST.length]!, FIRST[(i * 3) % FIRST.length]!, USAGE[(i * 5) % USAGE.length]!), NOW);
      if (i % 11 === 0) setPatientArchived(t.ctx.db, id, NOW, NOW);
    }
  });
});
afterAll(() => t.dispose());

describe('search keys', () => {
  it('are every start of every term and the whole terms, each once', () => {
    expect(searchKeysForTerms(['le', 'gall', 'legall', 'le']).sort()).toEqual(
      ['=gall', '=le', '=legall', 'g', 'ga', 'gal', 'gall', 'l', 'le', 'leg', 'lega', 'legal', 'legall'].sort(),
    );
    expect(searchKeysForTerms([''])).toEqual([]);
  });

  it('the migration rebuilds exactly the keys the repository wrote', () => {
    const now = keysNow();
    expect(now.length).toBeGreaterThan(400 * 10);
    expect(keysRebuiltByMigration()).toEqual(now);
    const pairs = pairsNow();
    expect(pairs.length).toBeGreaterThan(400 * 2);
    expect(pairsRebuiltByMigration()).toEqual(pairs);
  });

  it('one word finds what the FTS index finds, whole words first, alphabetical, archived as asked', () => {
    const words = ['m', 'ma', 'mar', 'mart', 'martin', 'martine', 'marie', 'le', 'legall', 'gall', 'ndiaye', 'diaye', 'n', 'boeuf', 'lefevre', 'ba', 'eve', 'jean', 'xyz', 'z'];
    for (const word of words) {
      for (const limit of [1, 7, 50, 500]) {
        for (const includeArchived of [false, true]) {
          const ids = searchPatients(t.ctx.db, word, { includeArchived, limit, today: '2026-11-25' }).map((p) => p.id);
          expect([word, limit, includeArchived, ids]).toEqual([word, limit, includeArchived, reference(word, limit, includeArchived)]);
        }
      }
    }
  });

  it('several words find what the FTS index finds, whole words first, alphabetical, archived as asked', () => {
    const queries = ['m ma', 'ma m', 'le l', 'le ba', 'ba le lea', 'lea le', 'le lea', 'ion ionescu', 'jean jeanne', 'marie mar m', 'martin j', 'martin m', 'marie m', 'jean ma', 'le g', 'gall l', 'ba l', 'l ba', 'lea ba', 'ba lea', 'mar marie', 'marie marie', 'noe noel', 'jean marie martin', 'marie jean martin', 'jean-marie martinez', 'martin martin jean', 'jean jean martin', 'jean martin', 'martin jean', 'mar jea', 'marie martin', 'martin marie', 'martinez marie', 'jean marie martin', 'gall martin', 'le gall martin',
      'legall marie', 'ndiaye awa', 'diaye awa', 'dupont diallo', 'diallo dupont lea', 'eve marchand', 'lea zzz', 'zer jea', 'mas mam', 'lef eve', 'boe jea'];
    for (const query of queries) {
      for (const limit of [1, 7, 50, 500]) {
        for (const includeArchived of [false, true]) {
          const ids = searchPatients(t.ctx.db, query, { includeArchived, limit, today: '2026-11-25' }).map((p) => p.id);
          expect([query, limit, includeArchived, ids]).toEqual([query, limit, includeArchived, reference(query, limit, includeArchived)]);
        }
      }
    }
    // Most of those go through the pairs index (the others through the FTS index, as before).
    expect(queries.filter((q) => pairsOfWords(searchWords(q)).length > 0).length).toBeGreaterThanOrEqual(25);
  });

  it('pairs are the ordered pairs of different terms under their first three letters', () => {
    expect(searchPairsForTerms(['le', 'gall', 'le'])).toEqual([
      { p3a: 'le', p3b: 'gal', termA: 'le', termB: 'gall' },
      { p3a: 'gal', p3b: 'le', termA: 'gall', termB: 'le' },
    ]);
    // Pairs of terms one starting the other are kept: they serve whole words (« léa lê »).
    expect(searchPairsForTerms(['lea', 'le']).map((p) => `${p.termA}+${p.termB}`)).toEqual(['lea+le', 'le+lea']);
    expect(pairsOfWords(['le', 'ba'])).toEqual([]);
    expect(pairsOfWords(['jean', 'm', 'pierre'])).toEqual([['pierre', 'jean'], ['pierre', 'm'], ['jean', 'm']]);
    expect(pairsOfWords(['mar', 'martin'])).toEqual([]);
    expect(pairsOfWords(['martin', 'm'])).toEqual([]);
    expect(pairsOfWords(['le', 'gall'])).toEqual([['gall', 'le']]);
    expect(pairsOfWords(['noel', 'noemie'])).toEqual([['noemie', 'noel']]);
    expect(pairsOfWords(['jean', 'le', 'martin'])).toEqual([['martin', 'jean'], ['martin', 'le'], ['jean', 'le']]);
    expect(pairsOfWords(['jean', 'pierre', 'roy', 'jean'])).toEqual([['pierre', 'jean'], ['pierre', 'roy'], ['jean', 'roy']]);
  });

  it('stay in step through random creates, renames and archiving (property)', () => {
    const name = (list: readonly (string | null)[]) => fc.constantFrom(...list);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), last: name(LAST), first: name(FIRST), usage: name(USAGE) }),
      fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), last: name(LAST), first: name(FIRST), usage: name(USAGE) }),
      fc.record({ kind: fc.constant('archive' as const), pick: fc.nat(), archived: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 15 }), fc.constantFrom('ma', 'martin', 'le', 'd', 'jean', 'marie', 'jean martin', 'mar jea', 'le gall marie', 'martin marie', 'martin j', 'ba l', 'marie m'), (ops, word) => {
        const db = t.ctx.db;
        const ids = db.prepare('SELECT id FROM patients ORDER BY id').pluck().all() as number[];
        inTransaction(db, () => {
          for (const o of ops) {
            if (o.kind === 'create') ids.push(insertPatient(db, data(o.last!, o.first!, o.usage), NOW).id);
            else if (o.kind === 'update') updatePatient(db, ids[o.pick % ids.length]!, data(o.last!, o.first!, o.usage), NOW);
            else setPatientArchived(db, ids[o.pick % ids.length]!, o.archived ? NOW : null, NOW);
          }
        });
        expect(keysRebuiltByMigration()).toEqual(keysNow());
        expect(pairsRebuiltByMigration()).toEqual(pairsNow());
        for (const includeArchived of [false, true]) {
          const found = searchPatients(db, word, { includeArchived, limit: 20, today: '2026-11-25' }).map((p) => p.id);
          expect(found).toEqual(reference(word, 20, includeArchived));
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it('a failed update leaves the keys as they were (same transaction as the patient row)', () => {
    const before = keysNow();
    const [id] = t.ctx.db.prepare('SELECT id FROM patients LIMIT 1').pluck().all() as number[];
    expect(() =>
      inTransaction(t.ctx.db, () => {
        updatePatient(t.ctx.db, id!, data('Zzzyx', 'Quentin', null), NOW);
        throw new Error('fails after the write');
      }),
    ).toThrow('fails after the write');
    expect(keysNow()).toEqual(before);
  });
});

it('a file from before the search keys gets them at the upgrade, and one-word search finds its patients', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-search-keys-'));
  try {
    const before = migrationsBefore(dir, '-search-keys.sql');
    const file = join(dir, 'feuillet.sqlite');
    const old = openDatabase(file, { migrationsDir: before });
    // As the repository wrote patients then: the row and its FTS terms.
    const write = (last: string, first: string, sortKey: string, terms: string) => {
      const id = Number(
        old
          .prepare(`INSERT INTO patients (last_name, first_name, birth_date, sex, nir, birth_rank, quality, sort_key, created_at, updated_at)
                    VALUES (?, ?, '1980-01-01', 'F', ?, 1, 'assure', ?, ?, ?)`)
          .run(last, first, `2800175${String(100000 + serial++).slice(-6)}00`, sortKey, NOW, NOW).lastInsertRowid,
      );
      old.prepare('INSERT INTO patients_fts (rowid, terms) VALUES (?, ?)').run(id, terms);
      return id;
    };
    const diaye = write("N'Diaye", 'Awa', "n'diaye n'diaye awa", 'n diaye ndiaye awa');
    const martin = write('Martin', 'Léa', 'martin martin lea', 'martin lea');
    old.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS });
    try {
      const find = (q: string) => searchPatients(db, q, { includeArchived: false, limit: 50, today: '2026-11-25' }).map((p) => p.id);
      expect(find('ndia')).toEqual([diaye]);
      expect(find('diaye')).toEqual([diaye]);
      expect(find('l')).toEqual([martin]);
      expect(find('a')).toEqual([diaye]);
      expect(db.prepare("SELECT count(*) FROM patient_search_keys WHERE key = '=martin'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
