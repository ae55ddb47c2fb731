/**
 * Name search on a common prefix walks the alphabetical index instead of sorting every match: the
 * answer must be exactly the one of the full join (same patients, same order), for common and rare
 * words, several limits, with archived patients around.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PatientInput } from '../../../core/api/schemas/patients.ts';
import { computeNirKey } from '../../../core/domain/nir.ts';
import { parsePatientQuery } from '../../../core/domain/search.ts';
import { inTransaction } from '../../../db/connection.ts';
import { insertPatient, setPatientArchived, type PatientData } from '../../../db/patients-repo.ts';
import { FEW_MATCHES, PATIENT_WORDS_WALK_SQL, patientSearchSql, searchPatients, WALK_ABOVE } from '../../../db/patient-search.ts';
import { makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';
import { explain } from './explain.ts';

let t: TestBackend;
const NOW = '2026-11-25T09:00:00.000Z';
const LAST = ['Martin', 'Marchand', 'Masson', 'Mathieu', 'Diallo', 'Dupont', 'Zerrouki', 'Le Gall', 'Lemaire', "N'Diaye"];
const FIRST = ['Marie', 'Mamadou', 'Awa', 'Jean', 'Léa'];

beforeAll(() => {
  t = makeTestBackend();
  inTransaction(t.ctx.db, () => {
    for (let i = 0; i < 6000; i++) {
      const body = `1${String(80_000_000_000 + i * 7).padStart(12, '0')}`;
      const data = PatientInput.parse({ lastName: LAST[(i * 7) % LAST.length]!, firstName: FIRST[(i * 3) % FIRST.length]!, birthDate: '1980-01-01', sex: 'M', nir: body + computeNirKey(body) }) as PatientData;
      const { id } = insertPatient(t.ctx.db, data, NOW);
      if (i % 13 === 0) setPatientArchived(t.ctx.db, id, NOW, NOW);
    }
  });
}, 60_000);
afterAll(() => t.dispose());

/** The plain plan (join every match, sort), as reference. */
function reference(query: string, limit: number) {
  const q = parsePatientQuery(query);
  if (q.kind !== 'words') throw new Error('words expected');
  const fts = q.words.map((w) => `"${w}"*`).join(' AND ');
  return (t.ctx.db.prepare(patientSearchSql('words', false)).all(fts, limit) as { id: number }[]).map((r) => r.id);
}

describe('name search on a common prefix', () => {
  it('gives exactly the rows and order of the full join, for common and rare words', () => {
    for (const query of ['ma', 'mar', 'm', 'ma ma', 'mar marie', 'le', 'di', 'zer', 'zerrouki jean', 'n diaye', 'xyz']) {
      for (const limit of [1, 50, 200]) {
        const ids = searchPatients(t.ctx.db, query, { includeArchived: false, limit, today: '2026-11-25' }).map((p) => p.id);
        expect([query, limit, ids]).toEqual([query, limit, reference(query, limit)]);
      }
    }
  });

  it('is used only above the threshold, and walks the alphabetical index', () => {
    const count = (w: string) => (t.ctx.db.prepare('SELECT count(*) AS n FROM patients_fts WHERE patients_fts MATCH ?').get(`"${w}"*`) as { n: number }).n;
    expect(count('ma')).toBeGreaterThan(WALK_ABOVE);
    expect(count('zer')).toBeLessThan(WALK_ABOVE);
    const plan = explain(t.ctx.db, PATIENT_WORDS_WALK_SQL, '"ma"*', 50);
    expect(plan).toMatch(/patients_sort/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('few matches (a first name and a name): whole words first, then word starts, as two full joins give', () => {
    const join = (fts: string, limit: number) => (t.ctx.db.prepare(patientSearchSql('words', false)).all(fts, limit) as { id: number }[]).map((r) => r.id);
    for (const query of ['zerrouki jean', 'zer jea', 'n diaye lea', 'diallo awa', 'le gall marie', 'lemaire', 'dup', 'xyz']) {
      const q = parsePatientQuery(query);
      if (q.kind !== 'words') throw new Error('words expected');
      for (const limit of [1, 5, 50]) {
        const exact = join(q.words.map((w) => `"${w}"`).join(' AND '), limit);
        const expected = [...new Set([...exact, ...join(q.words.map((w) => `"${w}"*`).join(' AND '), limit)])].slice(0, limit);
        const ids = searchPatients(t.ctx.db, query, { includeArchived: false, limit, today: '2026-11-25' }).map((p) => p.id);
        expect([query, limit, ids]).toEqual([query, limit, expected]);
      }
    }
    const count = (fts: string) => (t.ctx.db.prepare('SELECT count(*) AS n FROM patients_fts WHERE patients_fts MATCH ?').get(fts) as { n: number }).n;
    expect(count('"zerrouki"* AND "jean"*')).toBeLessThanOrEqual(FEW_MATCHES);
    expect(count('"lemaire"*')).toBeGreaterThan(FEW_MATCHES);
  });

  it('archived patients are found when asked for, through the usual plan', () => {
    const all = searchPatients(t.ctx.db, 'ma', { includeArchived: true, limit: 200, today: '2026-11-25' });
    expect(all.some((p) => p.archived)).toBe(true);
  });
});
