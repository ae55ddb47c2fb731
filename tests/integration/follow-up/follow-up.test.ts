import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FollowUpRow } from '../../../core/domain/types.ts';
import {
  addAmeCoverage,
  buildPatientInput,
  buildPractitionerInput,
  makeTestBackend,
  NIR_1,
  NIR_2,
  type TestBackend,
  validatedInvoice as validatedInvoiceOf,
} from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';

let t: TestBackend;
let practitionerId: number;

beforeEach(async () => {
  t = makeTestBackend(); // today: 25/11/2026
  practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
});
afterEach(() => disposeCheckingFollowUp(t));

/** A validated invoice for a new patient (AME by default: 10,63 €), for this test's practitioner. */
const validatedInvoice = (opts: Parameters<typeof validatedInvoiceOf>[2] = {}) => validatedInvoiceOf(t, practitionerId, opts);

const stateOf = async (invoiceId: number) => (await t.call('follow-up/invoice', { id: invoiceId })).row;

describe('follow-up state of an invoice', () => {
  it('an AME invoice waits for the whole amount (AMO + AMC in tiers payant) and is « à envoyer »', async () => {
    const inv = await validatedInvoice();
    expect(await stateOf(inv.id)).toMatchObject({ state: 'a-envoyer', totalCents: 1063, expectedCents: 1063, paidCents: 0, bordereau: null, overdue: false, ame: true });
  });

  it('a normal invoice with tiers payant AMO waits for the AMO part only (60 % → 6,38 €)', async () => {
    const inv = await validatedInvoice({ ame: false, tiersPayantAmo: true, patient: { nir: NIR_1 } });
    expect(await stateOf(inv.id)).toMatchObject({ state: 'a-envoyer', expectedCents: 638 });
  });

  it('a normal invoice without tiers payant waits for the patient only: « à encaisser », never in a bordereau', async () => {
    const inv = await validatedInvoice({ ame: false, patient: { nir: NIR_1 } });
    expect(await stateOf(inv.id)).toMatchObject({ state: 'a-encaisser', expectedCents: 0, patientDueCents: 1063 });
    const err = await t.fails('bordereaux/create', { practitionerId, invoiceIds: [inv.id], sentOn: '2026-11-25' });
    expect(err.message_fr).toContain("n'est pas « à envoyer »");
  });

  it('a draft has no follow-up yet', async () => {
    const patient = await t.call('patients/create', buildPatientInput());
    const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient.id });
    expect((await t.fails('follow-up/invoice', { id: draft.id })).message_fr).toContain('brouillon');
  });
});

