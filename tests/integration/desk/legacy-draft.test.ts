/**
 * Review of the data paths, defect 5: a draft open when the desk migration runs is validated afterwards, so
 * the patient's own share of it is followed like any new invoice's (only invoices validated before keep the
 * old follow-up).
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
import { insertLegacyPractice } from '../db/legacy-practice.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('a draft made before the desk migration and validated after it waits for the patient’s share', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-legacy-draft-'));
  dirs.push(dir);
  // Every migration before the desk one (whatever number it gets).
  const before = migrationsBefore(dir, '-desk.sql');
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const old = openDatabase(join(dataDir, 'feuillet.sqlite'), { migrationsDir: before });
  const practice = insertLegacyPractice(old, NIR_1);
  const draftId = Number(
    old.prepare("INSERT INTO invoices (practitioner_id, patient_id, created_at) VALUES (?, ?, '2026-11-20T09:00:00.000Z')").run(practice.practitionerId, practice.patientId)
      .lastInsertRowid,
  );
  old.close();

  const b = createBackend({ dataDir, migrationsDir: MIGRATIONS, fontsDir: join(ROOT, 'invoice-templates', 'fonts'), transport: 'browser', appVersion: 'test', clock: fixedClock('2026-11-25') });
  try {
    const call = async (method: string, input: unknown) => {
      const r = await b.dispatch(method, input);
      if (!r.ok) throw new Error(r.error.message_fr);
      return r.value;
    };
    // AMI 1 = 3,15 € (NGAP, BILLING-RULES.md §4), no tiers payant: the caisse pays the patient, who owes it all.
    await call('invoices/update-draft', { invoiceId: draftId, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }] });
    await call('invoices/validate', { invoiceId: draftId, confirmWarnings: true });
    const f = (await call('follow-up/invoice', { id: draftId })) as InvoiceFollowUp;
    expect(f.row).toMatchObject({ state: 'a-encaisser', patientDueCents: 315 });
    const paid = (await call('payments/add', { invoiceId: draftId, receivedOn: '2026-11-25', amountCents: 315, mode: 'especes', payer: 'patient' })) as InvoiceFollowUp;
    expect(paid.row).toMatchObject({ state: 'payee', patientPaidCents: 315 });
  } finally {
    b.close();
  }
});
