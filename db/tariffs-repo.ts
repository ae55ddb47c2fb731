import type { Profession, Tariff } from '../core/domain/types.ts';
import type { TariffRow } from '../core/domain/tariffs.ts';
import type { TariffZone } from '../core/cotation/types.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

interface Row {
  id: number;
  profession: Profession;
  code: string;
  zone: TariffZone;
  label: string;
  unit_cents: number;
  effective_from: string;
  effective_to: string | null;
  verify_note: string | null;
  source: string | null;
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
  zone: r.zone,
  effectiveTo: r.effective_to,
  verifyNote: r.verify_note,
  source: r.source,
});

export function listTariffs(db: Db, profession?: Profession): Tariff[] {
  const rows = (
    profession
      ? cached(db, 'SELECT * FROM tariffs WHERE profession = ? AND withdrawn_by IS NULL ORDER BY code, zone DESC, effective_from DESC').all(profession)
      : cached(db, 'SELECT * FROM tariffs WHERE withdrawn_by IS NULL ORDER BY profession, code, zone DESC, effective_from DESC').all()
  ) as Row[];
  return rows.map(toTariff);
}

/** The rows the legacy tariff lookup needs for one profession in one zone (a few dozen: loaded whole). */
export function tariffRowsFor(db: Db, profession: Profession, zone: TariffZone = 'metropole'): TariffRow[] {
  return listTariffs(db, profession)
    .filter((t) => t.zone === zone)
    .map(({ id, profession: p, code, unitCents, effectiveFrom }) => ({ id, profession: p, code, unitCents, effectiveFrom }));
}

export function findTariffAt(db: Db, profession: Profession, code: string, effectiveFrom: string, zone: TariffZone = 'metropole'): Tariff | null {
  const row = db
    .prepare('SELECT * FROM tariffs WHERE profession = ? AND code = ? AND zone = ? AND effective_from = ? AND withdrawn_by IS NULL')
    .get(profession, code, zone, effectiveFrom) as Row | undefined;
  return row ? toTariff(row) : null;
}

export type TariffData = Pick<Tariff, 'profession' | 'code' | 'label' | 'unitCents' | 'effectiveFrom'> & { zone?: TariffZone | undefined };

export function insertTariff(db: Db, t: TariffData, now: string): Tariff {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO tariffs (profession, code, zone, label, unit_cents, effective_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(t.profession, t.code, t.zone ?? 'metropole', t.label, t.unitCents, t.effectiveFrom, now);
  return toTariff(cached(db, 'SELECT * FROM tariffs WHERE id = ?').get(Number(lastInsertRowid)) as Row);
}