describe('bordereaux', () => {
  it('puts « à envoyer » invoices of one caisse in a numbered bordereau and prints it', async () => {
    const a = await validatedInvoice();
    const b = await validatedInvoice({ patient: { nir: NIR_2, lastName: 'Le Gall-Martin', firstName: 'Séverine' } });
    const { bordereau, document } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id, b.id], sentOn: '2026-11-25' });
    expect(bordereau).toMatchObject({ number: 1, regime: '01', caisse: '751', invoiceCount: 2, totalCents: 2126, expectedCents: 2126, sentOn: '2026-11-25', cancelledAt: null });
    expect(bordereau.invoices.map((r) => r.state)).toEqual(['envoyee', 'envoyee']);
    expect(document!.fileName).toBe(`bordereau-${practitionerId}-00001.pdf`);
    expect(existsSync(join(t.dir, 'documents', document!.fileName))).toBe(true);
    expect((await stateOf(a.id)).bordereau).toEqual({ id: bordereau.id, number: 1, sentOn: '2026-11-25' });
    // The invoice list shows where each invoice stands (a draft has no follow-up).
    const patient = await t.call('patients/create', buildPatientInput());
    const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient.id });
    expect((await t.call('invoices/list', { practitionerId })).map((r) => [r.id, r.followUpState])).toEqual([
      [draft.id, null],
      [b.id, 'envoyee'],
      [a.id, 'envoyee'],
    ]);

    const c = await validatedInvoice();
    const second = await t.call('bordereaux/create', { practitionerId, invoiceIds: [c.id], sentOn: '2026-11-25' });
    expect(second.bordereau.number).toBe(2);
  });

  it('refuses an invoice already sent, and a refused bordereau consumes no number', async () => {
    const a = await validatedInvoice();
    await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    const b = await validatedInvoice();
    const err = await t.fails('bordereaux/create', { practitionerId, invoiceIds: [b.id, a.id], sentOn: '2026-11-25' });
    expect(err.message_fr).toBe(`La facture n° ${a.number} n'est pas « à envoyer » (envoyée, en attente).`);
    expect(t.count('bordereaux')).toBe(1);
    expect(t.count('bordereau_invoices')).toBe(1);
    expect((await t.call('bordereaux/create', { practitionerId, invoiceIds: [b.id], sentOn: '2026-11-25' })).bordereau.number).toBe(2);
  });

  it('sends one caisse per bordereau, and asks for the caisse when the patient file lacks it', async () => {
    const paris = await validatedInvoice();
    const lyon = await validatedInvoice({ patient: { caisse: '691' } });
    const mixed = await t.fails('bordereaux/create', { practitionerId, invoiceIds: [paris.id, lyon.id], sentOn: '2026-11-25' });
    expect(mixed.message_fr).toContain('Un bordereau va à une seule caisse');
    const unknown = await validatedInvoice({ patient: { regime: '', caisse: '' } });
    const missing = await t.fails('bordereaux/create', { practitionerId, invoiceIds: [unknown.id], sentOn: '2026-11-25' });
    expect(missing.message_fr).toContain("la caisse du patient n'est pas renseignée");
    expect(t.count('bordereaux')).toBe(0);
  });

  it('refuses a sending date in the future or before the validation, an empty list and a duplicate', async () => {
    const a = await validatedInvoice();
    expect((await t.fails('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-26' })).message_fr).toContain('dans le futur');
    expect((await t.fails('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-24' })).message_fr).toContain('antérieure à la validation');
    expect((await t.fails('bordereaux/create', { practitionerId, invoiceIds: [], sentOn: '2026-11-25' })).message_fr).toBe('Choisissez au moins une facture à mettre dans le bordereau.');
    expect((await t.fails('bordereaux/create', { practitionerId, invoiceIds: [a.id, a.id], sentOn: '2026-11-25' })).message_fr).toBe('Une facture figure deux fois dans la liste.');
    expect(t.count('bordereaux')).toBe(0);
  });

  it('cancelling a bordereau puts its invoices back « à envoyer » and keeps it readable as annulé', async () => {
    const a = await validatedInvoice();
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    const cancelled = await t.call('bordereaux/cancel', { id: bordereau.id, reason: 'Mauvaise caisse' });
    expect(cancelled).toMatchObject({ cancelReason: 'Mauvaise caisse', invoiceCount: 1 });
    expect(cancelled.invoices.map((r) => r.invoiceId)).toEqual([a.id]);
    expect((await stateOf(a.id)).state).toBe('a-envoyer');
    expect((await t.fails('bordereaux/cancel', { id: bordereau.id, reason: 'encore' })).message_fr).toBe('Ce bordereau est déjà annulé.');
    const again = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    expect(again.bordereau.number).toBe(2);
    const reprint = await t.call('bordereaux/print', { id: bordereau.id });
    expect(reprint.fileName).toBe(`bordereau-${practitionerId}-00001-annule.pdf`);
  });

  it('cannot be cancelled once the caisse has paid one of its invoices', async () => {
    const a = await validatedInvoice();
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 500, mode: 'virement' });
    expect((await t.fails('bordereaux/cancel', { id: bordereau.id, reason: 'erreur' })).message_fr).toContain('ne peut plus être annulé');
  });
});

