import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addAmeCoverage, makeTestBackend, NIA_7, NIA_8, NIR_1, NIR_2, seedDraft, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

describe('invoice amounts', () => {
  it('prices each act with the tariff in force on its date, in cents', async () => {
    const { invoice } = await seedDraft(t);
    expect(invoice.lines.map((l) => [l.code, l.unitCents, l.amountCents])).toEqual([
      ['AMI', 315, 315],
      ['IFD', 275, 275],
      ['AMI', 315, 473],
    ]);
    expect(invoice.totalCents).toBe(1063);
    expect(invoice.amoRate).toBe(60);
    expect(invoice.amoCents).toBe(638); // 637,8 → 638
    expect(invoice.patientCents).toBe(1063); // no tiers payant by default: the patient pays and is reimbursed
  });

  it('uses IFD 2,50 € before 28/01/2024 and 2,75 € from that day', async () => {
    const { invoice } = await seedDraft(t, {
      lines: [
        { actDate: '2024-01-27', code: 'IFD', coefficient: 1, quantity: 1 },
        { actDate: '2024-01-28', code: 'IFD', coefficient: 1, quantity: 1 },
      ],
    });
    expect(invoice.lines.map((l) => l.unitCents)).toEqual([250, 275]);
  });
});

describe('AME formatting', () => {
  it('the button formats every field and removing it restores the normal invoice', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_2 });
    const { invoice: ame, coverage } = await t.call('invoices/set-ame', { invoiceId: invoice.id, ame: true });
    expect(ame).toMatchObject({
      ame: true,
      ameSource: 'button',
      exoneration: 'aucune',
      tiersPayantAmo: true,
      tiersPayantAmc: true,
      amoRate: 0,
      amcRate: 100,
      amcOrganism: { number: '0075500017', isAme: true },
      amoCents: 0,
      amcCents: 1063,
      patientCents: 0,
    });
    expect(ame.lines.every((l) => l.qualificatif === 'N')).toBe(true);
    expect(coverage.status).toBe('none');
    const { invoice: normal } = await t.call('invoices/set-ame', { invoiceId: invoice.id, ame: false });
    expect(normal).toMatchObject({ ame: false, amoRate: 60, amcRate: 0, amcOrganism: null, tiersPayantAmc: false, patientCents: 1063 });
    expect(normal.lines.every((l) => l.qualificatif === null)).toBe(true);
  });

  it('a prescription with the AME box gives the same invoice as the button', async () => {
    const { invoice, patient, practitioner } = await seedDraft(t, { nir: NIR_2 });
    const viaButton = (await t.call('invoices/set-ame', { invoiceId: invoice.id, ame: true })).invoice;
    const prescriber = await t.call('prescribers/create', { lastName: 'Bernard', firstName: 'Luc', identifier: '751000001' });
    const prescription = await t.call('prescriptions/create', {
      patientId: patient.id,
      prescriberId: prescriber.id,
      prescriptionDate: '2026-11-15',
      ame: true,
      exoneration: 'ald',
    });
    expect(prescription.exoneration).toBe('aucune');
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id, prescriptionId: prescription.id });
    const viaPrescription = await t.call('invoices/update-draft', {
      invoiceId: draft.id,
      lines: viaButton.lines.map((l) => ({ actDate: l.actDate, code: l.code, coefficient: l.coefficient / 100, quantity: l.quantity })),
    });
    const pick = (i: typeof viaButton) => ({
      exoneration: i.exoneration,
      tp: [i.tiersPayantAmo, i.tiersPayantAmc],
      rates: [i.amoRate, i.amcRate],
      organism: i.amcOrganism?.number,
      q: i.lines.map((l) => l.qualificatif),
      shares: [i.totalCents, i.amoCents, i.amcCents, i.patientCents],
    });
    expect(viaPrescription.ameSource).toBe('prescription');
    expect(pick(viaPrescription)).toEqual(pick(viaButton));
  });
});

