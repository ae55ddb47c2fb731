/**
 * Issue #9: the patient's own share is followed for invoices made after the upgrade; invoices validated
 * before keep their follow-up (their desk payments were never recorded), and payments made before are
 * given their payer (the AME for AME invoices, the caisse otherwise).
 */
import { afterEach, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceFollowUp } from '../../../core/domain/types.ts';
import { createBackend } from '../../../electron/backend.ts';
import { fixedClock } from '../../../electron/context.ts';
import { buildPatientInput, buildPractitionerInput, NIR_1, ROOT } from '../../helpers/test-backend.ts';

const MIGRATIONS = join(ROOT, 'db', 'migrations');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('an invoice paid at the desk before the upgrade stays « réglée »; a caisse payment gets its payer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-legacy-'));
  dirs.push(dir);
  const before = join(dir, 'migrations');
  mkdirSync(before);
  // Every migration before this one (whatever number it gets at merge: the last file).
  const files = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort();
  for (const f of files.slice(0, -1)) copyFileSync(join(MIGRATIONS, f), join(before, f));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const open = (migrationsDir: string) =>
    createBackend({ dataDir, migrationsDir, fontsDir: join(ROOT, 'invoice-templates', 'fonts'), transport: 'browser', appVersion: 'test', clock: fixedClock('2026-11-25') });
  const old = open(before);
  const call = async (method: string, input: unknown) => {
    const r = await old.dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message_fr);
    return r.value as { id: number };
  };
  const practitioner = await call('practitioners/create', buildPractitionerInput());
  const patient = await call('patients/create', buildPatientInput({ nir: NIR_1 }));
  const ids: number[] = [];
  for (const tiersPayantAmo of [false, true]) {
    const draft = await call('invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    await call('invoices/update-draft', { invoiceId: draft.id, lines: [{ actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 }], tiersPayantAmo });
    await call('invoices/validate', { invoiceId: draft.id });
    ids.push(draft.id);
  }
  // The caisse paid its 60 % (1,89 €) of the second one, recorded as the old version did.
  old.ctx.db.prepare("INSERT INTO payments (invoice_id, received_on, amount_cents, mode, created_at) VALUES (?, '2026-11-25', 189, 'virement', 'now')").run(ids[1]);
  old.close();

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

