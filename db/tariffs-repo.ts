import type { Profession, Tariff } from '../core/domain/types.ts';
import type { TariffRow } from '../core/domain/tariffs.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

interface Row {
  id: number;
  profession: Profession;
  code: string;
  label: string;
  unit_cents: number;
  effective_from: string;
  created_at: string;
}

const toTariff = (r: Row): Tariff => ({
  id: r.id,
  profession: r.profession,
  code: r.code,
  label: r.label,
  unitCents: r.unit_cents,
  effectiveFrom: r.effective_from,
  createdAt: r.created_at,
});

export function listTariffs(db: Db, profession?: Profession): Tariff[] {
  const rows = (
    profession
      ? cached(db, 'SELECT * FROM tariffs WHERE profession = ? ORDER BY code, effective_from DESC').all(profession)
      : cached(db, 'SELECT * FROM tariffs ORDER BY profession, code, effective_from DESC').all()
  ) as Row[];
  return rows.map(toTariff);
}

/** The rows the tariff lookup needs for one profession (a few dozen: loaded whole). */
export function tariffRowsFor(db: Db, profession: Profession): TariffRow[] {
  return listTariffs(db, profession).map(({ id, profession: p, code, unitCents, effectiveFrom }) => ({ id, profession: p, code, unitCents, effectiveFrom }));
}

export function findTariffAt(db: Db, profession: Profession, code: string, effectiveFrom: string): Tariff | null {
  const row = cached(db, 'SELECT * FROM tariffs WHERE profession = ? AND code = ? AND effective_from = ?').get(profession, code, effectiveFrom) as Row | undefined;
  return row ? toTariff(row) : null;
}

export function insertTariff(db: Db, t: Omit<Tariff, 'id' | 'createdAt'>, now: string): Tariff {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO tariffs (profession, code, label, unit_cents, effective_from, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(t.profession, t.code, t.label, t.unitCents, t.effectiveFrom, now);
  return toTariff(cached(db, 'SELECT * FROM tariffs WHERE id = ?').get(Number(lastInsertRowid)) as Row);
}
