/**
 * The acts catalogue version 2 adds (issue 18, catalogue gaps), through the dispatcher: each is found in the act
 * picker by the words a nurse or a kiné types, priced on a date with its source beside it, and an act kept
 * « à vérifier » says so in its line's explanation. Sources: L'Infirmière libérale magazine (ILM) « la
 * nomenclature en question » / « vu à la NGAP » (espaceinfirmier.fr), the NGAP titre XVI of 04/2022
 * (123dok.net/document/y4wdkvdk), a 2016 transcription of titre XVI (third party), lecokon.fr and bilankine.fr (BDK).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import { searchActs } from '../../../core/cotation/act-search.ts';
import type { CatalogueAct } from '../../../core/cotation/types.ts';
import type { Invoice } from '../../../core/domain/types.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';

type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];
let t: TestBackend;
let nurse = 0;
let kine = 0;
let patient = 0;
let nurseActs: readonly CatalogueAct[] = [];
let kineActs: readonly CatalogueAct[] = [];
beforeAll(async () => {
  t = makeTestBackend('2026-11-25');
  nurse = (await t.call('practitioners/create', buildPractitionerInput())).id;
  kine = (await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', amNumber: '751234568' }))).id;
  patient = (await t.call('patients/create', buildPatientInput())).id;
  nurseActs = (await t.call('cotation/context', { practitionerId: nurse })).catalogue.acts;
  kineActs = (await t.call('cotation/context', { practitionerId: kine })).catalogue.acts;
});
afterAll(() => t.dispose());

const visit = (v: Partial<VisitIn> & { date: string; acts: VisitIn['acts'] }): VisitIn => ({
  time: null, callTime: null, place: 'cabinet', householdRank: 1, distanceKm: null, urgent: false, imperativePrescription: false,
  coordination: 'aucune', twoSessionsJustified: false, r251Procedure: false, ...v,
});
async function price(practitionerId: number, v: VisitIn): Promise<Invoice> {
  const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient });
  return t.call('invoices/update-draft', { invoiceId: draft.id, visits: [v] });
}
const summary = (inv: Invoice) => inv.lines.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent} ${l.amountCents}`);
const explanationOf = (inv: Invoice, i = 0) => inv.lines[i]!.explanation ?? '';
/** The keys the picker shows first (8 rows) for what was typed, on a date. */
const picker = (acts: readonly CatalogueAct[], q: string, date: string) => searchActs(acts, q, date).slice(0, 8).map((a) => a.key);