describe('payments and rejections', () => {
  it('records partial then full payment, refuses more than awaited, and a cancelled payment counts no more', async () => {
    const a = await validatedInvoice();
    await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    let f = await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 600, mode: 'virement', reference: 'CPAM 75 VIR 1125' });
    expect(f.row).toMatchObject({ state: 'payee-partiellement', paidCents: 600 });
    const tooMuch = await t.fails('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 500, mode: 'virement' });
    expect(tooMuch).toMatchObject({ field: 'amountCents', message_fr: 'Le montant reçu (5,00\u00a0€) dépasse ce qui reste à recevoir sur cette facture (4,63\u00a0€).' });
    f = await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 463, mode: 'cheque' });
    expect(f.row).toMatchObject({ state: 'payee', paidCents: 1063 });
    expect(f.payments.map((p) => [p.amountCents, p.mode, p.reference])).toEqual([[600, 'virement', 'CPAM 75 VIR 1125'], [463, 'cheque', null]]);
    f = await t.call('payments/cancel', { paymentId: f.payments[1]!.id, reason: 'Chèque sans provision' });
    expect(f.row).toMatchObject({ state: 'payee-partiellement', paidCents: 600 });
    expect(f.payments[1]).toMatchObject({ cancelReason: 'Chèque sans provision' });
    expect(t.count('payments')).toBe(2);
  });

  it('refuses a payment in the future, of zero, on a cancelled invoice', async () => {
    const a = await validatedInvoice();
    expect((await t.fails('payments/add', { invoiceId: a.id, receivedOn: '2026-12-01', amountCents: 100, mode: 'virement' })).field).toBe('receivedOn');
    expect((await t.fails('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 0, mode: 'virement' })).message_fr).toBe('Le montant reçu doit être positif.');
    await t.call('invoices/cancel', { invoiceId: a.id, reason: 'Erreur de patient' });
    expect((await t.fails('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 100, mode: 'virement' })).message_fr).toContain('annulée');
    expect(t.count('payments')).toBe(0);
  });

  it('a rejection marks the invoice rejetée, blocks payments until withdrawn', async () => {
    const a = await validatedInvoice();
    await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    let f = await t.call('rejections/add', { invoiceId: a.id, rejectedOn: '2026-11-25', reason: 'Droits AME non ouverts à la date des soins' });
    expect(f.row.state).toBe('rejetee');
    expect((await t.fails('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 100, mode: 'virement' })).message_fr).toContain('rejetée');
    expect((await t.fails('rejections/add', { invoiceId: a.id, rejectedOn: '2026-11-25', reason: 'x' })).message_fr).toBe('Un rejet est déjà enregistré pour cette facture.');
    f = await t.call('rejections/withdraw', { rejectionId: f.rejections[0]!.id });
    expect(f.row.state).toBe('envoyee');
    expect(f.rejections[0]!.withdrawnAt).not.toBeNull();
  });
});

describe('early payments, rejections and cancellations', () => {
  it('a payment that comes before the bordereau leaves the invoice « à envoyer » until fully paid', async () => {
    const a = await validatedInvoice();
    let f = await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 400, mode: 'cheque' });
    expect(f.row).toMatchObject({ state: 'a-envoyer', paidCents: 400 });
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    expect(bordereau.invoices[0]).toMatchObject({ state: 'payee-partiellement', paidCents: 400 });
    const b = await validatedInvoice();
    f = await t.call('payments/add', { invoiceId: b.id, receivedOn: '2026-11-25', amountCents: 1063, mode: 'virement' });
    expect(f.row.state).toBe('payee');
  });

  it('refuses a rejection of an invoice never sent', async () => {
    const a = await validatedInvoice();
    expect((await t.fails('rejections/add', { invoiceId: a.id, rejectedOn: '2026-11-25', reason: 'x' })).message_fr).toBe(
      "Cette facture n'a pas encore été envoyée : seule la caisse qui l'a reçue peut la rejeter.",
    );
    expect(t.count('rejections')).toBe(0);
  });

  it('refuses to cancel an invoice with payments until they are cancelled', async () => {
    const a = await validatedInvoice();
    const f = await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 500, mode: 'virement' });
    expect((await t.fails('invoices/cancel', { invoiceId: a.id, reason: 'Erreur' })).message_fr).toContain('Des paiements sont enregistrés sur cette facture');
    expect((await t.call('invoices/get', { id: a.id })).status).toBe('validated');
    await t.call('payments/cancel', { paymentId: f.payments[0]!.id, reason: 'Erreur de saisie' });
    expect((await t.call('invoices/cancel', { invoiceId: a.id, reason: 'Erreur' })).status).toBe('cancelled');
  });
});

describe('a PDF that fails after the write was saved', () => {
  it('keeps the validated invoice and the bordereau, and the next print is the original, not a duplicata', async () => {
    const fonts = t.ctx.fontsDir;
    t.ctx.fontsDir = join(t.dir, 'no-fonts-here');
    const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
    const draft = await t.call('invoices/create-draft', { practitionerId, patientId: patient.id });
    await t.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }], tiersPayantAmo: true });
    const outcome = await t.call('invoices/validate', { invoiceId: draft.id });
    expect(outcome).toMatchObject({ kind: 'validated', document: null, invoice: { status: 'validated', number: 1, pdfFile: null } });
    const sent = await t.call('bordereaux/create', { practitionerId, invoiceIds: [draft.id], sentOn: '2026-11-25' });
    expect(sent).toMatchObject({ document: null, bordereau: { number: 1, printed: false } });

    t.ctx.fontsDir = fonts;
    expect((await t.call('invoices/print', { id: draft.id })).fileName).toBe(`facture-${practitionerId}-000001.pdf`);
    expect((await t.call('invoices/print', { id: draft.id })).fileName).toBe(`facture-${practitionerId}-000001-duplicata.pdf`);
    expect((await t.call('bordereaux/print', { id: sent.bordereau.id })).fileName).toBe(`bordereau-${practitionerId}-00001.pdf`);
    expect((await t.call('bordereaux/get', { id: sent.bordereau.id })).printed).toBe(true);
  });
});

