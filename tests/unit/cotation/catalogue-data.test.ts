/**
 * The NGAP catalogue as data (db/catalogue/*.json): the shipped file is exactly what the files say, every row
 * carries its source, the corrections of BILLING-RULES §9 and §10 are in, and no act is out of reach of the
 * words of its own label in the act picker (issue 18).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchActs } from '../../../core/cotation/act-search.ts';
import { parseCatalogueFile } from '../../../core/cotation/catalogue-file.ts';
import { catalogueFileText, shippedCatalogue, shippedFileName } from '../../../db/catalogue-bundle.ts';
import { migrationsDir } from '../../../db/migrate.ts';
import { fileCatalogue } from '../../helpers/catalogue.ts';

const { tariffs, acts, steps } = fileCatalogue();
const rows = (profession: string, code: string, zone = 'metropole') =>
  tariffs.filter((t) => t.profession === profession && t.code === code && t.zone === zone).map((t) => `${t.effectiveFrom} ${t.unitCents}`);
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

describe('NGAP catalogue data', () => {
  it('is exactly the shipped catalogue file a migration applies (run `npm run catalogue:build` after editing db/catalogue)', () => {
    const shipped = shippedCatalogue();
    expect(readFileSync(join(migrationsDir(), shippedFileName(shipped.version)), 'utf8')).toBe(catalogueFileText(shipped));
    expect(parseCatalogueFile(catalogueFileText(shipped))).toMatchObject({ ok: true });
  });

  it('gives every row a source and a coherent period, and every act a tariff', () => {
    for (const t of tariffs) {
      expect(t.source, `${t.code} ${t.effectiveFrom}`).toMatch(/\S/);
      if (t.effectiveTo) expect(t.effectiveTo >= t.effectiveFrom).toBe(true);
    }
    for (const a of acts) {
      expect(a.source, a.key).toMatch(/\S/);
      expect(tariffs.some((t) => t.profession === a.profession && t.code === a.code), `${a.key} has a tariff`).toBe(true);
    }
    for (const s of steps) expect(s.source).toMatch(/\S/);
  });

  it('carries the corrected history (BILLING-RULES §9, §10)', () => {
    expect(rows('infirmier', 'IFD')).toEqual(['2009-04-15 230', '2012-05-27 250', '2022-04-25 254', '2024-01-28 275']);
    // The 2022 fuel measure ends on 31/12/2022: 2,50 € again from 01/01/2023 (convergenceinfirmiere.com).
    expect(tariffs.find((t) => t.code === 'IFD' && t.effectiveFrom === '2022-04-25')?.effectiveTo).toBe('2022-12-31');
    expect(rows('infirmier', 'F')).toEqual(['2007-07-26 780', '2009-04-15 800', '2018-08-01 850']);
    expect(rows('infirmier', 'N')).toEqual(['2009-04-15 915']);
    expect(rows('infirmier', 'MCI')).toEqual(['2012-05-27 500']);
    expect(rows('infirmier', 'MIE')).toEqual(['2020-01-01 315']);
    expect(rows('infirmier', 'TMI')).toEqual(['2022-09-23 315']);
    expect(rows('infirmier', 'BSB')).toEqual(['2020-01-01 1820']);
    expect(rows('infirmier', 'IFD', 'dom')).toEqual(['2012-05-27 250', '2024-01-28 275']);
    expect(rows('masseur-kinesitherapeute', 'AMK')).toEqual(['2012-07-15 215', '2024-02-22 221']);
    expect(rows('masseur-kinesitherapeute', 'IFD')).toEqual(['2012-07-15 250']);
    expect(rows('masseur-kinesitherapeute', 'F')).toEqual(['1998-11-05 762']);
    expect(tariffs.some((t) => ['MD', 'MN'].includes(t.code))).toBe(false);
    // The coefficient is the act's identity (8,07…8,13 since 01/01/2026): steps name each act (research kiné A.3).
    expect(steps.map((s) => `${s.codes} ${s.from}→${s.to} ${s.date}`)).toEqual([
      'AMK 120→250 2026-01-01', 'AMK 220→350 2026-01-01', 'TER 949→979 2026-05-28', 'TER 951→981 2026-05-28', 'APM 950→980 2026-05-28',
      'NMI 1001→1101 2026-09-01', 'NMI 1101→1201 2026-09-01', 'NMI 1000→1100 2026-09-01', 'NMI 1099→1199 2026-09-01', 'NMI 1100→1200 2026-09-01',
    ]);
    const ngap = (key: string) => acts.find((a) => a.key === key)!.ngap;
    expect(ngap('idel-pansement-simple')).toBe('NGAP titre XVI chap. I art. 2');
    expect(ngap('idel-pansement-lourd')).toBe('NGAP titre XVI chap. I art. 3');
    expect(acts.find((a) => a.key === 'idel-perfusion-courte')!.effectiveFrom).toBe('2014-10-01');
  });

  it('finds every act by the words of its label, on a date it is in force, among the 8 the picker shows', () => {
    const inForce = (a: (typeof acts)[number]) => a.effectiveTo ?? a.effectiveFrom;
    for (const a of acts) {
      const found = searchActs(acts.filter((x) => x.profession === a.profession), a.label, inForce(a)).slice(0, 8);
      expect(found.map((x) => x.key), a.key).toContain(a.key);
    }
  });

  it('finds every act by any words of its label (property)', () => {
    const words = (label: string) => fold(label).split(/[^a-z0-9,]+/).filter((w) => w.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...acts), fc.integer({ min: 0, max: 1_000 }), (a, seed) => {
        const all = words(a.label);
        const picked = all.filter((_, i) => (seed >> (i % 10)) & 1);
        const query = (picked.length > 0 ? picked : all).join(' ');
        return searchActs(acts, query, a.effectiveTo ?? a.effectiveFrom).some((x) => x.key === a.key);
      }),
      { numRuns: 500 },
    );
  });
});
