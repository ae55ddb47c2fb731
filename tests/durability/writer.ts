/**
 * Child process of the crash and power-cut tests: opens the data folder as the app does (createBackend)
 * and writes through the real dispatcher without end — patients, AME invoices validated (gapless number,
 * PDF printed), bordereaux, payments. After each write that returned `ok` it writes one line
 * (`ACK <json>`) to stdout, synchronously: the parent knows exactly which writes were acknowledged when
 * it kills this process.
 *
 * With a fifth argument `backup`, it seeds 1,000 patients once, then makes backups without end
 * (`ACK {"kind":"backup"}` after each): the interrupted-backup test.
 *
 * argv: dataDir migrationsDir fontsDir seed [backup]
 */
import { writeSync } from 'node:fs';
import type { MethodInput, MethodName, MethodResult } from '../../core/api/contract.ts';
import { PatientInput } from '../../core/api/schemas/patients.ts';
import { computeNirKey } from '../../core/domain/nir.ts';
import { insertPatient, type PatientData } from '../../db/patients-repo.ts';
import { createBackend } from '../../electron/backend.ts';
import { fixedClock } from '../../electron/context.ts';

const [dataDir, migrationsDir, fontsDir, seedArg] = process.argv.slice(2) as [string, string, string, string];
let seed = Number(seedArg) >>> 0 || 1;
const random = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};
const ack = (entry: Record<string, unknown>) => writeSync(1, `ACK ${JSON.stringify(entry)}\n`);

const backend = createBackend({ dataDir, migrationsDir, fontsDir, transport: 'browser', appVersion: 'durability', clock: fixedClock('2026-11-25') });
// Only for the power-cut test's control run, which shows the harness does catch NORMAL's losses.
if (process.env.FEUILLET_TEST_SYNCHRONOUS === 'NORMAL') backend.ctx.db.pragma('synchronous = NORMAL');
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message_fr}`);
  return r.value as MethodResult<M>;
}

async function practitioner(): Promise<number> {
  const existing = await call('practitioners/list', {});
  if (existing.length > 0) return existing[0]!.id;
  const p = await call('practitioners/create', {
    profession: 'infirmier', lastName: 'Martin', firstName: 'Claire', amNumber: '751234567', rpps: '10101234567',
    addressLine: '3 place du Marché', postalCode: '75011', city: 'Paris', phone: '01 43 00 00 00', ikZone: 'plaine',
  });
  return p.id;
}

async function backups() {
  const { total } = backend.ctx.db.prepare('SELECT count(*) AS total FROM patients').get() as { total: number };
  if (total === 0) {
    backend.ctx.db.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        const body = `8${String(100_000_000_000 + i).padStart(12, '0')}`;
        const data = PatientInput.parse({ lastName: `Sauvegarde${i}`, firstName: 'Awa', birthDate: '1980-01-01', sex: 'F', nir: body + computeNirKey(body), regime: '01', caisse: '751', centre: '0000' });
        insertPatient(backend.ctx.db, data as PatientData, '2026-11-25T09:00:00.000Z');
      }
    })();
  }
  writeSync(1, 'READY\n');
  for (;;) {
    const made = await call('backups/create', {});
    ack({ kind: 'backup', fileName: made.fileName, patients: made.patients });
  }
}

async function main() {
  if (process.argv[6] === 'backup') return backups();
  const practitionerId = await practitioner();
  const organisms = await call('organisms/list', {});
  const ame = organisms.find((o) => o.isAme)!;
  writeSync(1, 'READY\n');
  const toSend: number[] = [];
  for (let i = 0; ; i++) {
    const roll = random();
    const body = `8${String(Math.floor(random() * 1e12)).padStart(12, '0')}`;
    const lastName = `Crash${Math.floor(random() * 1e9)}`;
    const patient = await call('patients/create', {
      lastName, firstName: 'Awa', birthDate: '1980-01-01', sex: 'F', nir: body + computeNirKey(body), regime: '01', caisse: '751', centre: '0000',
      addressLine: '1 rue de la Paix', postalCode: '75002', city: 'Paris',
    });
    ack({ kind: 'patient', id: patient.id, lastName });
    if (roll < 0.4) continue;
    await call('coverages/add', { patientId: patient.id, organismId: ame.id, startDate: '2026-03-01', endDate: '2027-02-28' });
    const draft = await call('invoices/create-draft', { practitionerId, patientId: patient.id });
    await call('invoices/update-draft', {
      invoiceId: draft.id,
      lines: [
        { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-21', code: 'AMI', coefficient: 1.5, quantity: 1 },
      ],
    });
    await call('invoices/set-ame', { invoiceId: draft.id, ame: true });
    const outcome = await call('invoices/validate', { invoiceId: draft.id, ameAnswer: 'non' });
    if (outcome.kind !== 'validated') throw new Error(`not validated: ${outcome.kind}`);
    ack({ kind: 'invoice', id: outcome.invoice.id, number: outcome.invoice.number, totalCents: outcome.invoice.totalCents });
    toSend.push(outcome.invoice.id);
    if (toSend.length >= 3) {
      const { bordereau } = await call('bordereaux/create', { practitionerId, invoiceIds: toSend.splice(0), sentOn: '2026-11-25' });
      ack({ kind: 'bordereau', id: bordereau.id, number: bordereau.number });
      const paid = bordereau.invoices[0]!;
      await call('payments/add', { invoiceId: paid.invoiceId, receivedOn: '2026-11-25', amountCents: 100, mode: 'virement' });
      ack({ kind: 'payment', invoiceId: paid.invoiceId, amountCents: 100 });
    }
  }
}

main().catch((err) => {
  writeSync(2, `writer failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
});