describe('livre des recettes', () => {
  it('lists the payments received in the period, cancelled ones left out, oldest first', async () => {
    const a = await validatedInvoice({ patient: { lastName: 'Diallo' } });
    const b = await validatedInvoice({ patient: { lastName: 'Traoré', nir: NIR_2 } });
    await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 1063, mode: 'virement', reference: 'VIR CPAM' });
    const f = await t.call('payments/add', { invoiceId: b.id, receivedOn: '2026-11-25', amountCents: 500, mode: 'cheque' });
    await t.call('payments/add', { invoiceId: b.id, receivedOn: '2026-11-25', amountCents: 563, mode: 'especes' });
    await t.call('payments/cancel', { paymentId: f.payments[0]!.id, reason: 'Chèque refusé' });
    const lines = await t.call('payments/ledger', { practitionerId, from: '2026-11-01', to: '2026-11-30' });
    expect(lines.map((l) => [l.receivedOn, l.invoiceNumber, l.patientName, l.mode, l.amountCents])).toEqual([
      ['2026-11-25', a.number, 'Diallo Aminata', 'virement', 1063],
      ['2026-11-25', b.number, 'Traoré Aminata', 'especes', 563],
    ]);
    expect(await t.call('payments/ledger', { practitionerId, from: '2026-10-01', to: '2026-10-31' })).toEqual([]);
  });

  it('refuses a period upside down or longer than three years', async () => {
    expect(await t.fails('payments/ledger', { practitionerId, from: '2026-11-30', to: '2026-11-01' })).toMatchObject({
      field: 'to',
      message_fr: "La période est à l'envers : « Du » doit précéder « Au ».",
    });
    expect((await t.fails('payments/ledger', { practitionerId, from: '2020-01-01', to: '2026-11-01' })).message_fr).toBe('Période trop longue : trois ans au maximum.');
    expect((await t.fails('payments/ledger', { practitionerId, from: '2026-02-30', to: '2026-11-01' })).field).toBe('from');
  });
});

