/**
 * Kiné acts added to the session they go with, outside the « one cotation per session » rule of titre XIV:
 * the bilan-diagnostic kinésithérapique, written with the key letter of the rééducation it opens, and the
 * supplement for a multilayer bandage beside a lymphatic drainage. Each case is
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
  // Before 01/07/2018 the bilan was 8,1 (10 à 20 séances) or 10,1 (neurologique): « La rémunération de ce bilan se
  // cote AMS 8,1 … le bilan se cote alors AMK 10,1 » (ffmkr75.org 08/2009; arrêté du 13/10/2003). 10,7 from 01/07/2018
  // (bilankine.fr « passe de 17,43€ à 23€ le 01/07/2018 »).
  it('before 01/07/2018: AMS 7,5 + its bilan AMS 8,1, both billed; AMK 10,7 was no bilan then', () => {
    expect(lines(session('2016-03-01', [{ code: 'AMS', coefficient: 750 }, { code: 'AMS', coefficient: 810 }]))).toEqual(['AMS 750 100 1613', 'AMS 810 100 1742']);
    expect(lines(session('2016-03-01', [{ code: 'AMK', coefficient: 1000 }, { code: 'AMK', coefficient: 1010, key: 'mk-bdk-neuro-2012' }]))).toEqual(['AMK 1000 100 2150', 'AMK 1010 100 2172']);
    expect(lines(session('2017-06-01', [{ code: 'AMK', coefficient: 800 }, { code: 'AMK', coefficient: 1070 }]))).toEqual(['AMK 1070 100 2301']);
  });
  it('two ordinary acts in one session stay one cotation (titre XIV, dispositions liminaires)', () => {
    expect(lines(session('2019-03-01', [{ code: 'AMS', coefficient: 750 }, { code: 'AMS', coefficient: 950 }]))).toEqual(['AMS 950 100 2043']);
  });
});

describe('supplement for a multilayer bandage beside a manual lymphatic drainage', () => {
  // « En 2012 en libéral, l'acte correspondant à une « Rééducation pour lymphœdèmes vrais par drainage manuel pour un
  // membre ou pour le cou et la face » se nomme AMK 7. Un supplément pour bandage multicouche est possible (pour un
  // membre : AMK 1). » (A. Hascouet, mémoire IFMK Brest 2020, § II.3.1, 123dok.net copy of dumas-03014810)
  it('drainage of one limb AMK 7 + bandage AMK 1, both billed (2013)', () => {
    expect(lines(session('2013-06-03', [{ code: 'AMK', coefficient: 700 }, { code: 'AMK', coefficient: 100 }]))).toEqual(['AMK 100 100 215', 'AMK 700 100 1505']);
  });
  it('drainage of two limbs AMC 9 + bandage AMC 2', () => {
    expect(lines(session('2013-06-03', [{ code: 'AMC', coefficient: 900 }, { code: 'AMC', coefficient: 200 }]))).toEqual(['AMC 200 100 430', 'AMC 900 100 1935']);
  });
  // SNMKR « tableau NGAP » v19 (tarifs au 28/05/2026): RAV 8 drainage one limb, « Supplément bandage multicouche » RAV 1.
  it('since the annexe-2 letters: RAV 8 + RAV 1 (2,21 €)', () => {
    expect(lines(session('2026-03-02', [{ code: 'RAV', coefficient: 800, key: 'mk-drainage-1' }, { code: 'RAV', coefficient: 100, key: 'mk-bandage-1' }]))).toEqual(['RAV 100 100 221', 'RAV 800 100 1768']);
  });
  // « La cotation de l'acte tient compte du bandage, et celui-ci ne peut pas faire l'objet d'un supplément pour bandage
  // multicouche » (Alizé, Actu'Alizé n°45, 05/2017, « Le DLM », pdfhall.com): the breast-cancer act 15,5 includes it.
  it('no supplement beside the breast-cancer lymphœdème act AMK 15,5', () => {
    expect(lines(session('2017-06-01', [{ code: 'AMK', coefficient: 1550 }, { code: 'AMK', coefficient: 100 }]))).toEqual(['AMK 1550 100 3333']);
  });
});

describe('the BDK amounts at 2,15 €: half a cent rounds up (DESIGN §3)', () => {
  // 10,1 × 2,15 = 21,715 € → 21,72 € (lecokon.fr/blog/bilan-diagnostic-kine « AMK 10,1 (soit 21,72 euros) »);
  // 10,7 × 2,15 = 23,005 € → 23,01 € (kra-lyon.fr « tarifé à 23,01 € »; bilankine.fr's « 23 € » is a round figure);
  // 8,1 × 2,15 = 17,415 € → 17,42 € (lecokon.fr's « 17,41 » is 8,1 × 2,15 computed in binary floating point,
  // 17,41499…; the same page rounds 21,715 up). Each line is rounded once, half up, in integer cents.
  it('BDK 8,1 / 10,1 before 01/07/2018 and 10,7 after: 17,42 €, 21,72 €, 23,01 €', () => {
    const bdk = (date: string, coefficient: number, key: string) =>
      lines(session(date, [{ code: 'AMK', coefficient: 800 }, { code: 'AMK', coefficient, key }])).find((l) => l.startsWith(`AMK ${coefficient} `));
    expect(bdk('2016-03-01', 810, 'mk-bdk-2012')).toBe('AMK 810 100 1742');
    expect(bdk('2016-03-01', 1010, 'mk-bdk-neuro-2012')).toBe('AMK 1010 100 2172');
    expect(bdk('2019-03-01', 1070, 'mk-bdk')).toBe('AMK 1070 100 2301');
  });
});
