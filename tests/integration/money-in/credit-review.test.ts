/**
 * « Répartir le crédit » under attack: two spreads at once, spread after a cancel, an invoice already partly
 * paid by another transfer, an invoice cancelled after it was paid. Never more than the transfer, never more
 * than an invoice owes; the follow-up and the Tableau de bord stay in step (checked at dispose).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPractitionerInput, makeTestBackend, nirOf, type TestBackend, validatedInvoice } from '../../helpers/test-backend.ts';
import { disposeCheckingFollowUp } from '../../helpers/follow-up-drift.ts';

let t: TestBackend;
let practitionerId: number;

beforeEach(async () => {
  t = makeTestBackend(); // today: 25/11/2026
  practitionerId = (await t.call('practitioners/create', buildPractitionerInput())).id;
});
afterEach(() => disposeCheckingFollowUp(t));

/** An AME invoice of 10,63 € paid by a CPAM transfer of 30,63 €: 20,00 € of credit. */
async function credit() {
  const paid = await validatedInvoice(t, practitionerId, { patient: { nir: nirOf('8850599123456') } });
  const outcome = await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', amountCents: 3063, target: { invoiceIds: [paid.id] } });
  expect(outcome.transfer.creditCents).toBe(2000);
  return outcome.transfer;
}
const later = (body: string) => validatedInvoice(t, practitionerId, { patient: { nir: nirOf(body) } });
const allocatedTo = (invoiceId: number) =>
  (t.ctx.db.prepare('SELECT coalesce(sum(amount_cents), 0) AS s FROM payments WHERE invoice_id = ? AND cancelled_at IS NULL').get(invoiceId) as { s: number }).s;

describe('a credit spent once', () => {
  it('two spreads at once: the second finds the credit spent, the transfer never exceeds its amount', async () => {
    const transfer = await credit();
    const a = await later('8850599123457');
    const b = await later('8850599123458');
    const c = await later('8850599123459');
    const results = await Promise.allSettled([
      t.call('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [a.id, b.id] } }),
      t.call('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [c.id] } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const after = await t.call('transfers/get', { id: transfer.id });
    expect(after).toMatchObject({ allocatedCents: 3063, creditCents: 0 });
    expect([allocatedTo(a.id), allocatedTo(b.id), allocatedTo(c.id)]).toEqual([1063, 937, 0]);
  });

  it('spread, cancel, spread again: refused, nothing allocated by the cancelled transfer counts', async () => {
    const transfer = await credit();
    const a = await later('8850599123457');
    await t.call('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [a.id] } });
    await t.call('transfers/cancel', { id: transfer.id, reason: 'Erreur de saisie' });
    const again = await t.fails('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [a.id] } });
    expect(again).toMatchObject({ code: 'conflict', field: 'transferId', message_fr: "Ce virement est annulé : il n'a plus de crédit à répartir." });
    expect(allocatedTo(a.id)).toBe(0);
    expect((await t.call('follow-up/invoice', { id: a.id })).row.state).toBe('a-envoyer');
  });

  it('an invoice partly paid by another transfer gets only the rest, to the cent', async () => {
    const transfer = await credit();
    const a = await later('8850599123457');
    await t.call('transfers/record', { practitionerId, receivedOn: '2026-11-25', amountCents: 501, target: { invoiceIds: [a.id] } });
    const outcome = await t.call('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [a.id] } });
    expect(outcome.transfer.creditCents).toBe(2000 - 562);
    expect(allocatedTo(a.id)).toBe(1063);
    expect((await t.call('follow-up/invoice', { id: a.id })).row.state).toBe('payee');
  });

  it('an invoice cancelled, or paid then cancelled, takes nothing from the credit', async () => {
    const transfer = await credit();
    const a = await later('8850599123457');
    await t.call('invoices/cancel', { invoiceId: a.id, reason: 'Erreur de patient' });
    const refused = await t.fails('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [a.id] } });
    expect(refused).toMatchObject({ code: 'conflict', field: 'target' });
    expect((await t.call('transfers/get', { id: transfer.id })).creditCents).toBe(2000);
  });
});

describe('an invoice cancelled after the credit paid it', () => {
  it('is refused while the transfer pays it: the allocation and the credit stay as they were', async () => {
    const transfer = await credit();
    const a = await later('8850599123457');
    await t.call('transfers/allocate-credit', { transferId: transfer.id, target: { invoiceIds: [a.id] } });
    const refused = await t.fails('invoices/cancel', { invoiceId: a.id, reason: 'Erreur de patient' });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message_fr).toMatch(/^Des paiements sont enregistrés sur cette facture/);
    expect(await t.call('transfers/get', { id: transfer.id })).toMatchObject({ allocatedCents: 2126, creditCents: 937 });
    expect((await t.call('dashboard/figures', { practitionerId })).creditCents).toBe(937);
  });
});
