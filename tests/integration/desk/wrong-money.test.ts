/**
 * Issue #19, items 1–4 (wrong money) through the dispatcher: AME dropped by one click is asked about, the
 * same care billed twice is warned of, the NIR key message never gives the key, and a NIR contradicting
 * the birth date or sex is saved and warned of at Imprimer, never refused (tests/unit/domain/nir-identity.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAmeCoverage, buildPatientInput, buildPractitionerInput, makeTestBackend, NIA_8, NIR_1, nirOf, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // today: 25/11/2026
});
afterEach(() => t.dispose());

const AMI_IFD = [
  { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
  { actDate: '2026-11-20', code: 'IFD', coefficient: 1, quantity: 1 },
];
const audit = async (id: number) => (await t.call('audit/list', { entity: 'invoice', entityId: id })).map((a) => ({ action: a.action, after: a.after }));

describe('1. AME dropped by one click', () => {
  async function ameDraft(nir: string) {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir }));
    await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    const priced = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect(priced.ame).toBe(true); // formatted as AME by the rights on file
    return priced;
  }

  it.each([['an NIA starting with 8', NIA_8], ['a NIR starting with 1', NIR_1]])(
    '%s: AME turned off on a patient whose rights cover the dates → validation asks first; « Non » is recorded and validates non-AME',
    async (_label, nir) => {
      const draft = await ameDraft(nir);
      await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
      const asked = await t.call('invoices/validate', { invoiceId: draft.id });
      expect(asked.kind).toBe('ame-prompt');
      if (asked.kind !== 'ame-prompt') return;
      expect(asked.message_fr).toContain('droits AME');
      expect(asked.message_fr).toContain('du 01/03/2026 au 28/02/2027');
      expect((await t.call('invoices/get', { id: draft.id })).status).toBe('draft');

      const done = await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'non' });
      expect(done.kind).toBe('validated');
      if (done.kind !== 'validated') return;
      expect(done.invoice).toMatchObject({ ame: false, amePromptAnswer: 'non', amoRate: 60 });
      expect((await audit(draft.id)).map((a) => a.action)).toContain('prompt-answer');
    },
  );

  it('« Oui » formats the invoice as AME again: the caisse pays nothing, the patient nothing', async () => {
    const draft = await ameDraft(NIR_1);
    await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('ame-prompt');
    const done = await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'oui' });
    expect(done.kind).toBe('validated');
    if (done.kind === 'validated') expect(done.invoice).toMatchObject({ ame: true, amoRate: 0, amcRate: 100, patientCents: 0, amePromptAnswer: 'oui' });
  });

  it('rights covering only some act dates (a NIR starting with 1): asked too; « Oui » then asks to confirm the dates outside the rights', async () => {
    // Review of #19: the AME by default is withdrawn when one act falls outside the rights, and the question
    // was asked only when every act was covered — the covered acts were billed to the caisse at 60 % silently.
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    await addAmeCoverage(t, patient.id, '2026-03-01', '2026-11-20');
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    const lines = [{ actDate: '2026-11-19', code: 'AMI', coefficient: 1, quantity: 1 }, { actDate: '2026-11-22', code: 'AMI', coefficient: 1, quantity: 1 }];
    expect((await t.call('invoices/update-draft', { invoiceId: draft.id, lines })).ame).toBe(false);
    const asked = await t.call('invoices/validate', { invoiceId: draft.id });
    expect(asked.kind).toBe('ame-prompt');
    if (asked.kind !== 'ame-prompt') return;
    expect(asked.message_fr).toContain('du 01/03/2026 au 20/11/2026');
    expect(asked.message_fr).toContain('une partie des actes');
    expect(asked.message_fr).toContain('22/11/2026');
    const outside = await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'oui' });
    expect(outside.kind).toBe('rights-warning');
    const done = await t.call('invoices/validate', { invoiceId: draft.id, confirmOutsideRights: true });
    expect(done.kind).toBe('validated');
    if (done.kind === 'validated') expect(done.invoice).toMatchObject({ ame: true, amoRate: 0, amePromptAnswer: 'oui', outsideRightsConfirmed: true });
  });

  it('rights covering only some act dates, « Non »: validated non-AME, the answer recorded, not asked again', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    await addAmeCoverage(t, patient.id, '2026-03-01', '2026-11-20');
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-11-19', code: 'AMI', coefficient: 1, quantity: 1 }, { actDate: '2026-11-22', code: 'AMI', coefficient: 1, quantity: 1 }] });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('ame-prompt');
    const done = await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'non' });
    expect(done.kind).toBe('validated');
    if (done.kind === 'validated') expect(done.invoice).toMatchObject({ ame: false, amoRate: 60, amePromptAnswer: 'non' });
    expect((await audit(draft.id)).find((a) => a.action === 'prompt-answer')?.after).toEqual({ amePromptAnswer: 'non' });
  });

  it('a prescription without the AME box, then the AME turned off: asked at Imprimer, and a second Imprimer after « Non » keeps it non-AME without asking', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
    const doctor = await t.call('prescribers/create', { lastName: 'Roux', firstName: 'Anne', identifier: '10101234567' });
    const rx = await t.call('prescriptions/create', { patientId: patient.id, prescriberId: doctor.id, prescriptionDate: '2026-11-01', ame: false });
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id, prescriptionId: rx.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
    // Another draft of the same day: after « Non » the validation stops once more, on the « déjà saisi » warning.
    const other = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: other.id, lines: AMI_IFD });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('ame-prompt');
    expect((await t.call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'non' })).kind).toBe('checks-warning');
    const done = await t.call('invoices/validate', { invoiceId: draft.id, confirmWarnings: true });
    expect(done.kind).toBe('validated');
    if (done.kind === 'validated') expect(done.invoice).toMatchObject({ ame: false, amoRate: 60, amePromptAnswer: 'non' });
  });

  it('rights ended before every act (a NIR starting with 1): nothing to ask', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    await addAmeCoverage(t, patient.id, '2026-01-01', '2026-06-30');
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('validated');
  });

  it('no AME rights on file and a NIR starting with 1: no question (nothing suggests AME)', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('validated');
  });
});

describe('2. the same care billed twice', () => {
  it('warns of every act already on another invoice (validated or draft) of the patient on that date; confirming is recorded', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const first = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: first.id, lines: AMI_IFD });
    const v1 = await t.call('invoices/validate', { invoiceId: first.id });
    expect(v1.kind).toBe('validated');
    const number = v1.kind === 'validated' ? v1.invoice.number : null;

    const second = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: second.id, lines: [...AMI_IFD, { actDate: '2026-11-21', code: 'AMI', coefficient: 1, quantity: 1 }] });
    const checks = await t.call('invoices/checks', { id: second.id });
    const dup = checks.filter((p) => p.code === 'already-billed');
    expect(dup.map((p) => p.message_fr)).toEqual([
      `AMI 1 du 20/11/2026 déjà facturé sur la facture n° ${number}.`,
      `IFD du 20/11/2026 déjà facturé sur la facture n° ${number}.`,
    ]);
    const step = await t.call('invoices/validate', { invoiceId: second.id });
    expect(step.kind).toBe('checks-warning');
    if (step.kind === 'checks-warning') expect(step.problems.filter((p) => p.code === 'already-billed')).toHaveLength(2);

    // A third draft for the same day sees the second (still a draft) too.
    const third = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: third.id, lines: [{ actDate: '2026-11-21', code: 'AMI', coefficient: 1, quantity: 1 }] });
    expect((await t.call('invoices/checks', { id: third.id })).map((p) => p.message_fr)).toContain('AMI 1 du 21/11/2026 déjà saisi sur un brouillon de facture du même patient (non validé).');

    const done = await t.call('invoices/validate', { invoiceId: second.id, confirmWarnings: true });
    expect(done.kind).toBe('validated');
    const validateEntry = (await audit(second.id)).find((a) => a.action === 'validate');
    expect(validateEntry?.after).toMatchObject({ confirmedWarnings: expect.arrayContaining([`AMI 1 du 20/11/2026 déjà facturé sur la facture n° ${number}.`]) });
  });

  it('another act the same day, or the same act at another recorded hour, or another patient: no warning', async () => {
    // Review of #19: the check matched on the key letter alone, so « AMI 4 » was said « déjà facturé » beside an AMI 1.
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const other = await t.call('patients/create', buildPatientInput({ nir: NIA_8, lastName: 'Konaté' }));
    const first = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: first.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }] });
    const second = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: second.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 4, quantity: 1 }] });
    expect((await t.call('invoices/checks', { id: second.id })).filter((p) => p.code === 'already-billed')).toEqual([]);
    const third = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: other.id });
    await t.call('invoices/update-draft', { invoiceId: third.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }] });
    expect((await t.call('invoices/checks', { id: third.id })).filter((p) => p.code === 'already-billed')).toEqual([]);

    // Visits with their hour: the morning insulin and the evening one are two cares; the same hour is the same care.
    const visit = (time: string) => ({
      date: '2026-11-21', time, callTime: null, place: 'cabinet' as const, householdRank: 1, distanceKm: null, urgent: false,
      imperativePrescription: false, coordination: 'aucune' as const, twoSessionsJustified: false, r251Procedure: false,
      acts: [{ code: 'AMI', coefficient: 1 }],
    });
    const morning = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: morning.id, visits: [visit('08:00')] });
    const evening = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: evening.id, visits: [visit('19:30')] });
    expect((await t.call('invoices/checks', { id: evening.id })).filter((p) => p.code === 'already-billed')).toEqual([]);
    const again = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: again.id, visits: [visit('08:00')] });
    expect((await t.call('invoices/checks', { id: again.id })).filter((p) => p.code === 'already-billed').map((p) => p.message_fr)).toEqual([
      'AMI 1 du 21/11/2026 déjà saisi sur un brouillon de facture du même patient (non validé).',
      'MAU du 21/11/2026 déjà saisi sur un brouillon de facture du même patient (non validé).', // the engine's majoration of a single AMI 1
    ]);
  });

  it('a cancelled invoice does not count', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const first = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: first.id, lines: AMI_IFD });
    await t.call('invoices/validate', { invoiceId: first.id });
    await t.call('invoices/cancel', { invoiceId: first.id, reason: 'Erreur de patient' });
    const second = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: second.id, lines: AMI_IFD });
    expect((await t.call('invoices/checks', { id: second.id })).filter((p) => p.code === 'already-billed')).toEqual([]);
    expect((await t.call('invoices/validate', { invoiceId: second.id })).kind).toBe('validated');
  });
});

describe('3. the NIR key message never gives the expected key', () => {
  it('says the key does not match and to check the attestation', async () => {
    const good = nirOf('1620662765118');
    const wrongKey = good.slice(0, 13) + (good.slice(13) === '21' ? '22' : '21');
    const err = await t.fails('patients/create', buildPatientInput({ nir: wrongKey }));
    expect(err.field).toBe('nir');
    expect(err.message_fr).toContain("l'attestation");
    expect(err.message_fr).not.toContain(good.slice(13));
    expect(err.message_fr).not.toMatch(/attendue/);
  });
});

describe('4. NIR against birth date and sex', () => {
  it('a NIR contradicting the birth year, month and sex is saved, not refused', async () => {
    // 1 62 06 …: a man born in June 1962; typed as a woman born in May 1988.
    const patient = await t.call('patients/create', buildPatientInput({ nir: nirOf('1620662765118'), sex: 'F', birthDate: '1988-05-14' }));
    expect(patient.nir).toBe(nirOf('1620662765118'));
  });

  it('is a warning at Imprimer (a mistyped birth date or another person’s NIR gets the feuille rejected), confirmed and recorded', async () => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: nirOf('1620662765118'), sex: 'F', birthDate: '1988-05-14' }));
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    const identity = (await t.call('invoices/checks', { id: draft.id })).filter((p) => p.code === 'nir-identity');
    expect(identity).toHaveLength(1);
    expect(identity[0]).toMatchObject({ level: 'warn' });
    expect(identity[0]!.message_fr).toContain('ne correspond pas');
    const step = await t.call('invoices/validate', { invoiceId: draft.id });
    expect(step.kind).toBe('checks-warning');
    const done = await t.call('invoices/validate', { invoiceId: draft.id, confirmWarnings: true });
    expect(done.kind).toBe('validated');
    expect((await audit(draft.id)).find((a) => a.action === 'validate')?.after).toMatchObject({ confirmedWarnings: [identity[0]!.message_fr] });
  });

  it.each([
    ['a NIR agreeing with the identity', NIR_1, 'M', '1988-05-14'],
    ['an NIA (8) whose year and month differ', NIA_8, 'F', '1970-01-02'],
    ['an unknown month (20)', nirOf('1882062765118'), 'M', '1988-05-14'],
  ] as const)('no warning for %s', async (_label, nir, sex, birthDate) => {
    const nurse = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir, sex, birthDate }));
    const draft = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: AMI_IFD });
    expect((await t.call('invoices/checks', { id: draft.id })).filter((p) => p.code === 'nir-identity')).toEqual([]);
  });
});
