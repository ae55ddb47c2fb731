/**
 * The derogations and majorations corrected by issue 18, each on a real case with its source (BILLING-RULES §10 and
 * the issue-18 research): MAU never with MCI, MIE from 01/01/2020 and never with MCI, vaccination at home at full rate,
 * the kiné Saturday emergency from 12 h, the insulin group counted as one act.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import type { Invoice } from '../../../core/domain/types.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';

type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];
let t: TestBackend;
let nurse = 0;
let kine = 0;
let adult = 0;
let child = 0;
let toddler = 0;
beforeAll(async () => {
  t = makeTestBackend('2026-11-25');
  nurse = (await t.call('practitioners/create', buildPractitionerInput())).id;
  kine = (await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', amNumber: '751234568' }))).id;
  adult = (await t.call('patients/create', buildPatientInput())).id;
  child = (await t.call('patients/create', buildPatientInput({ firstName: 'Awa', birthDate: '2016-02-10' }))).id;
  toddler = (await t.call('patients/create', buildPatientInput({ firstName: 'Inès', birthDate: '2022-03-01' }))).id;
});
afterAll(() => t.dispose());

const visit = (v: Partial<VisitIn> & { date: string; acts: VisitIn['acts'] }): VisitIn => ({
  time: null, callTime: null, place: 'cabinet', householdRank: 1, distanceKm: null, urgent: false, imperativePrescription: false,
  coordination: 'aucune', twoSessionsJustified: false, r251Procedure: false, ...v,
});
async function price(practitionerId: number, v: VisitIn, patientId = adult): Promise<Invoice> {
  const draft = await t.call('invoices/create-draft', { practitionerId, patientId });
  return t.call('invoices/update-draft', { invoiceId: draft.id, visits: [v] });
}
const summary = (inv: Invoice) => inv.lines.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent} ${l.amountCents}`);
const says = (inv: Invoice) => [...inv.lines.map((l) => l.explanation ?? ''), ...inv.visits.flatMap((v) => [...v.explanations, ...v.dropped.map((d) => d.explanation)])].join('\n');

describe('majorations (BILLING-RULES §10)', () => {
  it('MAU never with MCI: a single AMI 1 in palliative care at home gets MCI, not MAU (art. 23.1; décision 18/07/2019, juriblio art. 2)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', place: 'domicile', coordination: 'palliatif', acts: [{ key: 'idel-injection-sc', code: 'AMI', coefficient: 1 }] }));
    expect(summary(inv)).toEqual(['AMI 100 100 315', 'MCI 100 100 500', 'IFD 100 100 275']);
    expect(says(inv)).toContain('Pas de MAU : elle ne se cumule jamais avec la MCI');
  });

  it('MAU for a single AMI 1,25 (≤ 1,5 since the 2019 text), not for an AMX (dependence context)', async () => {
    expect(summary(await price(nurse, visit({ date: '2026-11-24', acts: [{ key: 'idel-soins-bouche', code: 'AMI', coefficient: 1.25 }] })))).toEqual(['AMI 125 100 394', 'MAU 100 100 135']);
    expect(summary(await price(nurse, visit({ date: '2026-11-24', acts: [{ code: 'AMX', coefficient: 1 }] })))).toEqual(['AMX 100 100 315']);
  });

  it('MAU before 01/12/2019 only for an AMI 1 or 1,5 (décision UNCAM du 20/12/2011, art. 23.1: « acte unique de cotation AMI 1 ou 1,5 »; actusoins.com 2012; CPAM « Facturer les actes infirmiers »)', async () => {
    const early = await price(nurse, visit({ date: '2018-06-12', acts: [{ key: 'idel-soins-bouche', code: 'AMI', coefficient: 1.25 }] }));
    expect(summary(early)).toEqual(['AMI 125 100 394']);
    expect(says(early)).toContain('AMI 1 ou AMI 1,5');
    expect(summary(await price(nurse, visit({ date: '2018-06-12', acts: [{ key: 'idel-prelevement', code: 'AMI', coefficient: 1.5 }] })))).toEqual(['AMI 150 100 473', 'MAU 100 100 135']);
    expect(summary(await price(nurse, visit({ date: '2019-12-02', acts: [{ key: 'idel-soins-bouche', code: 'AMI', coefficient: 1.25 }] })))).toEqual(['AMI 125 100 394', 'MAU 100 100 135']);
  });

  it('IFI 2,50 € before 28/01/2024, 2,75 € from then (fni.fr: « l’IFD et l’IFI passent donc de 2,5 € à 2,75 € » on 28/01/2024, avenant 10)', async () => {
    const home = (date: string) => visit({ date, place: 'domicile', acts: [{ code: 'AMX', coefficient: 1 }] });
    expect(summary(await price(nurse, home('2023-06-15')))).toEqual(['AMX 100 100 315', 'IFI 100 100 250']);
    expect(summary(await price(nurse, home('2024-01-29')))).toEqual(['AMX 100 100 315', 'IFI 100 100 275']);
  });

  it('MIE from 01/01/2020 (avenant 6; espaceinfirmier.fr ILM 359): none on 31/12/2019, 3,15 € on 02/01/2020, none beside MCI', async () => {
    const before = await price(nurse, visit({ date: '2019-12-31', acts: [{ key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }] }), child);
    expect(summary(before)).toEqual(['AMI 200 100 630']);
    expect(says(before)).toContain('existe depuis le 01/01/2020');
    expect(summary(await price(nurse, visit({ date: '2020-01-02', acts: [{ key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }] }), child))).toEqual(['AMI 200 100 630', 'MIE 100 100 315']);
    const palliative = await price(nurse, visit({ date: '2026-11-24', place: 'domicile', coordination: 'palliatif', acts: [{ key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }] }), toddler);
    expect(summary(palliative)).toEqual(['AMI 200 100 630', 'MCI 100 100 500', 'IFD 100 100 275']);
    expect(says(palliative)).toContain('Pas de MIE : elle ne se cumule pas avec la MCI');
  });

  it('kiné emergency on a Saturday: F 7,62 € from 12 h, not at 11 h (snmkr.fr « majorations en détail »; ordremk.fr)', async () => {
    const morning = await price(kine, visit({ date: '2026-11-21', time: '11:00', urgent: true, acts: [{ key: 'mk-lombalgie', code: 'RAM', coefficient: 8.09 }] }));
    expect(summary(morning)).toEqual(['RAM 809 100 1788']);
    const afternoon = await price(kine, visit({ date: '2026-11-21', time: '13:00', urgent: true, acts: [{ key: 'mk-lombalgie', code: 'RAM', coefficient: 8.09 }] }));
    expect(summary(afternoon)).toEqual(['RAM 809 100 1788', 'F 100 100 762']);
    expect(says(afternoon)).toContain('samedi après 12h, appel urgent');
  });
});

describe('art. 11B derogations (BILLING-RULES §10)', () => {
  it('vaccination at home at full rate beside a pansement; at the office it is the 2nd act at 50 % (URPS Occitanie; ameli)', async () => {
    const acts = [{ key: 'idel-vaccin', code: 'AMI', coefficient: 2.4 }, { key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }];
    const home = await price(nurse, visit({ date: '2026-11-24', place: 'domicile', acts }));
    expect(summary(home)).toEqual(['AMI 240 100 756', 'AMI 200 100 630', 'IFD 100 100 275']);
    expect(says(home)).toContain('vaccination au domicile du patient, à taux plein');
    expect(summary(await price(nurse, visit({ date: '2026-11-24', acts })))).toEqual(['AMI 240 100 756', 'AMI 200 50 315']);
  });

  it('the insulin group counts as ONE act: surveillance + injection (AMI 2 together) beside a pansement lourd AMI 4 → the group at 50 % (CPAM guide; CPAM Tours)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [
      { key: 'idel-insuline-surveillance', code: 'AMI', coefficient: 1 }, { key: 'idel-insuline-injection', code: 'AMI', coefficient: 1 }, { key: 'idel-pansement-lourd', code: 'AMI', coefficient: 4 },
    ] }));
    expect(summary(inv)).toEqual(['AMI 400 100 1260', 'AMI 100 50 158', 'AMI 100 50 158']);
    expect(says(inv)).toContain('compté comme un seul acte en second rang');
  });

  it('perfusion forfaits add up; a third, non-perfusion act after the 2nd is not billed (JORFTEXT000029522660; ILM 327)', async () => {
    const inv = await price(nurse, visit({ date: '2026-11-24', acts: [
      { key: 'idel-perfusion-longue', code: 'AMI', coefficient: 14 }, { key: 'idel-perfusion-heure', code: 'AMI', coefficient: 6 },
      { key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }, { key: 'idel-injection-sc', code: 'AMI', coefficient: 1 },
    ] }));
    expect(summary(inv)).toEqual(['AMI 1400 100 4410', 'AMI 600 100 1890', 'AMI 200 50 315']);
    expect(says(inv)).toContain('AMI 1 non facturé');
  });
});
