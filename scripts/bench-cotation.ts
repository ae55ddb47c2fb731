/**
 * `npm run bench -- --cotation` (issue 18): what the desk does with the full NGAP catalogue.
 * - pricing one visit (`priceVisit`, the pure engine, as the screen and the server run it);
 * - validating drafts entered as VISITS (3 visits each: a Sunday home visit with IK, a prise de sang with an
 *   injection, an insulin round) with `validateInvoice`, beside the bare durable transaction interleaved;
 * - where the validation's time goes: re-pricing its visits, the rest of the transaction, the commit's fsync.
 * Builds only what it needs: a fresh file with `--patients` patients (default 2,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { priceVisit } from '../core/cotation/price-visit.ts';
import type { Visit } from '../core/cotation/types.ts';
import { currentCatalogue } from '../db/catalogue-cache.ts';
import { createBackend } from '../electron/backend.ts';
import { fixedClock } from '../electron/context.ts';
import { validateInvoice } from '../electron/handlers/invoice-validation.ts';
import { buildPatientInput, buildPractitionerInput, nirOf, ROOT } from '../tests/helpers/test-backend.ts';
import { summary } from './bench-extra.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PATIENTS = arg('patients', 2_000);
const DRAFTS = arg('drafts', 300);
const ms = (v: number) => `${v.toFixed(3)} ms`;

const visits = (i: number) => [
  { date: '2026-11-22', time: '10:30', callTime: null, place: 'domicile' as const, householdRank: 1, distanceKm: 7, urgent: true, imperativePrescription: false,
    coordination: 'aucune' as const, twoSessionsJustified: false, r251Procedure: false,
    acts: [{ key: 'idel-injection-im', code: 'AMI', coefficient: 1 }, { key: 'idel-pansement-simple', code: 'AMI', coefficient: 2 }, { key: 'idel-aerosol', code: 'AMI', coefficient: 1.5 }] },
  { date: '2026-11-23', time: '08:15', callTime: null, place: 'domicile' as const, householdRank: 1, distanceKm: 3 + (i % 5), urgent: false, imperativePrescription: false,
    coordination: 'aucune' as const, twoSessionsJustified: false, r251Procedure: false,
    acts: [{ key: 'idel-prelevement', code: 'AMI', coefficient: 1.5 }, { key: 'idel-injection-sc', code: 'AMI', coefficient: 1 }] },
  { date: '2026-11-24', time: '07:45', callTime: null, place: 'domicile' as const, householdRank: 1, distanceKm: null, urgent: false, imperativePrescription: true,
    coordination: 'aucune' as const, twoSessionsJustified: false, r251Procedure: false,
    acts: [{ key: 'idel-insuline-surveillance', code: 'AMI', coefficient: 1 }, { key: 'idel-insuline-injection', code: 'AMI', coefficient: 1 }] },
];

export async function benchCotation(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-bench-cotation-'));
  const backend = createBackend({
    dataDir: dir, migrationsDir: join(ROOT, 'db', 'migrations'), fontsDir: join(ROOT, 'invoice-templates', 'fonts'),
    transport: 'browser', appVersion: 'bench', clock: fixedClock('2026-11-25'),
  });
  try {
    const call = async (m: Parameters<typeof backend.dispatch>[0], input: unknown) => {
      const r = await backend.dispatch(m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message_fr}`);
      return r.value as { id: number };
    };
    const nurse = await call('practitioners/create', buildPractitionerInput());
    const patients: number[] = [];
    const db = backend.ctx.db;
    for (let i = 0; i < PATIENTS; i++) patients.push((await call('patients/create', buildPatientInput({ lastName: `Bench${i}`, nir: nirOf(`16003750${String(i).padStart(5, '0')}`) }))).id);
    const catalogue = currentCatalogue(db, 'infirmier');
    console.log(`Catalogue : ${catalogue.acts.length} actes, ${catalogue.tariffs.length} tarifs, ${catalogue.steps.length} paliers (infirmier) ; ${PATIENTS} patients.`);

    // 1. priceVisit alone, the full catalogue in memory.
    const practice = { profession: 'infirmier' as const, tariffZone: 'metropole' as const, ikZone: 'plaine' as const, postalCode: '75011' };
    const engineVisits: Visit[] = visits(0).map((v) => ({ ...v, distanceTenths: v.distanceKm === null ? null : v.distanceKm * 10, acts: v.acts.map((a) => ({ ...a, coefficient: Math.round(a.coefficient * 100) })) }));
    for (let i = 0; i < 2_000; i++) priceVisit(engineVisits[i % 3]!, catalogue, practice, { birthDate: '1960-03-14' });
    const pricing: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      const t0 = performance.now();
      priceVisit(engineVisits[i % 3]!, catalogue, practice, { birthDate: '1960-03-14' });
      pricing.push(performance.now() - t0);
    }
    const p = summary(pricing);
    console.log(`Tarifer une visite (priceVisit, catalogue complet) : médiane ${ms(p.p50)}, p95 ${ms(p.p95)}`);

    // 2. Validation of visit-based drafts, the bare durable transaction interleaved.
    const drafts: number[] = [];
    for (let i = 0; i < DRAFTS; i++) {
      const d = await call('invoices/create-draft', { practitionerId: nurse.id, patientId: patients[i % patients.length] });
      await call('invoices/update-draft', { invoiceId: d.id, visits: visits(i) });
      drafts.push(d.id);
    }
    db.exec('CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, n INTEGER, at TEXT); CREATE TABLE bench_counter (n INTEGER); INSERT INTO bench_counter VALUES (0)');
    const bump = db.prepare('UPDATE bench_counter SET n = n + 1 RETURNING n');
    const mark = db.prepare('INSERT INTO bench_raw (n, at) VALUES (?, ?)');
    const rawTx = db.transaction(() => mark.run((bump.get() as { n: number }).n, 'now'));
    const request = { ameAnswer: 'non' as const, confirmOutsideRights: true, confirmWarnings: true };
    const full: number[] = [];
    const raw: number[] = [];
    const half = Math.floor(drafts.length / 2);
    for (const invoiceId of drafts.slice(0, half)) {
      let t0 = performance.now();
      const step = validateInvoice(backend.ctx, { invoiceId, ...request });
      full.push(performance.now() - t0);
      if (step.kind !== 'committed') throw new Error(`validate: ${JSON.stringify(step).slice(0, 200)}`);
      t0 = performance.now();
      rawTx.immediate();
      raw.push(performance.now() - t0);
    }
    // Without the commit's fsync (synchronous = NORMAL): what is left is CPU (statements, pricing, model).
    db.pragma('synchronous = NORMAL');
    const normal: number[] = [];
    for (const invoiceId of drafts.slice(half)) {
      const t0 = performance.now();
      validateInvoice(backend.ctx, { invoiceId, ...request });
      normal.push(performance.now() - t0);
    }
    db.pragma('synchronous = FULL');
    // Re-pricing the three visits, as the validation does (the pure engine only).
    const repricing: number[] = [];
    for (let i = 0; i < 3_000; i++) {
      const t0 = performance.now();
      for (const v of engineVisits) priceVisit(v, catalogue, practice, { birthDate: '1960-03-14' });
      repricing.push(performance.now() - t0);
    }
    const f = summary(full);
    const r = summary(raw);
    const n = summary(normal);
    const rp = summary(repricing);
    console.log(`Valider une facture de 3 visites (validateInvoice, synchronous FULL) : médiane ${ms(f.p50)}, p95 ${ms(f.p95)} (${(1000 / f.p50).toFixed(0)}/s)`);
    console.log(`Transaction durable nue (même fichier, intercalée) : médiane ${ms(r.p50)} — rapport ${(f.p50 / r.p50).toFixed(1)}×`);
    console.log(`Où va le temps : commit et fsync ≈ ${ms(Math.max(0, f.p50 - n.p50))} (FULL − NORMAL) ; reste (requêtes, modèle imprimé, audit) ≈ ${ms(Math.max(0, n.p50 - rp.p50))} ; re-tarification des 3 visites ${ms(rp.p50)}.`);
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
