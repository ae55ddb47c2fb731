/**
 * Issue #9: the patient's own share is followed for invoices made after the upgrade; invoices validated
 * before keep their follow-up (their desk payments were never recorded), and payments made before are
 * given their payer (the AME for AME invoices, the caisse otherwise).
 */
import { afterEach, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceFollowUp } from '../../../core/domain/types.ts';
import { openDatabase } from '../../../db/connection.ts';
import { createBackend } from '../../../electron/backend.ts';
import { fixedClock } from '../../../electron/context.ts';
import { NIR_1, ROOT } from '../../helpers/test-backend.ts';
import { MIGRATIONS, migrationsBefore } from '../../helpers/migrations-before.ts';
import { insertLegacyInvoice, insertLegacyPractice } from '../db/legacy-practice.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('an invoice paid at the desk before the upgrade stays « réglée »; a caisse payment gets its payer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-legacy-'));
  dirs.push(dir);
  // Every migration before the desk one, the practice written as it was then.
  const before = migrationsBefore(dir, '-desk.sql');
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const old = openDatabase(join(dataDir, 'feuillet.sqlite'), { migrationsDir: before });
  const practice = insertLegacyPractice(old, NIR_1);
  // AMI 1 = 3,15 € (NGAP, BILLING-RULES.md §4), caisse 60 % = 1,89 €: without, then with tiers payant AMO.
  const ids = [false, true].map((tiersPayantAmo, i) =>
    insertLegacyInvoice(old, practice, { number: i + 1, ame: false, tiersPayantAmo, validatedAt: '2026-11-20T10:00:00.000Z' }),
  );
  // The caisse paid its 60 % (1,89 €) of the second one, recorded as the old version did.
  old.prepare("INSERT INTO payments (invoice_id, received_on, amount_cents, mode, created_at) VALUES (?, '2026-11-25', 189, 'virement', 'now')").run(ids[1]);
  old.close();

  const open = (migrationsDir: string) =>
    createBackend({ dataDir, migrationsDir, fontsDir: join(ROOT, 'invoice-templates', 'fonts'), transport: 'browser', appVersion: 'test', clock: fixedClock('2026-11-25') });
  const now = open(MIGRATIONS);
  try {
    const state = async (id: number) => {
      const r = await now.dispatch('follow-up/invoice', { id });
      if (!r.ok) throw new Error(r.error.message_fr);
      return r.value as InvoiceFollowUp;
    };
    expect((await state(ids[0]!)).row).toMatchObject({ state: 'payee', patientDueCents: 0 });
    const second = await state(ids[1]!);
    expect(second.row).toMatchObject({ state: 'payee', patientDueCents: 0, paidCents: 189 });
    expect(second.payments[0]).toMatchObject({ payer: 'amo' });
  } finally {
    now.close();
  }
});