describe('the follow-up screen', () => {
  it('lists by state, flags invoices sent more than 30 days ago, and sums what is awaited', async () => {
    const t2 = makeTestBackend('2026-10-20');
    try {
      // Sent on 20/10/2026 (36 days before 25/11/2026): overdue today. Built on a second backend with
      // an earlier clock, then reopened with today's.
      const p = await t2.call('practitioners/create', buildPractitionerInput());
      const patient = await t2.call('patients/create', buildPatientInput());
      await addAmeCoverage(t2, patient.id, '2026-03-01', '2027-02-28');
      const draft = await t2.call('invoices/create-draft', { practitionerId: p.id, patientId: patient.id });
      await t2.call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-10-19', code: 'AMI', coefficient: 1, quantity: 1 }] });
      await t2.call('invoices/set-ame', { invoiceId: draft.id, ame: true });
      await t2.call('invoices/validate', { invoiceId: draft.id });
      await t2.call('bordereaux/create', { practitionerId: p.id, invoiceIds: [draft.id], sentOn: '2026-10-20' });
      const { createBackend } = await import('../../../electron/backend.ts');
      const { fixedClock } = await import('../../../electron/context.ts');
      const { ROOT } = await import('../../helpers/test-backend.ts');
      t2.close();
      const later = createBackend({
        dataDir: t2.dir,
        migrationsDir: join(ROOT, 'db', 'migrations'),
        fontsDir: join(ROOT, 'invoice-templates', 'fonts'),
        transport: 'browser',
        appVersion: 'test',
        clock: fixedClock('2026-11-25'),
      });
      try {
        const overdue = await later.dispatch('follow-up/list', { overdueOnly: true });
        expect(overdue.ok && (overdue.value as FollowUpRow[]).map((r) => [r.invoiceId, r.state, r.overdue])).toEqual([[draft.id, 'envoyee', true]]);
        const totals = await later.dispatch('follow-up/totals', {});
        expect(totals.ok && totals.value).toEqual({
          aEnvoyer: { count: 0, expectedCents: 0 },
          enAttente: { count: 1, expectedCents: 315, overdue: 1 },
          rejetees: { count: 0, expectedCents: 0 },
        });
      } finally {
        later.close();
      }
    } finally {
      t2.dispose();
    }
  });

  it('lists « à envoyer » oldest first, with the amounts awaited', async () => {
    const a = await validatedInvoice();
    const b = await validatedInvoice({ ame: false, tiersPayantAmo: true, patient: { nir: NIR_1 } });
    await validatedInvoice({ ame: false, patient: { nir: NIR_1 } }); // nothing awaited
    const rows = await t.call('follow-up/list', { states: ['a-envoyer'], oldestFirst: true });
    expect(rows.map((r) => [r.invoiceId, r.expectedCents])).toEqual([[a.id, 1063], [b.id, 638]]);
    expect(await t.call('follow-up/totals', { practitionerId })).toEqual({
      aEnvoyer: { count: 2, expectedCents: 1701 },
      enAttente: { count: 0, expectedCents: 0, overdue: 0 },
      rejetees: { count: 0, expectedCents: 0 },
    });
  });
});

describe('history is kept', () => {
  it('the database itself refuses to edit or delete a bordereau, its list, a payment or a rejection', async () => {
    const a = await validatedInvoice();
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    const f = await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 100, mode: 'virement' });
    const db = t.ctx.db;
    expect(() => db.prepare('UPDATE bordereaux SET total_cents = 1 WHERE id = ?').run(bordereau.id)).toThrow(/history/);
    expect(() => db.prepare('DELETE FROM bordereaux WHERE id = ?').run(bordereau.id)).toThrow(/history/);
    expect(() => db.prepare('DELETE FROM bordereau_invoices').run()).toThrow(/history/);
    // A payment is an allocation of a transfer (payments is a view over them): both are history.
    expect(() => db.prepare('UPDATE allocations SET amount_cents = 1').run()).toThrow(/history/);
    expect(() => db.prepare('DELETE FROM allocations WHERE id = ?').run(f.payments[0]!.id)).toThrow(/history/);
    expect(() => db.prepare('UPDATE transfers SET amount_cents = 1').run()).toThrow(/history/);
    expect(() => db.prepare('DELETE FROM transfers').run()).toThrow(/history/);
    expect(() => db.prepare('UPDATE payments SET amount_cents = 1').run()).toThrow(/view/);
    expect(() => db.prepare('INSERT INTO bordereau_invoices (bordereau_id, invoice_id) VALUES (?, ?)').run(bordereau.id, a.id)).toThrow(/cannot join/);
  });

  it('records every step in the audit log', async () => {
    const a = await validatedInvoice();
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: [a.id], sentOn: '2026-11-25' });
    await t.call('bordereaux/cancel', { id: bordereau.id, reason: 'Erreur' });
    expect((await t.call('audit/list', { entity: 'bordereau', entityId: bordereau.id })).map((e) => e.action)).toEqual(['create', 'cancel']);
    const f = await t.call('payments/add', { invoiceId: a.id, receivedOn: '2026-11-25', amountCents: 100, mode: 'especes' });
    expect((await t.call('audit/list', { entity: 'payment', entityId: f.payments[0]!.id })).map((e) => e.action)).toEqual(['create']);
  });
});
