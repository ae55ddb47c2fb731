/** The caisses catalogue: régime + caisse code → name and postal address, for the bordereau's addressee. */
import type { Caisse } from '../core/domain/types.ts';
import type { Db } from './connection.ts';

interface CaisseRow {
  regime: string;
  caisse: string;
  name: string;
  address_line: string;
  postal_code: string;
  city: string;
  updated_at: string;
}

const toCaisse = (r: CaisseRow): Caisse => ({
  regime: r.regime,
  caisse: r.caisse,
  name: r.name,
  addressLine: r.address_line,
  postalCode: r.postal_code,
  city: r.city,
  updatedAt: r.updated_at,
});

export const listCaisses = (db: Db): Caisse[] => (db.prepare('SELECT * FROM caisses ORDER BY regime, caisse').all() as CaisseRow[]).map(toCaisse);

export function getCaisse(db: Db, regime: string, caisse: string): Caisse | null {
  const r = db.prepare('SELECT * FROM caisses WHERE regime = ? AND caisse = ?').get(regime, caisse) as CaisseRow | undefined;
  return r ? toCaisse(r) : null;
}

export function saveCaisse(db: Db, c: Omit<Caisse, 'updatedAt'>, now: string): Caisse {
  db.prepare(
    `INSERT INTO caisses (regime, caisse, name, address_line, postal_code, city, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (regime, caisse) DO UPDATE SET name = excluded.name, address_line = excluded.address_line,
       postal_code = excluded.postal_code, city = excluded.city, updated_at = excluded.updated_at`,
  ).run(c.regime, c.caisse, c.name, c.addressLine, c.postalCode, c.city, now);
  return getCaisse(db, c.regime, c.caisse)!;
}

export function deleteCaisse(db: Db, regime: string, caisse: string): boolean {
  return db.prepare('DELETE FROM caisses WHERE regime = ? AND caisse = ?').run(regime, caisse).changes > 0;
}
