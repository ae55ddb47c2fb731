/**
 * Properties of the cotation engine (fast-check): totals never negative, typing order never changes the
 * result, the tariff lookup always picks the row in force on the act date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceVisit } from '../../../core/cotation/price-visit.ts';
import { tariffInForce } from '../../../core/cotation/tariff-lookup.ts';
import type { CatalogueTariff, Practice, Visit, VisitAct } from '../../../core/cotation/types.ts';
import { fileCatalogue } from '../../helpers/catalogue.ts';

const catalogue = fileCatalogue();
const day = fc.integer({ min: Date.UTC(2009, 3, 15), max: Date.UTC(2026, 10, 25) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const time = fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`));

const nurseAct: fc.Arbitrary<VisitAct> = fc.oneof(
  fc.constantFrom(...catalogue.acts.filter((a) => a.profession === 'infirmier')).map((a) => ({ key: a.key, code: a.code, coefficient: a.coefficient! })),
  fc.record({ code: fc.constantFrom('AMI', 'AIS', 'AMX'), coefficient: fc.integer({ min: 1, max: 30 }).map((n) => n * 50) }),
);
const kineAct: fc.Arbitrary<VisitAct> = fc.record({
  code: fc.constantFrom('APM', 'ARL', 'DRA', 'NMI', 'PLL', 'AMK'),
  coefficient: fc.constantFrom(750, 810, 950, 980, 1000, 1100, 500),
  session: fc.constantFrom(1 as const, 2 as const),
});
const allowance = fc.constantFrom('IFD', 'IK', 'N', 'F', 'MN', 'MD', 'MAU', 'MCI').map((code) => ({ code, coefficient: 100 }));

const visitOf = (acts: fc.Arbitrary<VisitAct>): fc.Arbitrary<Visit> =>
  fc.record({
    date: day,
    time,
    place: fc.constantFrom('cabinet' as const, 'domicile' as const),
    householdRank: fc.integer({ min: 1, max: 3 }),
    distanceTenths: fc.option(fc.integer({ min: 0, max: 400 })),
    urgent: fc.boolean(),
    imperativePrescription: fc.boolean(),
    coordination: fc.constantFrom('aucune' as const, 'palliatif' as const, 'pansement-complexe' as const),
    twoSessionsJustified: fc.boolean(),
    acts: fc.array(fc.oneof({ weight: 4, arbitrary: acts }, { weight: 1, arbitrary: allowance }), { minLength: 1, maxLength: 6 }),
  });

const practice = (profession: Practice['profession']): fc.Arbitrary<Practice> =>
  fc.record({
    profession: fc.constant(profession),
    tariffZone: fc.constantFrom('metropole' as const, 'dom' as const),
    ikZone: fc.constantFrom('plaine' as const, 'montagne' as const, 'pied-ski' as const),
    postalCode: fc.constantFrom('75011', '67000', '97110', '05000'),
  });

const cases = fc.oneof(
  fc.tuple(visitOf(nurseAct), practice('infirmier')),
  fc.tuple(visitOf(kineAct), practice('masseur-kinesitherapeute')),
);
const birth = { birthDate: '1980-06-15' };

describe('cotation engine properties', () => {
  it('never produces a negative amount nor a negative total', () => {
    fc.assert(
      fc.property(cases, ([visit, p]) => {
        const r = priceVisit(visit, catalogue, p, birth);
        for (const l of r.lines) {
          expect(Number.isInteger(l.amountCents)).toBe(true);
          expect(l.amountCents).toBeGreaterThanOrEqual(0);
        }
        expect(r.lines.reduce((s, l) => s + l.amountCents, 0)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same result whatever the order the acts were typed in', () => {
    fc.assert(
      fc.property(cases, fc.integer(), ([visit, p], seed) => {
        const shuffled = [...visit.acts].map((a, i) => ({ a, k: (Math.imul(i + 1, seed | 1) >>> 0) % 997 })).sort((x, y) => x.k - y.k).map((x) => x.a);
        const a = priceVisit(visit, catalogue, p, birth);
        const b = priceVisit({ ...visit, acts: shuffled }, catalogue, p, birth);
        expect(b.lines).toEqual(a.lines);
        expect(b.dropped).toEqual(a.dropped);
        expect(b.problems.map((x) => x.message_fr).sort()).toEqual(a.problems.map((x) => x.message_fr).sort());
      }),
      { numRuns: 400 },
    );
  });

  it('always picks the tariff row in force on the act date', () => {
    const row = fc.record({
      from: day,
      days: fc.option(fc.integer({ min: 0, max: 4000 })),
      cents: fc.integer({ min: 1, max: 5000 }),
      zone: fc.constantFrom('metropole' as const, 'dom' as const),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.zone}${r.from}`, minLength: 1, maxLength: 8 }), day, fc.constantFrom('metropole' as const, 'dom' as const), (rows, date, zone) => {
        const tariffs: CatalogueTariff[] = rows.map((r, i) => ({
          id: i + 1, profession: 'infirmier', code: 'AMI', zone: r.zone, label: 'AMI', unitCents: r.cents, effectiveFrom: r.from,
          effectiveTo: r.days === null ? null : new Date(Date.parse(r.from) + r.days * 86_400_000).toISOString().slice(0, 10),
          verifyNote: null, source: null,
        }));
        const inForce = tariffs.filter((t) => t.zone === zone && t.effectiveFrom <= date && (t.effectiveTo === null || t.effectiveTo >= date));
        const found = tariffInForce(tariffs, { profession: 'infirmier', code: 'AMI', zone, date });
        if (inForce.length === 0) {
          expect(found.ok).toBe(false);
        } else {
          const latest = inForce.reduce((b, t) => (t.effectiveFrom > b.effectiveFrom ? t : b));
          expect(found).toEqual({ ok: true, tariff: latest });
        }
      }),
      { numRuns: 500 },
    );
  });
});
