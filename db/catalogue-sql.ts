/**
 * Turns the catalogue data files (db/catalogue/*.json) into the INSERT block of migration 0004, so the
 * data stays reviewable as data and the migration stays plain SQL. `npm run catalogue:sql` rewrites
 * the block; a unit test fails when the migration and the files disagree.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CATALOGUE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'catalogue');
export const BEGIN_MARK = '-- BEGIN GENERATED CATALOGUE (npm run catalogue:sql; data in db/catalogue/*.json)';
export const END_MARK = '-- END GENERATED CATALOGUE';

interface TariffFileRow { profession: string; code: string; zone: string; label: string; cents: number; from: string; to?: string; verify?: string; source: string }
interface ActFileRow {
  key: string; profession: string; code: string; coefficient: number | null; label: string; ngap: string; group: string;
  keywords: string; from: string; to?: string; verify?: string; source: string;
}
interface StepFileRow { profession: string; codes: string; from: number; to: number; date: string; verify?: string; source: string }

const read = <T>(file: string): T[] => JSON.parse(readFileSync(join(CATALOGUE_DIR, file), 'utf8')) as T[];
const q = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
const CREATED = "'2026-11-28T00:00:00.000Z'";

export function catalogueSql(): string {
  const tariffs = read<TariffFileRow>('tariffs.json').map(
    (r) =>
      `INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, effective_to, verify_note, source, created_at) VALUES (${[
        r.profession, r.code, r.zone, r.label, r.cents, r.from, r.to, r.verify, r.source,
      ].map(q).join(', ')}, ${CREATED})\n  ON CONFLICT (profession, code, zone, effective_from) DO UPDATE SET label = excluded.label, unit_cents = excluded.unit_cents, effective_to = excluded.effective_to, verify_note = excluded.verify_note, source = excluded.source;`,
  );
  const acts = read<ActFileRow>('acts.json').map(
    (r) =>
      `INSERT INTO ngap_acts (key, profession, code, coefficient, label, ngap, act_group, keywords, effective_from, effective_to, verify_note, source) VALUES (${[
        r.key, r.profession, r.code, r.coefficient, r.label, r.ngap, r.group, r.keywords, r.from, r.to, r.verify, r.source,
      ].map(q).join(', ')});`,
  );
  const steps = read<StepFileRow>('coefficient-steps.json').map(
    (r) =>
      `INSERT INTO coefficient_steps (profession, codes, from_coefficient, to_coefficient, effective_from, verify_note, source) VALUES (${[
        r.profession, r.codes, r.from, r.to, r.date, r.verify, r.source,
      ].map(q).join(', ')});`,
  );
  return [BEGIN_MARK, ...tariffs, ...acts, ...steps, END_MARK].join('\n');
}

/** The generated block as it stands in a migration's text (markers included), or null. */
export function generatedBlockOf(sql: string): string | null {
  const start = sql.indexOf(BEGIN_MARK);
  const end = sql.indexOf(END_MARK);
  return start < 0 || end < 0 ? null : sql.slice(start, end + END_MARK.length);
}
