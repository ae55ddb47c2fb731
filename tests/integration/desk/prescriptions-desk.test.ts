/**
 * Issue #19 items 8 and 9 through the dispatcher: a prescription belongs to a profession, carries the acts
 * picked from the catalogue beside its free text, and « acte non prescrit » is raised only against picked
 * acts — never against a prescription written in words. The migration backfills the profession.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // today: 25/11/2026
});
afterEach(() => t.dispose());

const visit = (code: string, coefficient: number) => ({
  date: '2026-11-24', time: null, callTime: null, place: 'cabinet' as const, householdRank: 1, distanceKm: null, urgent: false,
  imperativePrescription: false, coordination: 'aucune' as const, twoSessionsJustified: false, r251Procedure: false, acts: [{ code, coefficient }],
});

async function setup() {
  const nurse = await t.call('practitioners/create', buildPractitionerInput());
  const patient = await t.call('patients/create', buildPatientInput({ nir: NIR_1 }));
  const prescriber = await t.call('prescribers/create', { lastName: 'Roux', firstName: 'Anne', identifier: '751111111' });
  return { nurse, patient, prescriber };
}

describe('a prescription’s profession and picked acts', () => {
  it('stores the profession and the picked key letters (upper-cased, once each) beside the free text', async () => {
    const { patient, prescriber } = await setup();
    const p = await t.call('prescriptions/create', {
      patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-20', profession: 'infirmier',
      prescribedActs: ['ami', 'AIS', 'AMI'], plannedActs: 'Injection matin et soir pendant 10 jours',
    });
    expect(p).toMatchObject({ profession: 'infirmier', prescribedActs: ['AMI', 'AIS'], plannedActs: 'Injection matin et soir pendant 10 jours' });
    expect((await t.call('prescriptions/list', { patientId: patient.id }))[0]).toMatchObject({ profession: 'infirmier', prescribedActs: ['AMI', 'AIS'] });
    const bad = await t.fails('prescriptions/create', { patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-20', prescribedActs: ['AMI 1'] });
    expect(bad.field).toBe('prescribedActs.0');
  });

  it('a prescription written in words never raises « acte non prescrit »; picked acts do, for an act not picked', async () => {
    const { nurse, patient, prescriber } = await setup();
    const words = await t.call('prescriptions/create', {
      patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-20', plannedActs: 'Soins infirmiers à domicile, pansement quotidien',
    });
    const d1 = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id, prescriptionId: words.id });
    await t.call('invoices/update-draft', { invoiceId: d1.id, visits: [visit('AMI', 2)] });
    expect((await t.call('invoices/checks', { id: d1.id })).map((p) => p.code)).not.toContain('not-prescribed');

    const picked = await t.call('prescriptions/create', {
      patientId: patient.id, prescriberId: prescriber.id, prescriptionDate: '2026-11-20', prescribedActs: ['AIS'], plannedActs: 'Soins d’hygiène',
    });
    const d2 = await t.call('invoices/create-draft', { practitionerId: nurse.id, patientId: patient.id, prescriptionId: picked.id });
    await t.call('invoices/update-draft', { invoiceId: d2.id, visits: [{ ...visit('AMI', 2), date: '2026-11-23' }] });
    expect((await t.call('invoices/checks', { id: d2.id })).filter((p) => p.code === 'not-prescribed').map((p) => p.message_fr)).toEqual([
      'AMI n’apparaît pas dans les actes prescrits (AIS) : vérifiez que la prescription couvre ces soins.',
    ]);
  });
});

describe('prescription migration (profession backfilled)', () => {
  it('takes the profession from the first invoice billed on it, else from a kiné session count; others stay open to all', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('../../../db/connection.ts');
    const { MIGRATIONS, migrationsBefore } = await import('../../helpers/migrations-before.ts');
    const { insertLegacyPractice } = await import('../db/legacy-practice.ts');
    const dir = mkdtempSync(join(tmpdir(), 'feuillet-rx-'));
    try {
      const file = join(dir, 'feuillet.sqlite');
      const old = openDatabase(file, { migrationsDir: migrationsBefore(dir, '-prescription-acts.sql') });
      const practice = insertLegacyPractice(old, NIR_1);
      old.prepare("INSERT INTO prescribers (last_name, first_name, identifier, created_at) VALUES ('Roux', 'Anne', '751111111', 'x')").run();
      const rx = (sessions: number | null) =>
        Number(old.prepare("INSERT INTO prescriptions (patient_id, prescriber_id, prescription_date, planned_acts, sessions_prescribed, created_at) VALUES (?, 1, '2026-11-01', 'AMI 1', ?, 'x')").run(practice.patientId, sessions).lastInsertRowid);
      const billed = rx(null);
      const kine = rx(10);
      const open = rx(null);
      old.prepare("INSERT INTO invoices (practitioner_id, patient_id, prescription_id, created_at) VALUES (?, ?, ?, 'x')").run(practice.practitionerId, practice.patientId, billed);
      old.close();
      const db = openDatabase(file, { migrationsDir: MIGRATIONS });
      const rows = db.prepare('SELECT id, profession, prescribed_acts, planned_acts FROM prescriptions ORDER BY id').all();
      expect(rows).toEqual([
        { id: billed, profession: 'infirmier', prescribed_acts: '[]', planned_acts: 'AMI 1' },
        { id: kine, profession: 'masseur-kinesitherapeute', prescribed_acts: '[]', planned_acts: 'AMI 1' },
        { id: open, profession: null, prescribed_acts: '[]', planned_acts: 'AMI 1' },
      ]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
