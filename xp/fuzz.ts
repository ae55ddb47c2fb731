// Differential fuzz: searchPatients (keys/pairs paths) vs the FTS reference, adversarial names and queries.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, inTransaction } from '/work/wt/search/db/connection.ts';
import { insertPatient, updatePatient, setPatientArchived, searchPatients, type PatientData } from '/work/wt/search/db/patients-repo.ts';
import { searchWords, parsePatientQuery } from '/work/wt/search/core/domain/search.ts';
import { computeNirKey } from '/work/wt/search/core/domain/nir.ts';

const ROOT = '/work/wt/search';
let seed = Number(process.env.SEED ?? 1);
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
const TOK = ['a', 'ab', 'abc', 'abcd', 'ma', 'mar', 'Mart', 'Martin', 'MARTINE', 'Marie', 'Jean', 'jeanne', 'le', 'Gall', 'o', 'oe', 'Œuf', 'Bœuf', 'Æla', 'Élo', 'eloi', '1', '12', 'x2', 'Dupont', 'dup', 'N', 'Diaye', 'ba', 'bab', 'babar'];
const SEP = [' ', '-', "'", '’', '  ', ' - '];
function name(): string {
  const n = 1 + Math.floor(rnd() * 3);
  let s = pick(TOK);
  for (let i = 1; i < n; i++) s += pick(SEP) + pick(TOK);
  return s;
}
let serial = 0;
function data(): PatientData {
  const body = `1${String(80_000_000_000 + serial++ * 7).padStart(12, '0')}`;
  const last = name();
  const r = rnd();
  const usage = r < 0.5 ? null : r < 0.7 ? last : name();
  return { lastName: last, usageName: usage, firstName: rnd() < 0.1 ? last : name(), birthDate: '1980-01-01', sex: 'M', nir: body + computeNirKey(body), birthRank: 1, regime: null, caisse: null, centre: null, quality: 'assure', insuredLastName: null, insuredFirstName: null, insuredNir: null, insuredBirthDate: null, addressLine: null, postalCode: null, city: null, phone: null, notes: null } as PatientData;
}
const dir = mkdtempSync(join(tmpdir(), 'fz-'));
const db = openDatabase(join(dir, 'f.sqlite'), { migrationsDir: join(ROOT, 'db', 'migrations') });
function reference(query: string, limit: number, includeArchived: boolean): number[] {
  const words = searchWords(query);
  const ids = (match: string) => db.prepare(`SELECT p.id FROM patients_fts f JOIN patients p ON p.id = f.rowid WHERE patients_fts MATCH ? ${includeArchived ? '' : 'AND p.archived_at IS NULL'} ORDER BY p.sort_key, p.id`).pluck().all(match) as number[];
  return [...new Set([...ids(words.map((w) => `"${w}"`).join(' AND ')), ...ids(words.map((w) => `"${w}"*`).join(' AND '))])].slice(0, limit);
}
const sql = readFileSync(join(ROOT, 'db', 'migrations', '0007-search-keys.sql'), 'utf8');
function rebuilt(table: string, cols: string): string[] {
  const create = sql.slice(sql.indexOf(`CREATE TABLE ${table}`)); const insert = sql.slice(sql.indexOf(`INSERT OR IGNORE INTO ${table}`));
  const st = (t: string) => t.slice(0, t.indexOf(';') + 1);
  db.exec('DROP TABLE IF EXISTS temp.rebuilt');
  db.exec(st(create).replace(`CREATE TABLE ${table}`, 'CREATE TEMP TABLE rebuilt'));
  db.exec(st(insert).replace(`INTO ${table}`, 'INTO temp.rebuilt'));
  return (db.prepare(`SELECT ${cols} FROM temp.rebuilt ORDER BY ${cols}`).raw().all() as unknown[][]).map((r) => r.join('|'));
}
const now = (table: string, cols: string) => (db.prepare(`SELECT ${cols} FROM ${table} ORDER BY ${cols}`).raw().all() as unknown[][]).map((r) => r.join('|'));
const NOW = '2026-11-25T09:00:00.000Z';
const ids: number[] = [];
inTransaction(db, () => { for (let i = 0; i < 250; i++) ids.push(insertPatient(db, data(), NOW).id); });
let failures = 0, checks = 0;
const qtoks = ['a', 'ab', 'abc', 'abcd', 'm', 'ma', 'mar', 'mart', 'martin', 'martine', 'marie', 'j', 'je', 'jea', 'jean', 'jeanne', 'le', 'l', 'g', 'gall', 'legall', 'o', 'oe', 'oeuf', 'boeuf', 'b', 'ba', 'bab', 'babar', 'ael', 'aela', 'elo', 'eloi', '1', '12', 'x', 'x2', 'dup', 'dupont', 'n', 'diaye', 'ndiaye', 'martinf', 'marti', 'jaen', 'dupnot', 'babr'];
for (let round = 0; round < 40; round++) {
  try {
    inTransaction(db, () => {
      for (let k = 0; k < 10; k++) {
        const r = rnd(); const id = pick(ids);
        if (r < 0.3) ids.push(insertPatient(db, data(), NOW).id);
        else if (r < 0.7) { updatePatient(db, id, data(), NOW); if (rnd() < 0.3) updatePatient(db, id, data(), NOW); }
        else setPatientArchived(db, id, rnd() < 0.5 ? NOW : null, NOW);
      }
      if (rnd() < 0.2) throw new Error('rollback');
    });
  } catch (e) { if ((e as Error).message !== 'rollback') throw e; ids.length = 0; ids.push(...(db.prepare('SELECT id FROM patients').pluck().all() as number[])); }
  const kr = rebuilt('patient_search_keys', 'key, sort_key, patient_id'), kn = now('patient_search_keys', 'key, sort_key, patient_id');
  if (kr.join('\n') !== kn.join('\n')) { failures++; console.log('KEYS DIFFER round', round); }
  const pr = rebuilt('patient_search_pairs', 'p3a, p3b, term_a, term_b, patient_id'), pn = now('patient_search_pairs', 'p3a, p3b, term_a, term_b, patient_id');
  if (pr.join('\n') !== pn.join('\n')) { failures++; console.log('PAIRS DIFFER round', round); }
  for (let q = 0; q < 150; q++) {
    const n = 1 + Math.floor(rnd() * 4);
    const words = Array.from({ length: n }, () => { let w = pick(qtoks); if (rnd() < 0.2) w = w.toUpperCase(); if (rnd() < 0.1) w = w.replace('e', 'é'); return w; });
    const query = words.join(rnd() < 0.2 ? '  ' : ' ');
    if (parsePatientQuery(query).kind !== 'words') continue;
    for (const limit of [1, 3, 50]) for (const inc of [false, true]) {
      checks++;
      const ref = reference(query, limit, inc);
      if (ref.length === 0) continue; // fuzzy fallback: shared code
      const got = searchPatients(db, query, { includeArchived: inc, limit, today: '2026-11-25' }).map((p) => p.id);
      if (got.join(',') !== ref.join(',')) { failures++; if (failures < 15) console.log('DIFF', JSON.stringify(query), limit, inc, 'got', got, 'ref', ref); }
    }
  }
}
console.log('checks', checks, 'failures', failures);
db.close(); rmSync(dir, { recursive: true, force: true });
