/**
 * Real cotation cases priced to the cent through the API (dispatch: the same validation as IPC and HTTP).
 * Each case cites its source; values from BILLING-RULES.md §4 (nurses), §5 and §9 (kinés), §6 (holidays).
 * CPAM guide = « Facturer les actes infirmiers » (studylibfr.com/doc/4937523), quoted in BILLING-RULES §4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import type { Invoice } from '../../../core/domain/types.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';

type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];
type Setup = 'idel' | 'idel-montagne' | 'idel-dom' | 'idel-alsace' | 'mk' | 'mk-dom';

let t: TestBackend;
const practitioners: Partial<Record<Setup, number>> = {};
let adult = 0;
let child = 0;

beforeAll(async () => {
  t = makeTestBackend('2026-11-25');
  const make = async (setup: Setup, input: Partial<MethodInput<'practitioners/create'>>) => {
    practitioners[setup] = (await t.call('practitioners/create', buildPractitionerInput(input))).id;
  };
  await make('idel', {});
  await make('idel-montagne', { ikZone: 'montagne', amNumber: '051234567' });
  await make('idel-dom', { tariffZone: 'dom', postalCode: '97110', city: 'Pointe-à-Pitre', amNumber: '971234567' });
  await make('idel-alsace', { postalCode: '67000', city: 'Strasbourg', amNumber: '671234567' });
  await make('mk', { profession: 'masseur-kinesitherapeute', amNumber: '751234568' });
  await make('mk-dom', { profession: 'masseur-kinesitherapeute', tariffZone: 'dom', postalCode: '97200', city: 'Fort-de-France', amNumber: '972234567' });
  adult = (await t.call('patients/create', buildPatientInput())).id;
  child = (await t.call('patients/create', buildPatientInput({ firstName: 'Awa', birthDate: '2023-02-10' }))).id;
});
afterAll(() => t.dispose());

const visit = (v: Partial<VisitIn> & { date: string; acts: VisitIn['acts'] }): VisitIn => ({
  time: null, callTime: null, place: 'cabinet', householdRank: 1, distanceKm: null, urgent: false, imperativePrescription: false,
  coordination: 'aucune', twoSessionsJustified: false, r251Procedure: false, ...v,
});
const act = (code: string, coefficient = 1, key?: string, session?: 1 | 2) => ({ code, coefficient, ...(key ? { key } : {}), ...(session ? { session } : {}) });

async function price(setup: Setup, v: VisitIn, patientId = adult): Promise<Invoice> {
  const draft = await t.call('invoices/create-draft', { practitionerId: practitioners[setup]!, patientId });
  return t.call('invoices/update-draft', { invoiceId: draft.id, visits: [v] });
}
/** code coefficient(hundredths) rate amount — one per billed line, in order. */
const summary = (inv: Invoice) => inv.lines.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent} ${l.amountCents}`);
const says = (inv: Invoice) => [...inv.lines.map((l) => l.explanation ?? ''), ...inv.visits.flatMap((v) => [...v.explanations, ...v.dropped.map((d) => d.explanation)])].join('\n');

interface Case {
  name: string;
  /** Where the rule and the values come from. */
  source: string;
  setup: Setup;
  visit: VisitIn;
  child?: boolean;
  lines: string[];
  total: number;
  explains: (string | RegExp)[];
}

const SUNDAY = '2026-11-22';
const SATURDAY = '2026-11-21';
const TUESDAY = '2026-11-24';

const cases: Case[] = [
  // — Nurses, métropole: art. 11B and MAU —
  { name: 'single AMI 1 at the office gets MAU', source: 'MAU 1,35 € for a single AMI 1 or 1,5 (avenant 3; CPAM guide art. 23.1; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135'], total: 450, explains: ['acte unique de la séance', 'MAU : acte unique AMI de coefficient 1,5 au plus'] },
  { name: 'single prise de sang AMI 1,5 gets MAU', source: 'AMI 3,15 € (arrêté 17/10/2008); MAU (BILLING-RULES §4); 1,5 × 3,15 = 4,725 → 4,73', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1.5, 'idel-prelevement')] }), lines: ['AMI 150 100 473', 'MAU 100 100 135'], total: 608, explains: ['MAU'] },
  { name: 'single AMI 2 gets no MAU', source: 'MAU only for AMI 1 or 1,5 (BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630'], total: 630, explains: ['AMI 2 à 100 %'] },
  { name: 'two acts: second at 50 %, written AMI 1/2', source: 'NGAP art. 11B: 2nd act at 50 % (CPAM guide; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1, 'idel-injection-im'), act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'AMI 100 50 158'], total: 788, explains: ['AMI 1/2 : second acte de la même séance, facturé à 50 %'] },
  { name: 'injection + prise de sang: both at full rate since 01/12/2019', source: 'prise de sang at full rate beside one other act (UNCAM decision 18/07/2019, JORFTEXT000039061125; walter-learning.com; BILLING-RULES §10)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1, 'idel-injection-im'), act('AMI', 1.5, 'idel-prelevement')] }), lines: ['AMI 150 100 473', 'AMI 100 100 315'], total: 788, explains: ['prise de sang à taux plein'] },
  { name: 'three acts with a prise de sang: two at full rate, the third neither billed nor printed', source: 'ILM n° 359 « Vu à la NGAP » (after 01/12/2019: « AMI 2 + AMI 1,5 », the injection not billed); formation-ngap-idel.fr ex. 4', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1, 'idel-injection-im'), act('AMI', 2, 'idel-pansement-simple'), act('AMI', 1.5, 'idel-prelevement')] }),
    lines: ['AMI 200 100 630', 'AMI 150 100 473'], total: 1103, explains: ['prise de sang à taux plein', 'AMI 1 non facturé et non porté sur la feuille'] },
  { name: 'AIS 3 with a prise de sang: both at full rate', source: 'prise de sang derogation from 01/12/2019 (JORFTEXT000039061125; BILLING-RULES §10); AIS 2,65 € (arrêté 2008)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1.5, 'idel-prelevement'), act('AIS', 3, 'idel-ais-3')] }), lines: ['AIS 300 100 795', 'AMI 150 100 473'], total: 1268, explains: ['AIS 3 à 100 %', 'deux actes au plus'] },
  // — 11B exceptions —
  { name: 'AIS + pansement lourd et complexe both at full rate', source: 'exception titre XVI chap. I art. 11 (CPAM guide; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AIS', 3, 'idel-ais-3'), act('AMI', 4, 'idel-pansement-lourd')] }), lines: ['AMI 400 100 1260', 'AIS 300 100 795'], total: 2055, explains: ['cumulables à taux plein'] },
  { name: 'insulin-treated patient: injection + surveillance at full rate, no MAU', source: 'exception titre XVI chap. II art. 5 bis (CPAM guide; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1, 'idel-insuline-injection'), act('AMI', 1, 'idel-insuline-surveillance')] }), lines: ['AMI 100 100 315', 'AMI 100 100 315'], total: 630, explains: ['insulino-traité'] },
  { name: 'insulin injection + prise de sang: open case, the lower reading, « à vérifier »', source: 'art. 5 bis group counted as one act; prise de sang + insulin group left open (BILLING-RULES §10: price by the most prudent reading)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1.5, 'idel-prelevement'), act('AMI', 1, 'idel-insuline-injection')] }), lines: ['AMI 150 100 473', 'AMI 100 50 158'], total: 631, explains: ['insulino-traité', 'à vérifier'] },
  { name: 'perfusion forfait + prise de sang: the other act 2nd at 50 % (prudent reading)', source: 'perfusion forfaits, any other act 2nd at 50 % (JORFTEXT000029522660; espaceinfirmier.fr ILM 327; BILLING-RULES §10)', setup: 'idel',
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1.5, 'idel-prelevement'), act('AMI', 9, 'idel-perfusion-courte')] }), lines: ['AMI 900 100 2835', 'AMI 150 50 236'], total: 3071, explains: ['forfaits de perfusion', 'à vérifier'] },
  // — Travel: IFD once per visit and household, IK with the deduction —
  { name: 'home visit: AMI 1 + MAU + IFD 2,75 €', source: 'IFD 2,75 € since 28/01/2024 (avenant 10, fni.fr; BILLING-RULES §4); NGAP art. 13', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135', 'IFD 100 100 275'], total: 725, explains: ['IFD : soins à domicile, une fois par visite et par foyer'] },
  { name: 'IK plaine: 5 km away → 10 − 4 = 6 km × 0,35 €', source: 'IK plaine 0,35 €/km (arrêté 2008); deduction 4 km plaine (NGAP art. 13; BILLING-RULES §4, §9)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', distanceKm: 5, acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135', 'IFD 100 100 275', 'IKP 600 100 210'], total: 935, explains: ['10 km aller-retour − 4 km d’abattement = 6 km × 0,35\u00a0€ = 2,10\u00a0€.'] },
  { name: 'IK plaine: 2 km away → nothing after the deduction', source: 'NGAP art. 13 deduction (BILLING-RULES §9)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', distanceKm: 2, acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135', 'IFD 100 100 275'], total: 725, explains: ['Pas d’IK'] },
  { name: 'IK montagne: 5 km away → 10 − 2 = 8 km × 0,50 €', source: 'IK montagne 0,50 €/km (arrêté 2008); deduction 2 km montagne (NGAP art. 13; BILLING-RULES §4)', setup: 'idel-montagne',
    visit: visit({ date: TUESDAY, place: 'domicile', distanceKm: 5, acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135', 'IFD 100 100 275', 'IKM 800 100 400'], total: 1125, explains: ['IK montagne : 10 km aller-retour − 2 km'] },
  { name: 'IK with a decimal distance: 7,5 km → 11 km', source: 'NGAP art. 13 (BILLING-RULES §9)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', distanceKm: 7.5, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'IFD 100 100 275', 'IKP 1100 100 385'], total: 1290, explains: ['= 11 km'] },
  { name: 'second patient of the household: no IFD, no IK', source: 'NGAP art. 13: only the first patient of a household gets IFD/IK (CPAM guide; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', householdRank: 2, distanceKm: 5, acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135'], total: 450, explains: ['même foyer'] },
  { name: 'IFD the day before avenant 10: 2,50 €', source: 'IFD 2,50 € until 27/01/2024, 2,75 € from 28/01/2024 (fni.fr; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: '2024-01-27', place: 'domicile', acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135', 'IFD 100 100 250'], total: 700, explains: ['IFD'] },
  { name: 'IFD in 2012 before avenant 3: 2,30 € and no MAU yet', source: 'IFD 2,30 € from 15/04/2009, 2,50 € from 27/05/2012; MAU from 27/05/2012 (BILLING-RULES §9, §4)', setup: 'idel',
    visit: visit({ date: '2012-05-26', place: 'domicile', acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'IFD 100 100 230'], total: 545, explains: ['IFD'] },
  { name: 'IFD on 27/05/2012: 2,50 € and MAU', source: 'avenant 3 (BILLING-RULES §9)', setup: 'idel',
    visit: visit({ date: '2012-05-27', place: 'domicile', acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135', 'IFD 100 100 250'], total: 700, explains: ['MAU'] },
  { name: 'BSI patient at home: BSB forfait, AMX act, IFI', source: 'BSB 18,20 €, IFI 2,75 € (avenant 10; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', acts: [act('BSB', 1, 'idel-bsb'), act('AMX', 1)] }), lines: ['AMX 100 100 315', 'BSB 100 100 1820', 'IFI 100 100 275'], total: 2410, explains: ['IFI : patient dépendant'] },
  { name: 'BSI, second patient of the household: IFI 0,01', source: '1 IFI + « IFI 0,01 » per extra patient in the dependence context (UNCAM decision 12/11/2020; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', householdRank: 2, acts: [act('BSA', 1, 'idel-bsa')] }), lines: ['BSA 100 100 1300', 'IFI 1 100 3'], total: 1303, explains: ['IFI 0,01 : patient n° 2 du même foyer en BSI'] },
  // — Night, Sunday, public holidays (NGAP art. 14) —
  { name: 'Sunday home visit, emergency: two acts + MD + IFD + IK', source: 'art. 14 Sunday majoration with justified emergency; F 8,50 € since 01/08/2018 (avenant 5; onsil.fr; cpga-asso.com; BILLING-RULES §10); art. 11B; art. 13 (BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: SUNDAY, time: '10:30', place: 'domicile', distanceKm: 7, urgent: true, acts: [act('AMI', 1, 'idel-injection-im'), act('AMI', 1.5, 'idel-prelevement')] }),
    lines: ['AMI 150 100 473', 'AMI 100 100 315', 'F 100 100 850', 'IFD 100 100 275', 'IKP 1000 100 350'], total: 2263, explains: ['F : dimanche, urgence justifiée', 'prise de sang à taux plein'] },
  { name: 'Sunday without emergency nor prescription: no MD, and it says why', source: 'art. 14: only for a justified emergency (CPAM guide; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: SUNDAY, time: '10:30', place: 'domicile', acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'IFD 100 100 275'], total: 905, explains: ['Pas de majoration F (dimanche)'] },
  { name: 'night 21h30 emergency: N 9,15 €', source: 'night 20h–23h 9,15 € (arrêté 2008; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, time: '21:30', place: 'domicile', urgent: true, acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'N 100 100 915', 'MAU 100 100 135', 'IFD 100 100 275'], total: 1640, explains: ['acte de nuit entre 20h et 8h'] },
  { name: 'night act after a call received at 18h30: no night majoration', source: 'art. 14: the call must come between 19h and 7h (CPAM guide; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, time: '21:30', callTime: '18:30', urgent: true, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630'], total: 630, explains: ['l’appel de 18h30 n’a pas été reçu entre 19h et 7h'] },
  { name: 'night act after a call received at 19h45: N', source: 'art. 14: call between 19h and 7h, act between 20h and 8h (BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, time: '21:30', callTime: '19:45', urgent: true, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'N 100 100 915'], total: 1545, explains: ['acte de nuit entre 20h et 8h'] },
  { name: 'deep night 2h emergency: MNP 18,30 €', source: 'night 23h–5h 18,30 € (arrêté 2008; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, time: '02:00', place: 'domicile', urgent: true, acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 315', 'MNP 100 100 1830', 'MAU 100 100 135', 'IFD 100 100 275'], total: 2555, explains: ['entre 23h et 5h'] },
  { name: 'repeated insulin at 6h30 with « exécution de nuit impérative » prescribed', source: 'art. 14B for repeated nurse acts (CPAM guide; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, time: '06:30', place: 'domicile', imperativePrescription: true, acts: [act('AMI', 1, 'idel-insuline-injection')] }), lines: ['AMI 100 100 315', 'N 100 100 915', 'MAU 100 100 135', 'IFD 100 100 275'], total: 1640, explains: ['exécution impérative prescrite'] },
  { name: 'Sunday night: night and Sunday are not cumulable', source: 'art. 14: not cumulable, once per visit (BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: SUNDAY, time: '22:00', urgent: true, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'N 100 100 915'], total: 1545, explains: ['ne se cumulent pas'] },
  { name: 'Saturday 10h emergency call: Sunday majoration from Saturday 8h', source: 'convention annex I, emergency calls from Saturday 8h (BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: SATURDAY, time: '10:00', urgent: true, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'F 100 100 850'], total: 1480, explains: ['samedi après 8h'] },
  { name: '14 July emergency: holiday majoration', source: 'art. 14 « dimanche et jours fériés »; 14 Jul (Code du travail L3133-1; BILLING-RULES §6)', setup: 'idel',
    visit: visit({ date: '2026-07-14', time: '11:00', urgent: true, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'F 100 100 850'], total: 1480, explains: ['jour férié (Fête Nationale)'] },
  { name: 'Good Friday in Strasbourg: Alsace-Moselle holiday', source: 'Alsace-Moselle adds Good Friday (BILLING-RULES §6, « à vérifier » for the NGAP)', setup: 'idel-alsace',
    visit: visit({ date: '2026-04-03', time: '11:00', urgent: true, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 630', 'F 100 100 850'], total: 1480, explains: ['jour férié (Vendredi Saint)'] },
  // — MCI, MIE —
  { name: 'palliative care at home: MCI 5,00 €', source: 'MCI 5,00 € from 27/05/2012 (onsil.fr; BILLING-RULES §4, §9)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', coordination: 'palliatif', acts: [act('AIS', 3, 'idel-ais-3')] }), lines: ['AIS 300 100 795', 'MCI 100 100 500', 'IFD 100 100 275'], total: 1570, explains: ['MCI : soins palliatifs'] },
  { name: 'heavy complex dressing: MCI', source: 'MCI for a heavy and complex dressing (onsil.fr; BILLING-RULES §4)', setup: 'idel',
    visit: visit({ date: TUESDAY, place: 'domicile', coordination: 'pansement-complexe', acts: [act('AMI', 4, 'idel-pansement-lourd')] }), lines: ['AMI 400 100 1260', 'MCI 100 100 500', 'IFD 100 100 275'], total: 2035, explains: ['MCI : pansement lourd et complexe'] },
  { name: 'child under 7: MIE (value « à vérifier »)', source: 'MIE child under 7, 3,15 € unverified (laruche/orisha; BILLING-RULES §4)', setup: 'idel', child: true,
    visit: visit({ date: TUESDAY, acts: [act('AMI', 1, 'idel-injection-im')] }), lines: ['AMI 100 100 315', 'MAU 100 100 135', 'MIE 100 100 315'], total: 765, explains: ['MIE : enfant de moins de 7 ans', 'Tarif à vérifier'] },
  // — DOM —
  { name: 'DOM home visit: AMI 3,30 €', source: 'DOM AMI 3,30 € (onsil.fr; BILLING-RULES §4, §9); IFD 2,75 €', setup: 'idel-dom',
    visit: visit({ date: TUESDAY, place: 'domicile', acts: [act('AMI', 1, 'idel-injection-sc')] }), lines: ['AMI 100 100 330', 'MAU 100 100 135', 'IFD 100 100 275'], total: 740, explains: ['IFD'] },
  { name: 'DOM AIS 3 + pansement lourd: AIS 2,70 €, AMI 3,30 €', source: 'DOM AIS 2,70 € (arrêté 2008; BILLING-RULES §4, §9); chap. I art. 11', setup: 'idel-dom',
    visit: visit({ date: TUESDAY, acts: [act('AIS', 3, 'idel-ais-3'), act('AMI', 4, 'idel-pansement-lourd')] }), lines: ['AMI 400 100 1320', 'AIS 300 100 810'], total: 2130, explains: ['cumulables à taux plein'] },
  { name: 'DOM IK plaine 6 km: 8 km × 0,35 €', source: 'DOM IK plaine 0,35 € (BILLING-RULES §4); art. 13 deduction', setup: 'idel-dom',
    visit: visit({ date: TUESDAY, place: 'domicile', distanceKm: 6, acts: [act('AMI', 2, 'idel-pansement-simple')] }), lines: ['AMI 200 100 660', 'IFD 100 100 275', 'IKP 800 100 280'], total: 1215, explains: ['12 km aller-retour'] },
  { name: 'DOM BSA forfait: 13,25 €', source: 'DOM BSA 13,25 € (laruche; BILLING-RULES §4)', setup: 'idel-dom',
    visit: visit({ date: TUESDAY, acts: [act('BSA', 1, 'idel-bsa')] }), lines: ['BSA 100 100 1325'], total: 1325, explains: ['forfait journalier BSI'] },
  // — Kinés —
  { name: 'kiné 8,1 at 2,21 € = 17,90 €', source: '8,1 × 2,21 = 17,90 € (BILLING-RULES §5: take the published amount)', setup: 'mk',
    visit: visit({ date: '2025-08-01', acts: [act('DRA', 8.1)] }), lines: ['DRA 810 100 1790'], total: 1790, explains: ['une cotation par séance'] },
  { name: 'kiné 7,5 typed on 01/08/2025 stays 7,5: the 01/07/2025 step was suspended', source: 'comité d’alerte 18/06/2025, measures applied from 01/01/2026 (egora.fr; questions.assemblee-nationale.fr q17-8388QE; BILLING-RULES §10)', setup: 'mk',
    visit: visit({ date: '2025-08-01', acts: [act('DRA', 7.5)] }), lines: ['DRA 750 100 1658'], total: 1658, explains: ['DRA 7,5 à 100 %'] },
  { name: 'kiné 7,5 before 1 Jul 2025 = 16,58 €', source: '7,5 × 2,21 = 16,575 → 16,58 € as published (BILLING-RULES §5)', setup: 'mk',
    visit: visit({ date: '2025-06-30', acts: [act('DRA', 7.5)] }), lines: ['DRA 750 100 1658'], total: 1658, explains: ['DRA 7,5 à 100 %'] },
  { name: 'kiné TER 9,49 typed on 15 Jul 2026 is billed TER 9,79 (avenant 8: 28/05/2026)', source: 'avenant 8, JO 19/12/2025 (maisondeskines.com); SNMKR tableau NGAP v19 « TER 9.49 -> 9.79 »; BILLING-RULES §10', setup: 'mk',
    visit: visit({ date: '2026-07-15', acts: [act('TER', 9.49)] }), lines: ['TER 979 100 2164'], total: 2164, explains: ['TER 9,49 porté à TER 9,79'] },
  { name: 'kiné art. 4 neuromuscular 10 → 11 on 1 Sep 2026 (not 12)', source: 'avenant 7 art. 4: 10 → 11 and 11 → 12 on 01/09/2026 (BILLING-RULES §5)', setup: 'mk',
    visit: visit({ date: '2026-09-15', acts: [act('NMI', 10)] }), lines: ['NMI 1100 100 2431'], total: 2431, explains: ['NMI 10 porté à NMI 11'] },
  { name: 'kiné balnéothérapie supplement AMK 1,2 becomes 2,5 on 1 Jan 2026', source: 'avenant 7: balnéo supplements 1,2 → 2,5 and 2,2 → 3,5, suspended to 01/01/2026 (SNMKR FAQ; egora.fr; BILLING-RULES §10)', setup: 'mk',
    visit: visit({ date: '2026-02-02', acts: [act('AMK', 1.2)] }), lines: ['AMK 250 100 553'], total: 553, explains: ['AMK 1,2 porté à AMK 2,5'] },
  { name: 'kiné: one cotation per session', source: 'NGAP titre XIV: no second cotation in one session (CPAM deck; BILLING-RULES §5)', setup: 'mk',
    visit: visit({ date: '2025-08-01', acts: [act('DRA', 8.1), act('NMI', 9.5)] }), lines: ['NMI 950 100 2100'], total: 2100, explains: ['DRA 8,1 non facturé : une seule cotation par séance'] },
  { name: 'kiné: two sessions the same day with two prescriptions and two regions', source: 'UNCAM decision 14/12/2023, derogation from art. 11B (juriblio; BILLING-RULES §5)', setup: 'mk',
    visit: visit({ date: '2025-08-01', twoSessionsJustified: true, acts: [act('ARL', 8.1, undefined, 1), act('DRA', 8.1, undefined, 2)] }), lines: ['ARL 810 100 1790', 'DRA 810 100 1790'], total: 3580, explains: ['seconde séance du jour'] },
  { name: 'kiné home visit 2025: IFD 2,50 € + IK 0,38 €', source: 'kiné IFD 2,50 €, IK plaine 0,38 € (ordremk.fr; BILLING-RULES §9); art. 13', setup: 'mk',
    visit: visit({ date: '2025-08-01', place: 'domicile', distanceKm: 5, acts: [act('DRA', 8.1)] }), lines: ['DRA 810 100 1790', 'IFD 100 100 250', 'IKP 600 100 228'], total: 2268, explains: ['IFD', '= 6 km'] },
  { name: 'kiné IFD before 1 Jul 2025 (the corrected row)', source: 'kiné IFD 2,50 € since 2012 (ordremk.fr; BILLING-RULES §9)', setup: 'mk',
    visit: visit({ date: '2024-06-03', place: 'domicile', acts: [act('DRA', 7.5)] }), lines: ['DRA 750 100 1658', 'IFD 100 100 250'], total: 1908, explains: ['IFD'] },
  { name: 'kiné specific travel fee IFS 4,00 € after 1 Jul 2025', source: 'IFS 4,00 € (SNMKR FAQ; BILLING-RULES §5)', setup: 'mk',
    visit: visit({ date: '2025-08-01', place: 'domicile', acts: [act('DRA', 8.1), act('IFS')] }), lines: ['DRA 810 100 1790', 'IFS 100 100 400'], total: 2190, explains: ['IFS : indemnité de déplacement spécifique'] },
  { name: 'kiné specific travel fee IFO 4,00 € before 1 Jul 2025', source: 'IFO/IFR/IFN/IFP 4,00 € before 01/07/2025 (ordremk.fr; BILLING-RULES §9)', setup: 'mk',
    visit: visit({ date: '2025-06-30', place: 'domicile', acts: [act('DRA', 7.5), act('IFO')] }), lines: ['DRA 750 100 1658', 'IFO 100 100 400'], total: 2058, explains: ['IFO'] },
  { name: 'kiné Sunday emergency: 7,62 €', source: 'kiné Sunday/holiday 7,62 €, justified emergency only (ordremk.fr; BILLING-RULES §9)', setup: 'mk',
    visit: visit({ date: SUNDAY, time: '11:00', urgent: true, acts: [act('ARL', 8.1)] }), lines: ['ARL 810 100 1790', 'F 100 100 762'], total: 2552, explains: ['F : dimanche'] },
  { name: 'kiné night emergency: 9,15 €', source: 'kiné night 9,15 € (ordremk.fr; BILLING-RULES §9)', setup: 'mk',
    visit: visit({ date: TUESDAY, time: '21:00', urgent: true, acts: [act('ARL', 8.1)] }), lines: ['ARL 810 100 1790', 'N 100 100 915'], total: 2705, explains: ['acte de nuit'] },
  { name: 'kiné DOM: key letter 2,43 €', source: 'DOM kiné key letter 2,43 € (blueback.fr, avenant 7; BILLING-RULES §5, §9)', setup: 'mk-dom',
    visit: visit({ date: '2025-08-01', acts: [act('DRA', 8.1)] }), lines: ['DRA 810 100 1968'], total: 1968, explains: ['DRA 8,1'] },
];

describe('cotation cases, to the cent, through the API', () => {
  it('has at least 40 real cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  for (const c of cases) {
    it(`${c.name} — ${c.source}`, async () => {
      const inv = await price(c.setup, c.visit, c.child ? child : adult);
      expect(summary(inv)).toEqual(c.lines);
      expect(inv.totalCents).toBe(c.total);
      for (const e of c.explains) expect(says(inv)).toMatch(e);
      for (const l of inv.lines) expect(l.ngapArticle).toMatch(/NGAP|UNCAM/);
    });
  }
});

/** Bad visits: a French message and nothing changes (NGAP art. 14, art. 13, titre XIV; BILLING-RULES §4, §5). */
describe('bad visits are refused and change nothing', () => {
  const bad: { name: string; setup: Setup; visit: VisitIn; message: RegExp }[] = [
    { name: 'MD typed on a Tuesday', setup: 'idel', visit: visit({ date: TUESDAY, time: '10:00', urgent: true, acts: [act('AMI', 1), act('F')] }), message: /Majoration F refusée : la visite a lieu le mardi 24\/11\/2026 à 10h/ },
    { name: 'MD typed on a Sunday without its condition', setup: 'idel', visit: visit({ date: SUNDAY, time: '10:00', acts: [act('AMI', 1), act('F')] }), message: /Majoration refusée\. Pas de majoration F \(dimanche\) : il faut une urgence justifiée/ },
    { name: 'MN typed without an hour', setup: 'idel', visit: visit({ date: TUESDAY, urgent: true, acts: [act('AMI', 1), act('N')] }), message: /heure non indiquée/ },
    { name: 'IK typed without distance', setup: 'idel', visit: visit({ date: TUESDAY, place: 'domicile', acts: [act('AMI', 1), act('IK')] }), message: /IK refusées : indiquez la distance aller/ },
    { name: 'IFD at the office', setup: 'idel', visit: visit({ date: TUESDAY, acts: [act('AMI', 1), act('IFD')] }), message: /la visite a lieu au cabinet/ },
    { name: 'MAU with two acts', setup: 'idel', visit: visit({ date: TUESDAY, acts: [act('AMI', 1), act('AMI', 1.5), act('MAU')] }), message: /MAU refusée/ },
    { name: 'MCI « pansement complexe » without the dressing', setup: 'idel', visit: visit({ date: TUESDAY, coordination: 'pansement-complexe', acts: [act('AMI', 1)] }), message: /ne comporte pas de pansement lourd/ },
    { name: 'MIE for an adult', setup: 'idel', visit: visit({ date: TUESDAY, acts: [act('AMI', 1), act('MIE')] }), message: /MIE refusée : le patient a 38 ans/ },
    { name: 'Good Friday MD in Paris (not a holiday there)', setup: 'idel', visit: visit({ date: '2026-04-03', time: '11:00', urgent: true, acts: [act('AMI', 2), act('F')] }), message: /ni de nuit/ },
    { name: 'kiné two sessions without two prescriptions and regions', setup: 'mk', visit: visit({ date: '2025-08-01', acts: [act('ARL', 8.1, undefined, 1), act('DRA', 8.1, undefined, 2)] }), message: /Deux séances le même jour/ },
    { name: 'kiné AMK 6 after its removal', setup: 'mk', visit: visit({ date: '2026-02-02', acts: [act('AMK', 6)] }), message: /AMK 6 n’existe plus depuis le 01\/01\/2026/ },
    { name: 'kiné MAU', setup: 'mk', visit: visit({ date: '2025-08-01', acts: [act('ARL', 8.1), act('MAU')] }), message: /majoration infirmière/ },
    { name: 'a code unknown to the profession', setup: 'mk', visit: visit({ date: '2025-08-01', acts: [act('AIS', 3)] }), message: /Code « AIS » inconnu/ },
    { name: 'a visit in the future', setup: 'idel', visit: visit({ date: '2026-11-26', acts: [act('AMI', 1)] }), message: /dans le futur/ },
  ];
  for (const b of bad) {
    it(b.name, async () => {
      const draft = await t.call('invoices/create-draft', { practitionerId: practitioners[b.setup]!, patientId: adult });
      const goodAct = b.setup === 'mk' ? act('DRA', 8.1) : act('AMI', 2);
      const good = await t.call('invoices/update-draft', { invoiceId: draft.id, visits: [visit({ date: TUESDAY, acts: [goodAct] })] });
      const error = await t.fails('invoices/update-draft', { invoiceId: draft.id, visits: [b.visit] });
      expect(error.code).toBe('invalid-input');
      expect(error.message_fr).toMatch(b.message);
      expect(await t.call('invoices/get', { id: draft.id })).toEqual(good);
    });
  }

  it('a malformed hour is refused by the schema in French', async () => {
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioners.idel!, patientId: adult });
    const error = await t.fails('invoices/update-draft', { invoiceId: draft.id, visits: [visit({ date: TUESDAY, time: '25:00', acts: [act('AMI', 1)] })] });
    expect(error).toMatchObject({ code: 'invalid-input', message_fr: 'Heure : au format hh:mm (par exemple 07:30).' });
  });
});
