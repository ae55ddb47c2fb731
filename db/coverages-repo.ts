import type { Coverage, Organism } from '../core/domain/types.ts';
import { coverageState } from '../core/domain/coverage.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

interface OrganismRow {
  id: number;
  number: string;
  name: string;
  is_ame: number;
}

const toOrganism = (r: OrganismRow): Organism => ({ id: r.id, number: r.number, name: r.name, isAme: r.is_ame === 1 });

export function listOrganisms(db: Db): Organism[] {
  return (cached(db, 'SELECT id, number, name, is_ame FROM organisms ORDER BY is_ame DESC, name').all() as OrganismRow[]).map(toOrganism);
}

export function getOrganism(db: Db, id: number): Organism | null {
  const row = cached(db, 'SELECT id, number, name, is_ame FROM organisms WHERE id = ?').get(id) as OrganismRow | undefined;
  return row ? toOrganism(row) : null;
}

export function findOrganismByNumber(db: Db, number: string): Organism | null {
  const row = cached(db, 'SELECT id, number, name, is_ame FROM organisms WHERE number = ?').get(number) as OrganismRow | undefined;
  return row ? toOrganism(row) : null;
}

/** The AME organism of the catalogue (seeded 0075500017). */
export function getAmeOrganism(db: Db): Organism | null {
  const row = cached(db, 'SELECT id, number, name, is_ame FROM organisms WHERE is_ame = 1 ORDER BY id LIMIT 1').get() as OrganismRow | undefined;
  return row ? toOrganism(row) : null;
}

export function insertOrganism(db: Db, o: { number: string; name: string }, now: string): Organism {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO organisms (number, name, is_ame, created_at) VALUES (?, ?, 0, ?)')
    .run(o.number, o.name, now);
  return getOrganism(db, Number(lastInsertRowid))!;
}

interface CoverageRow extends OrganismRow {
  coverage_id: number;
  patient_id: number;
  start_date: string;
  end_date: string;
  contract_code: string | null;
  attestation_number: string | null;
  created_at: string;
}

const COVERAGE_SELECT = `SELECT c.id AS coverage_id, c.patient_id, c.start_date, c.end_date, c.contract_code, c.attestation_number, c.created_at,
  o.id, o.number, o.name, o.is_ame FROM coverages c JOIN organisms o ON o.id = c.organism_id`;

const toCoverage = (r: CoverageRow, today: string): Coverage => ({
  id: r.coverage_id,
  patientId: r.patient_id,
  organism: toOrganism(r),
  startDate: r.start_date,
  endDate: r.end_date,
  contractCode: r.contract_code,
  attestationNumber: r.attestation_number,
  state: coverageState(r.start_date, r.end_date, today),
  createdAt: r.created_at,
});

/** Coverages of a patient, most recent rights first; the history stays. */
export function listCoverages(db: Db, patientId: number, today: string): Coverage[] {
  const rows = cached(db, `${COVERAGE_SELECT} WHERE c.patient_id = ? ORDER BY c.start_date DESC, c.id DESC`).all(patientId) as CoverageRow[];
  return rows.map((r) => toCoverage(r, today));
}

export function getCoverage(db: Db, id: number, today: string): Coverage | null {
  const row = cached(db, `${COVERAGE_SELECT} WHERE c.id = ?`).get(id) as CoverageRow | undefined;
  return row ? toCoverage(row, today) : null;
}

export function insertCoverage(
  db: Db,
  c: { patientId: number; organismId: number; startDate: string; endDate: string; contractCode: string | null; attestationNumber?: string | null },
  now: string,
  today: string,
): Coverage {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO coverages (patient_id, organism_id, start_date, end_date, contract_code, attestation_number, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(c.patientId, c.organismId, c.startDate, c.endDate, c.contractCode, c.attestationNumber ?? null, now);
  return getCoverage(db, Number(lastInsertRowid), today)!;
}

export function updateCoverage(
  db: Db,
  c: { id: number; startDate: string; endDate: string; contractCode: string | null; attestationNumber?: string | null | undefined },
  today: string,
): Coverage {
  cached(db, 'UPDATE coverages SET start_date = ?, end_date = ?, contract_code = ? WHERE id = ?').run(c.startDate, c.endDate, c.contractCode, c.id);
  if (c.attestationNumber !== undefined) {
    cached(db, 'UPDATE coverages SET attestation_number = ? WHERE id = ?').run(c.attestationNumber === '' ? null : c.attestationNumber, c.id);
  }
  return getCoverage(db, c.id, today)!;
}