describe('act picker: the words a nurse or a kiné types find the new acts', () => {
  const cases: [string, string, string][] = [
    ['irrigation', '2026-11-24', 'idel-irrigation-colique'],
    ['dialyse', '2026-11-24', 'idel-dialyse-peritoneale'],
    ['dialyse cycleur', '2026-11-24', 'idel-dialyse-cycleur'],
    ['etui penien', '2026-11-24', 'idel-etui-penien'],
    ['pulvérisation', '2026-11-24', 'idel-pulverisation'],
    ['aerosol immunodeprime', '2026-11-24', 'idel-aerosol-prophylactique'],
    ['chimio', '2026-11-24', 'idel-chimio-iv'],
    ['lavage vésical', '2026-11-24', 'idel-lavage-vesical'],
    ['vessie neurologique', '2026-11-24', 'idel-vessie-neurologique'],
    ['retrait sonde urinaire', '2026-11-24', 'idel-retrait-sonde-urinaire'],
    ['injection vaginale', '2026-11-24', 'idel-injection-vaginale'],
    ['curiethérapie', '2026-11-24', 'idel-curietherapie'],
    ['sinus', '2026-11-24', 'idel-lavage-sinus'],
    ['tuberculinique', '2026-11-24', 'idel-test-tuberculinique'],
    ['lecture timbre', '2026-11-24', 'idel-lecture-tuberculinique'],
    ['supplément grippe', '2016-11-02', 'idel-supplement-grippe'],
    ['surveillance clinique hebdomadaire', '2026-11-24', 'idel-ais-surveillance-hebdo'],
    ['programme aide', '2026-11-24', 'idel-ais-programme-aide'],
  ];
  for (const [words, date, key] of cases) {
    it(`« ${words} » on ${date} finds ${key} first`, () => {
      expect(picker(nurseActs, words, date)[0]).toBe(key);
    });
  }

  it('the dialysis limit and the colic irrigation series are in the label the picker shows (titre XVI ch. II art. 6)', () => {
    const label = (key: string) => nurseActs.find((a) => a.key === key)!.label;
    // The engine does not count sittings across a day: the limit is said where the nurse picks the act.
    expect(label('idel-dialyse-peritoneale')).toContain('quatre séances au plus par jour');
    expect(label('idel-irrigation-colique')).toContain('vingt séances au plus');
  });

  it('the flu-campaign supplement leaves the picker with the avenant 9 vaccination (23/03/2023), kept « à vérifier »', () => {
    expect(picker(nurseActs, 'supplément grippe', '2023-03-22')).toContain('idel-supplement-grippe');
    expect(picker(nurseActs, 'supplément grippe', '2023-03-23')).not.toContain('idel-supplement-grippe');
    expect(picker(nurseActs, 'vaccin grippe', '2023-03-23')[0]).toBe('idel-vaccin');
  });

  it('the BDK before 01/07/2018 is AMK 8,1 (neuro 10,1), from then 10,7 / 10,8 (lecokon.fr; bilankine.fr/?p=18647)', () => {
    expect(picker(kineActs, 'bdk', '2016-03-01').sort()).toEqual(['mk-bdk-2012', 'mk-bdk-neuro-2012']);
    expect(picker(kineActs, 'bdk', '2018-07-01').sort()).toEqual(['mk-bdk', 'mk-bdk-neuro']);
    const coef = (key: string) => kineActs.find((a) => a.key === key)!.coefficient;
    expect([coef('mk-bdk-2012'), coef('mk-bdk-neuro-2012'), coef('mk-bdk'), coef('mk-bdk-neuro')]).toEqual([810, 1010, 1070, 1080]);
  });

  // The official text of the pre-2018 values: arrêté du 13/10/2003 (JORF 17/10/2003, JORFTEXT000000799001; juriblio.fr
  // .../arrete-du-13-octobre-2003/135016729/article-1): « La cotation en AMS, AMK ou AMC du bilan est forfaitaire. …
  // entre 10 et 20 [séances] … : 8,1. … entre 10 et 50 … affections neurologiques et musculaires … : 10,1. » The rows
  // cite it, and with the value settled by the text they carry no « à vérifier » note.
  // DESIGN §5 « Settled »: each of these rows rests on an ILM answer quoting the NGAP (n°340, 319, 302, 289, 362) and
  // the same coefficient in the public 2016 transcription of titre XVI — two sources, so no « à vérifier » note.
  it('the five ILM-sourced v2 acts cite their ILM answer and the 2016 transcription, with no note', () => {
    const ilm: Record<string, string> = {
      'idel-etui-penien': 'n°340', 'idel-pulverisation': 'n°319', 'idel-irrigation-colique': 'n°302',
      'idel-dialyse-peritoneale': 'n°289', 'idel-aerosol-prophylactique': 'n°362',
    };
    for (const [key, issue] of Object.entries(ilm)) {
      const row = nurseActs.find((a) => a.key === key)!;
      expect(row.source, key).toContain(issue);
      expect(row.source, key).toContain('transcription publique du titre XVI (2016');
      expect(row.verifyNote ?? null, key).toBeNull();
    }
  });

  it('the 2012 BDK rows cite the arrêté du 13/10/2003 that sets 8,1 and 10,1, and are not « à vérifier »', () => {
    for (const key of ['mk-bdk-2012', 'mk-bdk-neuro-2012']) {
      const row = kineActs.find((a) => a.key === key)!;
      expect(row.source, key).toMatch(/arrêté du 13\/10\/2003/);
      expect(row.verifyNote ?? null, key).toBeNull();
    }
  });
});