describe('the forgotten-AME prompt on Imprimer', () => {
  it('asks for an NIA starting with 8, and « Oui » formats, validates and prints', async () => {
    const { invoice, patient } = await seedDraft(t, { nir: NIA_8 });
    await addAmeCoverage(t, patient.id, '2026-06-01', '2027-05-31');
    const asked = await t.call('invoices/validate', { invoiceId: invoice.id });
    expect(asked.kind).toBe('ame-prompt');
    expect((await t.call('invoices/get', { id: invoice.id })).status).toBe('draft');
    const done = await t.call('invoices/validate', { invoiceId: invoice.id, ameAnswer: 'oui' });
    expect(done.kind).toBe('validated');
    if (done.kind !== 'validated') return;
    expect(done.invoice).toMatchObject({ status: 'validated', number: 1, ame: true, ameSource: 'prompt', amePromptAnswer: 'oui', amoRate: 0, amcRate: 100, patientCents: 0 });
    expect(existsSync(join(t.dir, 'documents', done.document!.fileName))).toBe(true);
  });

  it('« Non » validates the invoice as it is and the answer is never asked again', async () => {
    const { invoice, patient, practitioner } = await seedDraft(t, { nir: NIA_7 });
    const done = await t.call('invoices/validate', { invoiceId: invoice.id, ameAnswer: 'non' });
    expect(done.kind).toBe('validated');
    if (done.kind === 'validated') expect(done.invoice).toMatchObject({ ame: false, amoRate: 60, amePromptAnswer: 'non' });
    // A second draft for the same patient is a new invoice: asked again. The stored answer is per invoice.
    const draft = await t.call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-11-24', code: 'AMI', coefficient: 1, quantity: 1 }] });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('ame-prompt');
  });

  it('never asks for a NIR starting with 1 or 2', async () => {
    const { invoice } = await seedDraft(t, { nir: NIR_1 });
    expect((await t.call('invoices/validate', { invoiceId: invoice.id })).kind).toBe('validated');
  });

  it('stores the answer even when the rights warning then stops validation, and does not ask twice', async () => {
    const { invoice } = await seedDraft(t, { nir: NIA_8 });
    const first = await t.call('invoices/validate', { invoiceId: invoice.id, ameAnswer: 'oui' });
    expect(first.kind).toBe('rights-warning');
    const second = await t.call('invoices/validate', { invoiceId: invoice.id });
    expect(second.kind).toBe('rights-warning');
    const third = await t.call('invoices/validate', { invoiceId: invoice.id, confirmOutsideRights: true });
    expect(third.kind).toBe('validated');
    if (third.kind === 'validated') expect(third.invoice.outsideRightsConfirmed).toBe(true);
  });
});

describe('AME rights at validation', () => {
  it('warns when an act is outside the rights, naming the dates, and saves nothing', async () => {
    const { invoice, patient } = await seedDraft(t, { nir: NIR_2 });
    await addAmeCoverage(t, patient.id, '2026-11-21', '2027-11-20');
    await t.call('invoices/set-ame', { invoiceId: invoice.id, ame: true });
    const r = await t.call('invoices/validate', { invoiceId: invoice.id });
    expect(r.kind).toBe('rights-warning');
    if (r.kind === 'rights-warning') {
      expect(r.check.datesOutside).toEqual(['2026-11-20']);
      expect(r.message_fr).toContain('20/11/2026');
      expect(r.message_fr).toContain('du 21/11/2026 au 20/11/2027');
    }
    expect((await t.call('invoices/get', { id: invoice.id })).status).toBe('draft');
  });

  it('accepts acts on the first and the last day of rights', async () => {
    const { invoice, patient } = await seedDraft(t, {
      nir: NIR_2,
      lines: [
        { actDate: '2026-11-01', code: 'AMI', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-24', code: 'AMI', coefficient: 1, quantity: 1 },
      ],
    });
    await addAmeCoverage(t, patient.id, '2026-11-01', '2026-11-24');
    await t.call('invoices/set-ame', { invoiceId: invoice.id, ame: true });
    expect((await t.call('invoices/validate', { invoiceId: invoice.id })).kind).toBe('validated');
  });
});
