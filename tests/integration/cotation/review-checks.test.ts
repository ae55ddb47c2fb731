/**
 * Checks before Imprimer found missing by the review of the cotation engine (issue #7): lines typed by hand
 * (« saisie libre ») go through the visit rules, one sitting per act date; the AME code contrat is normalised
 * and an unknown one is reported. Sources cited per case (BILLING-RULES.md §2, §4, §5, §9).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_2, type TestBackend } from '../../helpers/test-backend.ts';

type LineIn = NonNullable<MethodInput<'invoices/update-draft'>['lines']>[number];
type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];

let t: TestBackend;
beforeEach(() => (t = makeTestBackend('2026-11-25')));
afterEach(() => t.dispose());

const line = (code: string, coefficient = 1, actDate = '2026-11-24', quantity = 1): LineIn => ({ actDate, code, coefficient, quantity });

async function typedDraft(profession: 'infirmier' | 'masseur-kinesitherapeute', lines: LineIn[]) {
  const p = await t.call('practitioners/create', buildPractitionerInput({ profession }));
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2 }));
  const draft = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
  await t.call('invoices/update-draft', { invoiceId: draft.id, lines });
  return draft.id;
}
const blocking = async (id: number) => (await t.call('invoices/checks', { id })).filter((p) => p.level === 'block').map((p) => p.message_fr);

describe('#4 typed lines go through the visit rules before Imprimer (one sitting per act date)', () => {
  it('AMI 2 + AMI 1,5 the same day at full rate is blocked: 11B expects 630 + 236, not 630 + 473 (NGAP art. 11B; CPAM guide)', async () => {
    const id = await typedDraft('infirmier', [line('AMI', 2), line('AMI', 1.5)]);
    expect(await blocking(id)).toEqual([expect.stringContaining('Le 24/11/2026, AMI 2, AMI 1,5 sont saisis : pour plusieurs actes')]);
    const error = await t.fails('invoices/validate', { invoiceId: id });
    expect(error.message_fr).toContain('« Saisie par visite »');
    expect((await t.call('invoices/get', { id })).status).toBe('draft');
  });

  it('the second act typed at 50 % passes and is priced 630 + 236 = 866; a third act, a lone 50 % line or a kiné 50 % line is blocked (NGAP art. 11B; CPAM guide)', async () => {
    const ok = await typedDraft('infirmier', [line('AMI', 2), { ...line('AMI', 1.5), ratePercent: 50 }]);
    expect((await t.call('invoices/get', { id: ok })).lines.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent} ${l.amountCents}`)).toEqual(['AMI 200 100 630', 'AMI 150 50 236']);
    expect(await t.call('invoices/checks', { id: ok })).toEqual([]);
    const third = await typedDraft('infirmier', [line('AMI', 2), { ...line('AMI', 1.5), ratePercent: 50 }, line('AMI', 1)]);
    expect(await blocking(third)).toEqual([expect.stringContaining('Le 24/11/2026, AMI 2, AMI 1,5/2, AMI 1 sont saisis')]);
    const lone = await typedDraft('infirmier', [{ ...line('AMI', 1.5), ratePercent: 50 }]);
    expect(await blocking(lone)).toEqual([expect.stringContaining('AMI 1,5/2')]);
    const higher = await typedDraft('infirmier', [line('AMI', 1), { ...line('AMI', 2), ratePercent: 50 }]);
    expect(await blocking(higher)).toHaveLength(1);
    const kine = await typedDraft('masseur-kinesitherapeute', [{ ...line('DRA', 8.1), ratePercent: 50 }]);
    expect(await blocking(kine)).toEqual([expect.stringContaining('DRA 8,1/2 : le taux de 50 % ne concerne que le second acte infirmier')]);
  });

  it('the same acts on two days pass: each day is its own sitting', async () => {
    const id = await typedDraft('infirmier', [line('AMI', 2, '2026-11-23'), line('AMI', 1.5, '2026-11-24')]);
    expect(await t.call('invoices/checks', { id })).toEqual([]);
  });

  it('IFD twice the same day is blocked (NGAP art. 13: once per visit and household)', async () => {
    const id = await typedDraft('infirmier', [line('AMI', 2), line('IFD'), line('IFD')]);
    expect(await blocking(id)).toEqual([expect.stringContaining('indemnité de déplacement saisie plusieurs fois (IFD, IFD)')]);
    const qty = await typedDraft('infirmier', [line('AMI', 2), line('IFD', 1, '2026-11-24', 2)]);
    expect(await blocking(qty)).toHaveLength(1);
  });

  it('MAU beside AMI 1 × 2 is refused at save (MAU for a single AMI 1 or 1,5; CPAM guide art. 23.1)', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
    const error = await t.fails('invoices/update-draft', { invoiceId: draft.id, lines: [line('AMI', 1, '2026-11-24', 2), line('MAU')] });
    expect(error.message_fr).toContain('MAU refusée');
  });

  it('F typed on a Sunday, MCI and MIE for an adult are blocked: their condition cannot be typed (NGAP art. 14; avenant 3)', async () => {
    const id = await typedDraft('infirmier', [line('AMI', 2, '2026-11-22'), line('F', 1, '2026-11-22'), line('MCI', 1, '2026-11-22'), line('MIE', 1, '2026-11-22')]);
    const messages = await blocking(id);
    expect(messages).toEqual([
      expect.stringContaining('Le 22/11/2026, F : l\'urgence justifiée'),
      expect.stringContaining('Le 22/11/2026, MCI : la coordination'),
      expect.stringContaining('MIE refusée'),
    ]);
  });

  it('kiné TER 9,49 on 02/06/2026 is refused with TER 9,79 (avenant 8: 28/05/2026; SNMKR tableau NGAP v19)', async () => {
    const id = await typedDraft('masseur-kinesitherapeute', [line('TER', 9.49, '2026-06-02')]);
    expect(await blocking(id)).toEqual([expect.stringContaining('Le 02/06/2026, TER 9,49 n\'est plus en vigueur : saisissez TER 9,79 (avenants 7 et 8).')]);
  });

  it('kiné AMK 6 after 01/01/2026 is refused (avenant 7; SNMKR FAQ)', async () => {
    const id = await typedDraft('masseur-kinesitherapeute', [line('AMK', 6, '2026-02-02')]);
    expect(await blocking(id)).toEqual([expect.stringContaining('AMK 6 n’existe plus depuis le 01/01/2026')]);
  });

  it('kiné DRA + ARL the same day is blocked; DRA + balnéothérapie supplement AMK 2,5 passes (NGAP titre XIV: one cotation per session)', async () => {
    const two = await typedDraft('masseur-kinesitherapeute', [line('DRA', 8.1, '2025-08-01'), line('ARL', 8.1, '2025-08-01')]);
    expect(await blocking(two)).toEqual([expect.stringContaining('une seule cotation par séance de kinésithérapie')]);
    const balneo = await typedDraft('masseur-kinesitherapeute', [line('DRA', 8.1, '2026-02-02'), line('AMK', 2.5, '2026-02-02')]);
    expect(await t.call('invoices/checks', { id: balneo })).toEqual([]);
  });
});

describe('#7 AME code contrat (seed 004; BILLING-RULES §2, §9)', () => {
  const visit: VisitIn = {
    date: '2026-11-24', time: null, callTime: null, place: 'cabinet', householdRank: 1, distanceKm: null, urgent: false, imperativePrescription: false,
    coordination: 'aucune', twoSessionsJustified: false, r251Procedure: true, acts: [{ code: 'DRA', coefficient: 8.1 }],
  };
  async function kineAme(contractCode: string | null) {
    const mk = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute' }));
    const patient = await t.call('patients/create', buildPatientInput({ birthDate: '1970-03-02' }));
    const ame = (await t.call('organisms/list', {})).find((o) => o.isAme)!;
    const coverage = await t.call('coverages/add', { patientId: patient.id, organismId: ame.id, startDate: '2026-08-25', endDate: '2027-08-24', contractCode });
    const draft = await t.call('invoices/create-draft', { practitionerId: mk.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, visits: [visit] });
    await t.call('invoices/set-ame', { invoiceId: draft.id, ame: true });
    return { coverage, problems: await t.call('invoices/checks', { id: draft.id }) };
  }

  it('« 4 » is stored as « 04 » and gets the carence warning', async () => {
    const { coverage, problems } = await kineAme('4');
    expect(coverage.contractCode).toBe('04');
    expect(problems).toEqual([expect.objectContaining({ level: 'warn', code: 'ame-carence' })]);
  });

  it('no code contrat, or one that is not 04/05/06, on an R251-3 kiné session → « code contrat inconnu » warning', async () => {
    for (const code of [null, '7']) {
      const { problems } = await kineAme(code);
      expect(problems).toEqual([expect.objectContaining({ level: 'warn', code: 'ame-contract-unknown', message_fr: expect.stringContaining("vérifiez l'attestation AME (04, 05 ou 06)") })]);
    }
  });
});
