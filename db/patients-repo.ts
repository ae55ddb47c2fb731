/** Patients: their rows (create, update, archive, read) and the search keys written with them (see patient-search.ts). */
import type { Patient } from '../core/domain/types.ts';
import { foldText, indexTermsForName, searchKeysForTerms, searchPairsForTerms } from '../core/domain/search.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

/** SQL for a patient's name in lists (alias `p` for patients): usage (else birth) name, then first name. */
export const PATIENT_NAME_SQL = "coalesce(p.usage_name, p.last_name) || ' ' || p.first_name";

/** The patient fields a caller writes (the parsed PatientInput). */
export type PatientData = Omit<Patient, 'id' | 'archived' | 'createdAt' | 'updatedAt'>;

interface PatientRow {
  id: number;
  last_name: string;
  usage_name: string | null;
  first_name: string;
  birth_date: string;
  sex: 'F' | 'M';
  nir: string;
  birth_rank: number;
  regime: string | null;
  caisse: string | null;
  centre: string | null;
  quality: 'assure' | 'ayant_droit';
  insured_last_name: string | null;
  insured_first_name: string | null;
  insured_nir: string | null;
  insured_birth_date: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  notes: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const toPatient = (r: PatientRow): Patient => ({
  id: r.id,
  lastName: r.last_name,
  usageName: r.usage_name,
  firstName: r.first_name,
  birthDate: r.birth_date,
  sex: r.sex,
  nir: r.nir,
  birthRank: r.birth_rank,
  regime: r.regime,
  caisse: r.caisse,
  centre: r.centre,
  quality: r.quality,
  insuredLastName: r.insured_last_name,
  insuredFirstName: r.insured_first_name,
  insuredNir: r.insured_nir,
  insuredBirthDate: r.insured_birth_date,
  addressLine: r.address_line,
  postalCode: r.postal_code,
  city: r.city,
  phone: r.phone,
  notes: r.notes,
  archived: r.archived_at !== null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const sortKey = (p: PatientData): string => foldText(`${p.usageName ?? p.lastName} ${p.lastName} ${p.firstName}`);

/** The folded name terms a patient is found by (FTS content and search keys). */
const patientTerms = (p: PatientData): string[] => [...new Set([p.lastName, p.usageName ?? '', p.firstName].flatMap(indexTermsForName))];
const ftsTerms = (p: PatientData): string => patientTerms(p).join(' ');

/** Writes a patient's search keys (see 0007-search-keys.sql). */
function insertSearchKeys(db: Db, id: number, sortKey: string, terms: readonly string[]): void {
  const insert = cached(db, 'INSERT OR IGNORE INTO patient_search_keys (key, sort_key, patient_id) VALUES (?, ?, ?)');
  for (const key of searchKeysForTerms(terms)) insert.run(key, sortKey, id);
  const pair = cached(db, 'INSERT OR IGNORE INTO patient_search_pairs (p3a, p3b, term_a, term_b, patient_id) VALUES (?, ?, ?, ?, ?)');
  for (const p of searchPairsForTerms(terms)) pair.run(p.p3a, p.p3b, p.termA, p.termB, id);
}

/** Removes a patient's search keys, found from its stored sort key and FTS terms (no index on patient_id needed). */
function deleteSearchKeys(db: Db, id: number): void {
  const old = cached(db, 'SELECT p.sort_key AS sortKey, f.terms FROM patients p JOIN patients_fts f ON f.rowid = p.id WHERE p.id = ?').get(id) as
    | { sortKey: string; terms: string | null }
    | undefined;
  if (!old) return;
  const terms = (old.terms ?? '').split(' ');
  const remove = cached(db, 'DELETE FROM patient_search_keys WHERE key = ? AND sort_key = ? AND patient_id = ?');
  for (const key of searchKeysForTerms(terms)) remove.run(key, old.sortKey, id);
  const removePair = cached(db, 'DELETE FROM patient_search_pairs WHERE p3a = ? AND p3b = ? AND term_a = ? AND term_b = ? AND patient_id = ?');
  for (const p of searchPairsForTerms(terms)) removePair.run(p.p3a, p.p3b, p.termA, p.termB, id);
}

const params = (p: PatientData) => ({
  last_name: p.lastName,
  usage_name: p.usageName,
  first_name: p.firstName,
  birth_date: p.birthDate,
  sex: p.sex,
  nir: p.nir,
  birth_rank: p.birthRank,
  regime: p.regime,
  caisse: p.caisse,
  centre: p.centre,
  quality: p.quality,
  insured_last_name: p.insuredLastName,
  insured_first_name: p.insuredFirstName,
  insured_nir: p.insuredNir,
  insured_birth_date: p.insuredBirthDate,
  address_line: p.addressLine,
  postal_code: p.postalCode,
  city: p.city,
  phone: p.phone,
  notes: p.notes,
  sort_key: sortKey(p),
});

/** Inserts a patient and its search terms. Caller wraps it in a transaction. */
export function insertPatient(db: Db, p: PatientData, now: string): Patient {
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO patients (last_name, usage_name, first_name, birth_date, sex, nir, birth_rank, regime, caisse, centre,
        quality, insured_last_name, insured_first_name, insured_nir, insured_birth_date, address_line, postal_code, city,
        phone, notes, sort_key, created_at, updated_at)
       VALUES (@last_name, @usage_name, @first_name, @birth_date, @sex, @nir, @birth_rank, @regime, @caisse, @centre,
        @quality, @insured_last_name, @insured_first_name, @insured_nir, @insured_birth_date, @address_line, @postal_code,
        @city, @phone, @notes, @sort_key, @now, @now)`,
  ).run({ ...params(p), now });
  const id = Number(lastInsertRowid);
  cached(db, 'INSERT INTO patients_fts (rowid, terms) VALUES (?, ?)').run(id, ftsTerms(p));
  insertSearchKeys(db, id, sortKey(p), patientTerms(p));
  return getPatient(db, id)!;
}

export function updatePatient(db: Db, id: number, p: PatientData, now: string): Patient {
  deleteSearchKeys(db, id);
  cached(db, 
    `UPDATE patients SET last_name=@last_name, usage_name=@usage_name, first_name=@first_name, birth_date=@birth_date,
      sex=@sex, nir=@nir, birth_rank=@birth_rank, regime=@regime, caisse=@caisse, centre=@centre, quality=@quality,
      insured_last_name=@insured_last_name, insured_first_name=@insured_first_name, insured_nir=@insured_nir,
      insured_birth_date=@insured_birth_date, address_line=@address_line, postal_code=@postal_code, city=@city,
      phone=@phone, notes=@notes, sort_key=@sort_key, updated_at=@now WHERE id=@id`,
  ).run({ ...params(p), now, id });
  cached(db, 'DELETE FROM patients_fts WHERE rowid = ?').run(id);
  cached(db, 'INSERT INTO patients_fts (rowid, terms) VALUES (?, ?)').run(id, ftsTerms(p));
  insertSearchKeys(db, id, sortKey(p), patientTerms(p));
  return getPatient(db, id)!;
}

export function setPatientArchived(db: Db, id: number, archivedAt: string | null, now: string): void {
  cached(db, 'UPDATE patients SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, now, id);
}

export function getPatient(db: Db, id: number): Patient | null {
  const row = cached(db, 'SELECT * FROM patients WHERE id = ?').get(id) as PatientRow | undefined;
  return row ? toPatient(row) : null;
}

export function patientHasInvoices(db: Db, patientId: number): boolean {
  return cached(db, 'SELECT 1 FROM invoices WHERE patient_id = ? LIMIT 1').get(patientId) !== undefined;
}
