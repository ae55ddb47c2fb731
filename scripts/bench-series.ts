/**
 * Care series figures of `npm run bench -- --series` (issue 15), on a file of 100,000 patients of whom 5,000
 * have a running series (600,000 planned visits, a third of them done): planning a
 * 3-month twice-a-day series (180 visits) through dispatch, and « Facturer la période » for a month for the
 * 40 patients of one practitioner (a visit a day at home: AMI 2 + IFD + IK, priced by the engine, split
 * into feuilles of 10 lines). Target: each well under a second (1 s). Builds only what it needs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../electron/backend.ts';
import { fixedClock } from '../electron/context.ts';
import { inTransaction } from '../db/connection.ts';
import { computeNirKey } from '../core/domain/nir.ts';
import { addDays } from '../core/domain/dates.ts';

const ROOT = join(import.meta.dirname, '..');
const TODAY = '2026-11-25';
const NOW = `${TODAY}T09:00:00.000Z`;
const PATIENTS = Number(process.env.BENCH_SERIES_PATIENTS ?? 100_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function ok<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message_fr}`);
  return r.value as T;
}

export async function benchSeries(): Promise<boolean> {
  console.log(`\nCare series (issue 15) — ${PATIENTS.toLocaleString('en')} patients`);
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-bench-series-'));
  const backend = createBackend({
    dataDir: dir,
    migrationsDir: join(ROOT, 'db', 'migrations'),
    fontsDir: join(ROOT, 'invoice-templates', 'fonts'),
    transport: 'browser',
    appVersion: 'bench',
    clock: fixedClock(TODAY),
  });
  const db = backend.ctx.db;
  try {
    let t0 = performance.now();
    const nurses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const p = await ok<{ id: number }>(backend, 'practitioners/create', {
        profession: 'infirmier', lastName: `Infirmière${i}`, firstName: 'Claire', amNumber: String(751000000 + i), addressLine: '3 place du Marché',
        postalCode: '75011', city: 'Paris', ikZone: 'plaine',
      });
      nurses.push(p.id);
    }
    const prescriber = await ok<{ id: number }>(backend, 'prescribers/create', { lastName: 'Benali', firstName: 'Karim', identifier: '123456789' });
    const insertPatient = db.prepare(
      `INSERT INTO patients (last_name, first_name, birth_date, sex, nir, regime, caisse, address_line, postal_code, city, created_at, updated_at, sort_key)
       VALUES (?, 'Test', '1950-01-01', 'F', ?, '01', '931', '4 rue de Paris', '93100', 'Montreuil', ?, ?, ?)`,
    );
    const insertPrescription = db.prepare(
      "INSERT INTO prescriptions (patient_id, prescriber_id, prescription_date, ame, exoneration, created_at) VALUES (?, ?, '2026-01-02', 0, 'aucune', ?)",
    );
    const patientIds: number[] = [];
    const prescriptionIds: number[] = [];
    for (let done = 0; done < PATIENTS; done += 10_000) {
      inTransaction(db, () => {
        for (let i = done; i < Math.min(PATIENTS, done + 10_000); i++) {
          const body = `2500393${String(100000 + i).slice(-6)}`;
          const id = Number(insertPatient.run(`Patient${i}`, body + computeNirKey(body)!, NOW, NOW, `patient${i}`).lastInsertRowid);
          patientIds.push(id);
          prescriptionIds.push(Number(insertPrescription.run(id, prescriber.id, NOW).lastInsertRowid));
        }
      });
    }
    console.log(`patients      ${PATIENTS.toLocaleString('en').padStart(10)} rows   ${((performance.now() - t0) / 1000).toFixed(1)} s (with a prescription each)`);

    // 5,000 running series (2 months, twice a day: 120 visits), the first third done: the planned visits around the measured ones.
    t0 = performance.now();
    const insertSeries = db.prepare(
      `INSERT INTO care_series (patient_id, practitioner_id, prescription_id, place, acts_json, rule_json, created_at)
       VALUES (?, ?, ?, 'domicile', '[{"key":null,"code":"AMI","coefficient":100}]', '{}', ?)`,
    );
    const insertVisit = db.prepare(
      `INSERT INTO planned_visits (series_id, practitioner_id, patient_id, visit_date, planned_time, status, done_time, done_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let visits = 0;
    inTransaction(db, () => {
      for (let s = 0; s < 5_000; s++) {
        const patient = patientIds[40 + s]!;
        const nurse = nurses[s % nurses.length]!;
        const series = Number(insertSeries.run(patient, nurse, prescriptionIds[40 + s]!, NOW).lastInsertRowid);
        for (let d = 0; d < 60; d++) {
          const date = addDays('2026-09-01', d);
          for (const time of ['08:00', '19:00']) {
            const done = d < 20;
            insertVisit.run(series, nurse, patient, date, time, done ? 'done' : 'planned', done ? time : null, done ? nurse : null, NOW);
            visits++;
          }
        }
      }
    });
    console.log(`planned visits ${visits.toLocaleString('en').padStart(9)} rows   ${((performance.now() - t0) / 1000).toFixed(1)} s (5,000 series)`);

    // 1. Planning a 3-month twice-a-day series through dispatch (expansion + 180 rows + audit, one transaction).
    const planMs: number[] = [];
    for (let i = 0; i < 11; i++) {
      const p = 5_100 + i;
      const started = performance.now();
      const view = await ok<{ visits: unknown[] }>(backend, 'series/create', {
        prescriptionId: prescriptionIds[p]!, practitionerId: nurses[0]!, place: 'domicile', acts: [{ code: 'AMI', coefficient: 1 }],
        frequency: { kind: 'daily' }, times: ['08:00', '20:00'], start: '2026-01-05', end: '2026-04-04',
      });
      planMs.push(performance.now() - started);
      if (view.visits.length !== 180) throw new Error(`expected 180 visits, got ${view.visits.length}`);
    }

    // 2. The 40 patients of one practitioner, a visit a day at home in October, all done; bill the month.
    t0 = performance.now();
    const own = nurses[1]!;
    for (let k = 0; k < 40; k++) {
      const patientId = patientIds[k]!;
      await ok(backend, 'travel/set', { patientId, distanceKm: 5 });
      const view = await ok<{ visits: { id: number }[] }>(backend, 'series/create', {
        prescriptionId: prescriptionIds[k]!, practitionerId: own, place: 'domicile', acts: [{ code: 'AMI', coefficient: 2 }],
        frequency: { kind: 'daily' }, times: ['08:00'], start: '2026-10-01', end: '2026-10-31',
      });
      inTransaction(db, () => {
        for (const v of view.visits) db.prepare("UPDATE planned_visits SET status = 'done', done_time = '08:10', done_by = ? WHERE id = ?").run(own, v.id);
      });
    }
    console.log(`40 patients   1,240 visits done in October   ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    let started = performance.now();
    const bill = await ok<{ invoices: { invoice: { id: number; totalCents: number } }[] }>(backend, 'series/bill-period', {
      practitionerId: own, patientId: null, from: '2026-10-01', to: '2026-10-31',
    });
    const billMs = performance.now() - started;
    started = performance.now();
    const printed = await ok<{ validated: unknown[] }>(backend, 'series/print-period', { invoiceIds: bill.invoices.map((i) => i.invoice.id), confirmWarnings: true });
    const printMs = performance.now() - started;

    const planMedian = median(planMs);
    const target = 1000;
    console.log(`plan a 3-month twice-a-day series (180 visits)   median ${planMedian.toFixed(1)} ms, max ${Math.max(...planMs).toFixed(1)} ms of ${planMs.length}   target < ${target} ms`);
    console.log(`bill a month for 40 patients (1,240 visits → ${bill.invoices.length} feuilles)   ${billMs.toFixed(0)} ms   target < ${target} ms`);
    console.log(`  then validate and print them in one PDF (${printed.validated.length} feuilles)   ${printMs.toFixed(0)} ms (not a target: numbers, frozen models, PDF)`);
    return planMedian < target && billMs < target;
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
