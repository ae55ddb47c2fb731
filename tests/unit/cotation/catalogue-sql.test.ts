import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueSql, generatedBlockOf } from '../../../db/catalogue-sql.ts';
import { migrationsDir } from '../../../db/migrate.ts';
import { fileCatalogue } from '../../helpers/catalogue.ts';

describe('NGAP catalogue data', () => {
  it('is exactly what migration 0004 loads (run `npm run catalogue:sql` after editing db/catalogue)', () => {
    const sql = readFileSync(join(migrationsDir(), '0004-cotation-catalogue.sql'), 'utf8');
    expect(generatedBlockOf(sql)).toBe(catalogueSql());
  });

  it('keeps one row per profession, code, zone and date, each with a source and a coherent period', () => {
    const { tariffs, acts } = fileCatalogue();
    const keys = tariffs.map((t) => `${t.profession}|${t.code}|${t.zone}|${t.effectiveFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of tariffs) {
      expect(t.source).toMatch(/BILLING-RULES/);
      expect(t.unitCents).toBeGreaterThan(0);
      if (t.effectiveTo) expect(t.effectiveTo >= t.effectiveFrom).toBe(true);
    }
    for (const a of acts) {
      const priced = tariffs.some((t) => t.profession === a.profession && t.code === a.code);
      expect(priced, `${a.key} has a tariff`).toBe(true);
    }
  });

  it('carries the corrected history of BILLING-RULES §9', () => {
    const { tariffs } = fileCatalogue();
    const rows = (profession: string, code: string) =>
      tariffs.filter((t) => t.profession === profession && t.code === code && t.zone === 'metropole').map((t) => `${t.effectiveFrom} ${t.unitCents}`);
    expect(rows('infirmier', 'IFD')).toEqual(['2009-04-15 230', '2012-05-27 250', '2024-01-28 275']);
    expect(rows('infirmier', 'MCI')).toEqual(['2012-05-27 500']);
    expect(rows('masseur-kinesitherapeute', 'IFD')).toEqual(['2012-01-01 250', '2025-07-01 250']);
    expect(tariffs.find((t) => t.code === 'MD' && t.profession === 'infirmier')?.verifyNote).toMatch(/8,50 €/);
  });
});
