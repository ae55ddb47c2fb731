/**
 * Issue #16: the per-invoice payments recorded before money-in become one-invoice transfers (same ids),
 * with their payer, cancellation and the invoice's follow-up state unchanged.
 */
import { afterEach, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceFollowUp } from '../../../core/domain/types.ts';
import type { Transfer } from '../../../core/domain/money-in.ts';
import { openDatabase } from '../../../db/connection.ts';
import { createBackend } from '../../../electron/backend.ts';
import { fixedClock } from '../../../electron/context.ts';
import { NIR_1, ROOT } from '../../helpers/test-backend.ts';
import { MIGRATIONS, migrationsBefore } from '../../helpers/migrations-before.ts';
import { insertLegacyInvoice, insertLegacyPractice } from '../db/legacy-practice.ts';
import { followUpStateDrift } from '../../../db/follow-up-repo.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('each former payment becomes a one-invoice transfer with the same id, payer and cancellation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-legacy-'));
  dirs.push(dir);
  const before = migrationsBefore(dir, '-money-in.sql');
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const old = openDatabase(join(dataDir, 'feuillet.sqlite'), { migrationsDir: before });
  const practice = insertLegacyPractice(old, NIR_1);
  // Two AME invoices of one AMI (3,15 €, AMC 100 %): one paid in two parts, the other paid then cancelled.
  const [a, b] = [1, 2].map((number) => insertLegacyInvoice(old, practice, { number, ame: true, validatedAt: '2026-11-20T10:00:00.000Z' })) as [number, number];
  const pay = old.prepare(
    "INSERT INTO payments (invoice_id, received_on, amount_cents, mode, payer, reference, created_at) VALUES (?, ?, ?, ?, 'amc', ?, '2026-11-24T10:00:00.000Z')",
  );
  const p1 = Number(pay.run(a, '2026-11-22', 200, 'virement', 'VIR CPAM 1').lastInsertRowid);
  const p2 = Number(pay.run(a, '2026-11-23', 115, 'cheque', null).lastInsertRowid);
  const p3 = Number(pay.run(b, '2026-11-24', 315, 'virement', 'VIR CPAM 2').lastInsertRowid);
  old.prepare("UPDATE payments SET cancelled_at = '2026-11-24T11:00:00.000Z', cancel_reason = 'Rejeté par la banque' WHERE id = ?").run(p3);
  const statesBefore = old.prepare('SELECT invoice_id, state FROM follow_up_states ORDER BY invoice_id').all();
  old.close();

  const now = createBackend({ dataDir, migrationsDir: MIGRATIONS, fontsDir: join(ROOT, 'invoice-templates', 'fonts'), transport: 'browser', appVersion: 'test', clock: fixedClock('2026-11-25') });
  try {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await now.dispatch(method as never, input as never);
      if (!r.ok) throw new Error(r.error.message_fr);
      return r.value as T;
    };
    expect(now.ctx.db.prepare('SELECT invoice_id, state FROM follow_up_states ORDER BY invoice_id').all()).toEqual(statesBefore);
    expect(followUpStateDrift(now.ctx.db)).toEqual([]);
    const fa = await call<InvoiceFollowUp>('follow-up/invoice', { id: a });
    expect(fa.row).toMatchObject({ state: 'payee', paidCents: 315 });
    expect(fa.payments.map((p) => [p.id, p.transferId, p.amountCents, p.mode, p.payer, p.reference])).toEqual([
      [p1, p1, 200, 'virement', 'amc', 'VIR CPAM 1'],
      [p2, p2, 115, 'cheque', 'amc', null],
    ]);
    const t3 = await call<Transfer>('transfers/get', { id: p3 });
    expect(t3).toMatchObject({ practitionerId: practice.practitionerId, amountCents: 315, cancelReason: 'Rejeté par la banque', allocatedCents: 315, creditCents: 0 });
    expect(t3.allocations.map((x) => [x.invoiceId, x.amountCents])).toEqual([[b, 315]]);
    expect((await call<InvoiceFollowUp>('follow-up/invoice', { id: b })).row).toMatchObject({ paidCents: 0 });
    // The migrated payment cancels as before, through its one-invoice transfer.
    const after = await call<InvoiceFollowUp>('payments/cancel', { paymentId: p2, reason: 'Chèque sans provision' });
    // Not sent yet and no longer fully paid: back to « à envoyer ».
    expect(after.row).toMatchObject({ state: 'a-envoyer', paidCents: 200 });
    expect(followUpStateDrift(now.ctx.db)).toEqual([]);
  } finally {
    now.close();
  }
});
