import type { ColumnMapping } from '../core/domain/patient-import.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

/** The mapping last used for this file layout, or null. */
export function savedMapping(db: Db, layoutKey: string): ColumnMapping | null {
  const json = cached(db, 'SELECT mapping FROM import_layouts WHERE layout_key = ?').pluck().get(layoutKey) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as ColumnMapping);
}

export function saveMapping(db: Db, layoutKey: string, mapping: ColumnMapping, now: string): void {
  cached(db, 'INSERT INTO import_layouts (layout_key, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (layout_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at').run(
    layoutKey,
    JSON.stringify(mapping),
    now,
  );
}

/** Existing patients with this NIR and birth rank (the index on nir serves it). */
export function patientWithNir(db: Db, nir: string, birthRank: number): boolean {
  return cached(db, 'SELECT 1 FROM patients WHERE nir = ? AND birth_rank = ? LIMIT 1').get(nir, birthRank) !== undefined;
}

/** Names of the existing patients born that day (the index on birth_date serves it). */
export function namesBornOn(db: Db, birthDate: string): { lastName: string; usageName: string | null; firstName: string }[] {
  return cached(db, 'SELECT last_name AS lastName, usage_name AS usageName, first_name AS firstName FROM patients WHERE birth_date = ?').all(birthDate) as {
    lastName: string;
    usageName: string | null;
    firstName: string;
  }[];
}
