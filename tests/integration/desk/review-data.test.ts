/**
 * Review of the data paths (desk and money): the user's non-AME terms survive the AME-by-default withdrawal,
 * « Refaire la facture » keeps what the user decided on the original, each payer is capped at what it owes,
 * and a stored « Non » to the AME prompt is not overridden by the rights on file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPromptAnswer } from '../../../db/invoices-repo.ts';
import {
  addAmeCoverage,
  buildPatientInput,
  buildPractitionerInput,
  makeTestBackend,
  NIA_7,
  NIR_1,
  type TestBackend,
  validatedInvoice,
} from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // today: 25/11/2026
});
afterEach(() => disposeCheckingFollowUp(t));

// AMI 3,15 € (NGAP, BILLING-RULES.md §4). Rights on file: 01/03/2026–28/02/2027.
/** Amounts are formatted with narrow no-break spaces; compared here with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const IN_RIGHTS = [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }];
const OUT_OF_RIGHTS = [{ actDate: '2026-02-10', code: 'AMI', coefficient: 1, quantity: 1 }];

describe('1. the non-AME terms the user typed survive the AME-by-default withdrawal', () => {
  // ALD: exonération → the caisse pays 100 % (BILLING-RULES.md §1); AMI 1 = 3,15 €, all on the caisse in tiers payant.
  it('acts moved outside the rights with ALD + tiers payant typed in the same save: ALD and tiers payant apply', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
    const draft = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
    expect(draft).toMatchObject({ ame: true, ameChoice: 'rights' });
    const u = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: OUT_OF_RIGHTS, exoneration: 'ald', tiersPayantAmo: true });
    expect(u).toMatchObject({ ame: false, exoneration: 'ald', tiersPayantAmo: true, amoRate: 100, amoCents: 315, patientCents: 0 });
  });

  it('ALD + tiers payant typed, acts moved into the rights (AME), then back out: ALD and tiers payant come back', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: OUT_OF_RIGHTS, exoneration: 'ald', tiersPayantAmo: true });
    await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
    const inRights = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: IN_RIGHTS });
    expect(inRights).toMatchObject({ ame: true, ameChoice: 'rights', exoneration: 'aucune', amoRate: 0 });
    const out = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: OUT_OF_RIGHTS });
    expect(out).toMatchObject({ ame: false, ameChoice: null, exoneration: 'ald', tiersPayantAmo: true, amoRate: 100, amoCents: 315 });
  });

  it('the button turned off restores the terms typed before it was turned on', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: IN_RIGHTS, exoneration: 'ald', tiersPayantAmo: true });
    await t.call('invoices/set-ame', { invoiceId: draft.id, ame: true });
    const off = await t.call('invoices/set-ame', { invoiceId: draft.id, ame: false });
    expect(off.invoice).toMatchObject({ ame: false, exoneration: 'ald', tiersPayantAmo: true, amoRate: 100 });
  });
});

describe('2–3. « Refaire la facture » keeps what the user decided on the original', () => {
  it('an AME turned off on the original stays off on the reissued draft, after an edit too', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    // The patient has AME rights on file: the original was AME by default, the user turned it off.
    const original = await validatedInvoice(t, p.id, { ame: false, patient: { nir: NIR_1 } });
    expect(original).toMatchObject({ ame: false, ameChoice: 'declined' });
    await t.call('invoices/cancel', { invoiceId: original.id, reason: 'erreur de cotation' });
    const reissued = await t.call('invoices/reissue', { id: original.id });
    expect(reissued).toMatchObject({ ame: false, ameChoice: 'declined', amePromptAnswer: original.amePromptAnswer });
    const edited = await t.call('invoices/update-draft', { invoiceId: reissued.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 2, quantity: 1 }] });
    // AMI 2 = 6,30 €, the caisse 60 % in mode dégradé (BILLING-RULES.md §1).
    expect(edited).toMatchObject({ ame: false, ameChoice: 'declined', amoRate: 60, totalCents: 630 });
  });

  it('an AT/MP invoice reissued keeps its nature d’assurance, AT number and date with its exonération', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: IN_RIGHTS, exoneration: 'atmp' });
    const circumstances = {
      insuranceNature: 'atmp' as const,
      atNumber: 'AT123',
      atDate: '2026-11-01',
      thirdPartyAccident: true,
      accidentDate: '2026-11-01',
      priorAgreementDate: '2026-11-05',
    };
    await t.call('invoices/set-circumstances', { invoiceId: draft.id, ...circumstances });
    const v = await t.call('invoices/validate', { invoiceId: draft.id, confirmWarnings: true });
    if (v.kind !== 'validated') throw new Error(v.kind);
    expect(v.invoice.circumstances).toEqual(circumstances);
    await t.call('invoices/cancel', { invoiceId: draft.id, reason: 'erreur' });
    const reissued = await t.call('invoices/reissue', { id: draft.id });
    expect(reissued.circumstances).toEqual(circumstances);
    expect(reissued.exoneration).toBe('atmp');
  });
});

describe('4. each payer is capped at what it owes under the invoice’s tiers payant', () => {
  // AMI 1 + IFD + AMI 1,5 = 10,63 € (NGAP, BILLING-RULES.md §4); tiers payant AMO: the caisse owes its 60 %,
  // 6,38 € (§1); an AME invoice: the caisse 0 %, the AME 100 % (§2, seed 000).
  it('refuses a complémentaire payment on a tiers-payant-AMO-only invoice and a caisse payment on an AME invoice', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    const tp = await validatedInvoice(t, p.id, { ame: false, tiersPayantAmo: true });
    expect(tp).toMatchObject({ amoCents: 638, amcCents: 0, tiersPayantAmc: false });
    const amc = await t.dispatch('payments/add', { invoiceId: tp.id, receivedOn: '2026-11-25', amountCents: 638, mode: 'virement', payer: 'amc' });
    expect(amc.ok).toBe(false);
    if (!amc.ok) {
      expect(amc.error).toMatchObject({ code: 'invalid-input', field: 'amountCents' });
      expect(plain(amc.error.message_fr)).toBe(
        "Rien n'est dû par la complémentaire ou l'AME (AMC) sur cette facture (reste dû par ce payeur : 0,00 €) : vérifiez le payeur du paiement.",
      );
    }
    await t.call('payments/add', { invoiceId: tp.id, receivedOn: '2026-11-25', amountCents: 400, mode: 'virement', payer: 'amo' });
    const amcPart = await t.dispatch('payments/add', { invoiceId: tp.id, receivedOn: '2026-11-25', amountCents: 100, mode: 'virement', payer: 'amc' });
    expect(amcPart.ok).toBe(false);
    const rest = await t.call('payments/add', { invoiceId: tp.id, receivedOn: '2026-11-25', amountCents: 238, mode: 'virement', payer: 'amo' });
    expect(rest.row).toMatchObject({ paidCents: 638, state: 'a-encaisser' });

    const ame = await validatedInvoice(t, p.id, { patient: { nir: NIR_1, lastName: 'Autre' } });
    expect(ame).toMatchObject({ ame: true, amoCents: 0, amcCents: 1063 });
    const amo = await t.dispatch('payments/add', { invoiceId: ame.id, receivedOn: '2026-11-25', amountCents: 1063, mode: 'virement', payer: 'amo' });
    expect(amo.ok).toBe(false);
    if (!amo.ok) {
      expect(amo.error).toMatchObject({ code: 'invalid-input', field: 'amountCents' });
      expect(plain(amo.error.message_fr)).toBe("Rien n'est dû par la caisse (AMO) sur cette facture (reste dû par ce payeur : 0,00 €) : vérifiez le payeur du paiement.");
    }
    const paid = await t.call('payments/add', { invoiceId: ame.id, receivedOn: '2026-11-25', amountCents: 1063, mode: 'virement', payer: 'amc' });
    expect(paid.row).toMatchObject({ state: 'payee', paidCents: 1063 });
  });
});

describe('smaller: a stored « Non » to the AME prompt is the user’s latest word', () => {
  it('rights recorded after « Non » do not format the draft as AME on the next edit', async () => {
    const p = await t.call('practitioners/create', buildPractitionerInput());
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIA_7 }));
    const draft = await t.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: IN_RIGHTS });
    expect((await t.call('invoices/validate', { invoiceId: draft.id })).kind).toBe('ame-prompt');
    // « Non » is stored in its own transaction before the later checks of Imprimer; when one of them stops the
    // validation, the draft stays a draft with the answer stored — as here.
    setPromptAnswer(t.ctx.db, draft.id, 'non');
    await addAmeCoverage(t, patient.id, '2026-03-01', '2027-02-28');
    const edited = await t.call('invoices/update-draft', { invoiceId: draft.id, lines: IN_RIGHTS });
    expect(edited).toMatchObject({ ame: false, amePromptAnswer: 'non', amoRate: 60 });
  });
});
