/**
 * Checks before Imprimer (issue #7 §4) and the immutability of priced invoices, through the API.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/api/contract.ts';
import type { Invoice } from '../../../core/domain/types.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_2, type TestBackend } from '../../helpers/test-backend.ts';

type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];
const visit = (v: Partial<VisitIn> & { date: string; acts: VisitIn['acts'] }): VisitIn => ({
  time: null, callTime: null, place: 'cabinet', householdRank: 1, distanceKm: null, urgent: false, imperativePrescription: false,
  coordination: 'aucune', twoSessionsJustified: false, r251Procedure: false, ...v,
});

let t: TestBackend;
beforeEach(() => (t = makeTestBackend('2026-11-25')));
afterEach(() => t.dispose());

async function kineAmeDraft(contractCode: string, rightsStart: string, patientBirth = '1970-03-02') {
  const mk = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute' }));
  const patient = await t.call('patients/create', buildPatientInput({ birthDate: patientBirth }));
  const ame = (await t.call('organisms/list', {})).find((o) => o.isAme)!;
  await t.call('coverages/add', { patientId: patient.id, organismId: ame.id, startDate: rightsStart, endDate: '2027-08-24', contractCode });
  const draft = await t.call('invoices/create-draft', { practitionerId: mk.id, patientId: patient.id });
  await t.call('invoices/update-draft', { invoiceId: draft.id, visits: [visit({ date: '2026-11-24', r251Procedure: true, acts: [{ code: 'DRA', coefficient: 8.1 }] })] });
  await t.call('invoices/set-ame', { invoiceId: draft.id, ame: true });
  return draft.id;
}

describe('AME 9-month carence (R251-3 CASF; code contrat, seed 004; BILLING-RULES §2, §9)', () => {
  it('warns for code contrat 04 with rights begun 3 months before a kiné session after a knee prosthesis', async () => {
    const id = await kineAmeDraft('04', '2026-08-25');
    const problems = await t.call('invoices/checks', { id });
    expect(problems).toEqual([
      expect.objectContaining({ level: 'warn', code: 'ame-carence', message_fr: expect.stringContaining('Délai de carence AME : code contrat 04, droits ouverts le 25/08/2026') }),
    ]);
    expect(problems[0]!.message_fr).toContain('Reportez les soins au 25/05/2027 ou obtenez l’accord préalable du service médical');
    const outcome = await t.call('invoices/validate', { invoiceId: id });
    expect(outcome).toMatchObject({ kind: 'checks-warning', problems: [expect.objectContaining({ code: 'ame-carence' })] });
    expect((await t.call('invoices/get', { id })).status).toBe('draft');
    const confirmed = await t.call('invoices/validate', { invoiceId: id, confirmWarnings: true });
    expect(confirmed.kind).toBe('validated');
  });

  it('lets 05 (renewal) and 06 (short interruption) pass', async () => {
    for (const code of ['05', '06']) expect(await t.call('invoices/checks', { id: await kineAmeDraft(code, '2026-08-25') })).toEqual([]);
  });

  it('lets 04 pass once the 9 months are over, and for a minor', async () => {
    expect(await t.call('invoices/checks', { id: await kineAmeDraft('04', '2026-02-20') })).toEqual([]);
    expect(await t.call('invoices/checks', { id: await kineAmeDraft('04', '2026-08-25', '2012-01-01') })).toEqual([]);
  });
});

describe('checks before Imprimer', () => {
  async function nurseDraft(visits: VisitIn[], prescription?: { date: string; plannedActs?: string; prescribedActs?: string[] }) {
    const idel = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2 }));
    let prescriptionId: number | null = null;
    if (prescription) {
      const prescriber = await t.call('prescribers/create', { lastName: 'Durand', firstName: 'Paul', identifier: '751111111' });
      prescriptionId = (await t.call('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: prescription.date, plannedActs: prescription.plannedActs ?? null, prescribedActs: prescription.prescribedActs ?? [] })).id;
    }
    const draft = await t.call('invoices/create-draft', { practitionerId: idel.id, patientId: patient.id, prescriptionId });
    await t.call('invoices/update-draft', { invoiceId: draft.id, visits });
    return draft.id;
  }

  it('blocks care dated before the prescription (no invoice number is used)', async () => {
    const id = await nurseDraft([visit({ date: '2026-11-18', acts: [{ code: 'AMI', coefficient: 2 }] })], { date: '2026-11-20' });
    const error = await t.fails('invoices/validate', { invoiceId: id });
    expect(error.message_fr).toBe('Soins du 18/11/2026 antérieurs à la prescription du 20/11/2026 : corrigez la date des soins ou rattachez la bonne prescription.');
    expect((await t.call('invoices/get', { id })).number).toBeNull();
  });

  it('warns for an act not on the prescription and for the same act twice a day', async () => {
    const id = await nurseDraft(
      [visit({ date: '2026-11-23', time: '08:30', acts: [{ code: 'AIS', coefficient: 3 }] }), visit({ date: '2026-11-23', time: '18:00', acts: [{ code: 'AIS', coefficient: 3 }] })],
      { date: '2026-11-20', plannedActs: 'AMI 1 injection matin et soir', prescribedActs: ['AMI'] },
    );
    const messages = (await t.call('invoices/checks', { id })).map((p) => p.message_fr);
    expect(messages).toEqual([
      'AIS n’apparaît pas dans les actes prescrits (AMI) : vérifiez que la prescription couvre ces soins.',
      'AIS 3 saisi 2 fois le 23/11/2026 : vérifiez que la prescription prévoit 2 passages ce jour-là, sinon supprimez le doublon.',
    ]);
  });

  it('warns when an allowance has no tariff on the date and leaves it out', async () => {
    const id = await nurseDraft([visit({ date: '2012-05-26', acts: [{ code: 'AMI', coefficient: 1 }] })]);
    const invoice = await t.call('invoices/get', { id });
    expect(invoice.lines.map((l) => l.code)).toEqual(['AMI']);
    expect((await t.call('invoices/checks', { id })).map((p) => p.message_fr)).toEqual([
      'MAU non facturé : Aucun tarif « MAU » en vigueur le 26/05/2012 en métropole : ajoutez-le dans Réglages → Tarifs ou vérifiez la date.',
    ]);
  });
});

describe('a validated invoice is never re-priced', () => {
  it('keeps its lines, explanations and totals whatever tariffs are added or visits sent afterwards', async () => {
    const idel = await t.call('practitioners/create', buildPractitionerInput());
    // Outside the office's commune (Paris): IK are due (NGAP art. 13).
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2, postalCode: '93100', city: 'Montreuil' }));
    const draft = await t.call('invoices/create-draft', { practitionerId: idel.id, patientId: patient.id });
    await t.call('invoices/update-draft', {
      invoiceId: draft.id,
      visits: [visit({ date: '2026-11-22', time: '10:00', place: 'domicile', distanceKm: 7, urgent: true, acts: [{ code: 'AMI', coefficient: 1 }, { code: 'AMI', coefficient: 1.5 }] })],
    });
    const outcome = await t.call('invoices/validate', { invoiceId: draft.id });
    if (outcome.kind !== 'validated') throw new Error(outcome.kind);
    const validated = await t.call('invoices/get', { id: draft.id });
    expect(validated.lines.find((l) => l.ratePercent === 50)?.explanation).toContain('AMI 1/2');
    let day = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('AMI', 'IFD', 'F', 'IKP'), fc.integer({ min: 1, max: 9999 }), async (code, cents) => {
        day += 1;
        const from = new Date(Date.UTC(2026, 9, 1) + day * 86_400_000).toISOString().slice(0, 10);
        await t.call('tariffs/add', { profession: 'infirmier', code, label: `Essai ${code}`, unitCents: cents, effectiveFrom: from });
        const refused = await t.fails('invoices/update-draft', { invoiceId: draft.id, visits: [visit({ date: '2026-11-24', acts: [{ code: 'AMI', coefficient: 2 }] })] });
        expect(refused.code).toBe('invoice-locked');
        expect(await t.call('invoices/get', { id: draft.id })).toEqual(validated);
      }),
      { numRuns: 15 },
    );
    expect(() => t.ctx.db.prepare('UPDATE invoice_visits SET urgent = 0 WHERE invoice_id = ?').run(draft.id)).toThrow(/immutable/);
  });
});

describe('lines typed by hand (saisie libre)', () => {
  it('refuses F typed on a Tuesday, a night majoration without its hour, and MAU beside two acts (NGAP art. 14; CPAM guide art. 23.1)', async () => {
    const idel = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: idel.id, patientId: patient.id });
    const line = (code: string, coefficient = 1, actDate = '2026-11-24') => ({ actDate, code, coefficient, quantity: 1 });
    const md = await t.fails('invoices/update-draft', { invoiceId: draft.id, lines: [line('AMI'), line('F')] });
    expect(md).toMatchObject({ field: 'lines.1.code', message_fr: expect.stringContaining("F refusée : le 24/11/2026 n'est ni un dimanche ni un jour férié") });
    expect((await t.fails('invoices/update-draft', { invoiceId: draft.id, lines: [line('AMI'), line('MN')] })).message_fr).toMatch(/^Acte 2 : MN : l'heure et l'urgence/);
    expect((await t.fails('invoices/update-draft', { invoiceId: draft.id, lines: [line('AMI'), line('AMI', 1.5), line('MAU')] })).message_fr).toMatch(/MAU refusée/);
    const ok = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [line('AMI', 1, '2026-11-22'), line('F', 1, '2026-11-22'), line('MAU', 1, '2026-11-22')] });
    expect(ok.lines.map((l) => `${l.code} ${l.amountCents}`)).toEqual(['AMI 315', 'F 850', 'MAU 135']);
  });
});

describe('any visit the API receives', () => {
  it('is priced or refused with a French message — never an internal error, never a half-saved draft', async () => {
    const idel = await t.call('practitioners/create', buildPractitionerInput());
    const mk = await t.call('practitioners/create', buildPractitionerInput({ profession: 'masseur-kinesitherapeute', amNumber: '751234999' }));
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_2 }));
    const drafts = [
      (await t.call('invoices/create-draft', { practitionerId: idel.id, patientId: patient.id })).id,
      (await t.call('invoices/create-draft', { practitionerId: mk.id, patientId: patient.id })).id,
    ];
    const actArb = fc.record({
      code: fc.constantFrom('AMI', 'AIS', 'AMX', 'BSA', 'DRA', 'NMI', 'AMK', 'IFD', 'IK', 'F', 'N', 'MD', 'MN', 'MNP', 'MAU', 'MCI', 'MIE', 'IFS', 'XYZ'),
      coefficient: fc.oneof(fc.constantFrom(0.01, 1, 1.5, 2, 3, 4, 7.5, 8.1, 9, 9.5, 10), fc.double({ min: -5, max: 150, noNaN: true })),
      session: fc.option(fc.constantFrom(1 as const, 2 as const), { nil: undefined }),
    });
    const visitArb = fc.record({
      date: fc.constantFrom('2009-04-14', '2012-05-27', '2024-01-28', '2025-07-01', '2026-11-22', '2026-11-24', '2026-11-26', '2026-02-30', 'hier'),
      time: fc.option(fc.constantFrom('00:00', '04:59', '05:00', '07:59', '08:00', '19:59', '20:00', '22:59', '23:00', '24:00', '7h')),
      place: fc.constantFrom('cabinet' as const, 'domicile' as const),
      householdRank: fc.integer({ min: 0, max: 25 }),
      distanceKm: fc.option(fc.oneof(fc.constantFrom(0, 0.1, 2, 7.5, 500), fc.double({ min: -1, max: 600, noNaN: true }))),
      urgent: fc.boolean(),
      imperativePrescription: fc.boolean(),
      coordination: fc.constantFrom('aucune' as const, 'palliatif' as const, 'pansement-complexe' as const),
      twoSessionsJustified: fc.boolean(),
      r251Procedure: fc.boolean(),
      acts: fc.array(actArb, { minLength: 0, maxLength: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1), fc.array(visitArb, { minLength: 1, maxLength: 3 }), async (which, visits) => {
        const id = drafts[which]!;
        const before = await t.call('invoices/get', { id });
        const r = await t.dispatch('invoices/update-draft', { invoiceId: id, visits } as never);
        if (r.ok) {
          const saved = r.value as Invoice;
          expect(saved.totalCents).toBe(saved.lines.reduce((s, l) => s + l.amountCents, 0));
          expect(saved.totalCents).toBeGreaterThanOrEqual(0);
        } else {
          expect(r.error.code).toBe('invalid-input');
          expect(r.error.message_fr.length).toBeGreaterThan(10);
          expect(await t.call('invoices/get', { id })).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});