describe('prices of the new acts, each with its source', () => {
  it('irrigation colique AMI 4 per séance (ILM n°302: « chapitre 2, article 6 … AMI 4 par séance »): 12,60 €', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [{ key: 'idel-irrigation-colique', code: 'AMI', coefficient: 4 }] }));
    expect(summary(inv)).toEqual(['AMI 400 100 1260']);
    expect(inv.lines[0]!.ngapArticle).toContain('titre XVI');
  });

  it('dialyse péritonéale AMI 4 at home, one trip (ILM n°289): 12,60 € + IFD 2,75 €', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', place: 'domicile', acts: [{ key: 'idel-dialyse-peritoneale', code: 'AMI', coefficient: 4 }] }));
    expect(summary(inv)).toEqual(['AMI 400 100 1260', 'IFD 100 100 275']);
  });

  it('dialyse péritonéale beside a pansement courant: ordinary art. 11B, AMI 4 + AMI 2/2 (NGAP DG art. 11B; CPAM « Facturer les actes infirmiers »)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [
      { key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }, { key: 'idel-dialyse-peritoneale', code: 'AMI', coefficient: 4 },
    ] }));
    expect(summary(inv)).toEqual(['AMI 400 100 1260', 'AMI 200 50 315']);
  });

  it('étui pénien alone AMI 1 (ILM n°340: « coté AMI 1 par 24 heures ») takes the MAU (single AMI ≤ 1,5, DG art. 23.1)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [{ key: 'idel-etui-penien', code: 'AMI', coefficient: 1 }] }));
    expect(summary(inv)).toEqual(['AMI 100 100 315', 'MAU 100 100 135']);
    expect(explanationOf(inv)).not.toContain('à vérifier');
  });

  it('pulvérisation de produits médicamenteux AMI 1,25 (ILM n°319, ch. I art. 8), with the MAU', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [{ key: 'idel-pulverisation', code: 'AMI', coefficient: 1.25 }] }));
    expect(summary(inv)).toEqual(['AMI 125 100 394', 'MAU 100 100 135']);
  });

  it('aérosol à visée prophylactique, patient immunodéprimé or cancéreux AMI 5 (ILM n°362: « la cotation à retenir est AMI5 »)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [{ key: 'idel-aerosol-prophylactique', code: 'AMI', coefficient: 5 }] }));
    expect(summary(inv)).toEqual(['AMI 500 100 1575']);
  });

  it('chimiothérapie IV AMI 7 = 22,05 € (ILM n°333: « cotées AMI 7 (22,05 euros) »)', async () => {
    const inv = await price(nurse, visit({ date: '2016-03-01', acts: [{ key: 'idel-chimio-iv', code: 'AMI', coefficient: 7 }] }));
    expect(summary(inv)).toEqual(['AMI 700 100 2205']);
  });

  it('an act kept « à vérifier » says so in its line: retrait de sonde urinaire AMI 2 (agatheyou.fr, oly-app.fr)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [{ key: 'idel-retrait-sonde-urinaire', code: 'AMI', coefficient: 2 }] }));
    expect(summary(inv)).toEqual(['AMI 200 100 630']);
    expect(explanationOf(inv)).toMatch(/Acte à vérifier : Deux blogs d’éditeurs/);
  });

  it('the flu supplement is ranked as an act, the prudent reading, and says « à vérifier » (ILM n°309 counts it with the injection)', async () => {
    const inv = await price(nurse, visit({ date: '2016-11-02', acts: [
      { key: 'idel-injection-im', code: 'AMI', coefficient: 1 }, { key: 'idel-supplement-grippe', code: 'AMI', coefficient: 1 },
    ] }));
    // (AMI 1 + AMI 1) at full rate per ILM n°309; ranked by art. 11B here: 3,15 € + 1,58 €, under-billing at worst.
    expect(summary(inv)).toEqual(['AMI 100 100 315', 'AMI 100 50 158']);
    expect(inv.lines.map((l) => l.explanation ?? '').join('\n')).toMatch(/Acte à vérifier : Fin au 22\/03\/2023/);
  });

  it('séance hebdomadaire de surveillance clinique AIS 4 = 10,60 € (AIS 2,65 €), kept « à vérifier » (key letter from one third-party catalogue)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', place: 'domicile', acts: [{ key: 'idel-ais-surveillance-hebdo', code: 'AIS', coefficient: 4 }] }));
    expect(summary(inv)).toEqual(['AIS 400 100 1060', 'IFD 100 100 275']);
    expect(explanationOf(inv)).toMatch(/Acte à vérifier : Coefficient 4 dans deux transcriptions tierces/);
  });

  it('BDK neurologique AMK 10,1 before 01/07/2018 = 21,72 € (lecokon.fr: « AMK 10,1 (soit 21,72 euros) »)', async () => {
    const inv = await price(kine, visit({ date: '2016-03-01', acts: [{ key: 'mk-bdk-neuro-2012', code: 'AMK', coefficient: 10.1 }] }));
    expect(summary(inv)).toEqual(['AMK 1010 100 2172']);
  });

  it('BDK neurologique AMK 10,8 from 01/07/2018 = 23,22 € (bilankine.fr: « passe de 21,70 € à 23,22 € »)', async () => {
    const inv = await price(kine, visit({ date: '2019-03-01', acts: [{ key: 'mk-bdk-neuro', code: 'AMK', coefficient: 10.8 }] }));
    expect(summary(inv)).toEqual(['AMK 1080 100 2322']);
  });
});
