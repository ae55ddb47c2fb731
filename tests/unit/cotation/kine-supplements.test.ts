/**
 * Kiné acts added to the session they go with, outside the « one cotation per session » rule of titre XIV:
 * the bilan-diagnostic kinésithérapique, written with the key letter of the rééducation it opens. Each case is
 * a published one, priced by the pure engine with the shipped catalogue files.
 */
import { describe, expect, it } from 'vitest';
import { priceVisit } from '../../../core/cotation/price-visit.ts';
import type { Practice, Visit, VisitAct } from '../../../core/cotation/types.ts';
import { fileCatalogue } from '../../helpers/catalogue.ts';

const catalogue = fileCatalogue();
const kine: Practice = { profession: 'masseur-kinesitherapeute', tariffZone: 'metropole', ikZone: 'plaine', postalCode: '75011' };
const session = (date: string, acts: VisitAct[]): Visit => ({
  date, time: null, place: 'cabinet', householdRank: 1, distanceTenths: null, urgent: false, imperativePrescription: false,
  coordination: 'aucune', twoSessionsJustified: false, acts,
});
const lines = (v: Visit) => priceVisit(v, catalogue, kine, { birthDate: '1980-06-15' }).lines.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent} ${l.amountCents}`).sort();

describe('bilan-diagnostic kinésithérapique on top of the first session', () => {
  // « La cotation en AMS, AMK ou AMC du bilan est forfaitaire » (NGAP titre XIV chap. I sect. 2 § 3, arrêté du
  // 13/10/2003, juriblio.fr/arretes/arrete-du-13-octobre-2003/135016729/article-1); bilankine.fr/?p=18647
  // (30/06/2018): « Entorse de la cheville / Bilan kiné en plus de la première séance », the BDK at 10,7.
  it('an ankle sprain: AMS 7,5 + its bilan AMS 10,7, both billed (2,15 € before 22/02/2024)', () => {
    expect(lines(session('2019-03-01', [{ code: 'AMS', coefficient: 750 }, { code: 'AMS', coefficient: 1070 }]))).toEqual(['AMS 1070 100 2301', 'AMS 750 100 1613']);
  });
  it('a bronchiolitis: AMK 8 + its bilan AMK 10,7', () => {
    expect(lines(session('2019-03-01', [{ code: 'AMK', coefficient: 800 }, { code: 'AMK', coefficient: 1070, key: 'mk-bdk' }]))).toEqual(['AMK 1070 100 2301', 'AMK 800 100 1720']);
  });
  it('a bilan AMC 10,8 (neurological) beside an AMC session', () => {
    expect(lines(session('2019-03-01', [{ code: 'AMC', coefficient: 1000 }, { code: 'AMC', coefficient: 1080 }]))).toEqual(['AMC 1000 100 2150', 'AMC 1080 100 2322']);
  });
  it('two ordinary acts in one session stay one cotation (titre XIV, dispositions liminaires)', () => {
    expect(lines(session('2019-03-01', [{ code: 'AMS', coefficient: 750 }, { code: 'AMS', coefficient: 950 }]))).toEqual(['AMS 950 100 2043']);
  });
});
