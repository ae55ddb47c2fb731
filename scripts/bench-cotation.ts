/**
 * `npm run bench -- --cotation` (issue 18): what the desk does with the full NGAP catalogue.
 * - pricing one visit (`priceVisit`, the pure engine, as the screen and the server run it);
 * - validating drafts entered as VISITS (3 visits each: a Sunday home visit with IK, a prise de sang with an
 *   injection, an insulin round) with `validateInvoice`, beside the bare durable transaction of the same shape
 *   (counter, row, audit) in the same file: warmed up, in pairs whose order alternates, each after an idle
 *   pause as at the desk, and again back to back;
 * - where the validation's time goes: WAL pages by b-tree, fsyncs per commit, SQL statements, JS, commit.
 * Builds only what it needs: a fresh file with `--patients` patients (default 2,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { priceVisit } from '../core/cotation/price-visit.ts';
import type { Visit } from '../core/cotation/types.ts';
import { currentCatalogue } from '../db/catalogue-cache.ts';
import { createBackend } from '../electron/backend.ts';
import { fixedClock } from '../electron/context.ts';
import { validateInvoice } from '../electron/handlers/invoice-validation.ts';
import { buildFrozenFeuille } from '../electron/handlers/invoice-document.ts';
import { requireInvoice, requirePractitioner } from '../electron/handlers/invoice-drafts.ts';
import { requirePatient } from '../electron/handlers/patients.ts';
import { commitCostByPages, countSyncs, frameTally, pageOwners, pause, profileTransactions, rawValidationTx, walFrameCounter, walPagesOf } from './bench-commits.ts';
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
    // Building the file is not measured: without fsyncs (the same rows, pages and indexes); FULL again below.
    db.pragma('synchronous = OFF');
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

    // 2. Validation of visit-based drafts beside the bare durable transaction (bench-commits.ts), same file.
    const drafts: number[] = [];
    for (let i = 0; i < DRAFTS; i++) {
      const d = await call('invoices/create-draft', { practitionerId: nurse.id, patientId: patients[i % patients.length] });
      await call('invoices/update-draft', { invoiceId: d.id, visits: visits(i) });
      drafts.push(d.id);
    }
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const request = { ameAnswer: 'non' as const, confirmOutsideRights: true, confirmWarnings: true };
    const validate = (invoiceId: number) => {
      const step = validateInvoice(backend.ctx, { invoiceId, ...request });
      if (step.kind !== 'committed') throw new Error(`validate: ${JSON.stringify(step).slice(0, 200)}`);
    };
    const raw = rawValidationTx(db);
    const take = (n: number) => drafts.splice(0, Math.min(n, drafts.length));
    // Warm-up: statements compiled, catalogue cached, pages of both in the page cache.
    take(10).forEach((id, i) => (validate(id), raw.run(i)));
    const frames = walFrameCounter(db);
    const frameBytes = (db.pragma('page_size', { simple: true }) as number) + 24;
    /**
     * Validation and bare transaction in pairs, the order alternating. `gapMs` > 0: each one after an idle
     * pause, as at the desk (a commit right behind another is cheaper: the disk has just been flushed).
     */
    const pairs = (ids: number[], gapMs: number) => {
      const v = { samples: [] as number[], frames: frameTally() };
      const r = { samples: [] as number[], frames: frameTally() };
      ids.forEach((id, i) => {
        const sides = [() => validate(id), () => raw.run(i)] as const;
        for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
          if (gapMs > 0) pause(gapMs);
          const before = frames();
          const t0 = performance.now();
          sides[k]!();
          (k === 0 ? v : r).samples.push(performance.now() - t0);
          (k === 0 ? v : r).frames.add(before, frames());
        }
      });
      return { v, r };
    };
    const desk = pairs(take(120), 20);
    const chained = pairs(take(60), 0);
    const report = (label: string, { v, r }: ReturnType<typeof pairs>) => {
      const f = summary(v.samples);
      const b = summary(r.samples);
      console.log(`${label} : valider ${ms(f.p50)} (p95 ${ms(f.p95)}, ${(1000 / f.p50).toFixed(0)}/s) ; transaction nue ${ms(b.p50)} (p95 ${ms(b.p95)}) — rapport ${(f.p50 / b.p50).toFixed(1)}×`);
      return { v, r };
    };
    console.log(`Valider une facture de 3 visites (validateInvoice, synchronous FULL) contre la transaction durable nue (compteur, ligne, audit ; même fichier, ordre alterné ; charge de la machine ${loadavg()[0]!.toFixed(1)}) :`);
    report('  chacune après une pause (comme au bureau)', desk);
    report('  enchaînées sans pause', chained);
    console.log(`  WAL par commit : validation ${desk.v.frames.perCommit().toFixed(1)} pages (${((desk.v.frames.perCommit() * frameBytes) / 1024).toFixed(1)} Ko), transaction nue ${desk.r.frames.perCommit().toFixed(1)} pages (${((desk.r.frames.perCommit() * frameBytes) / 1024).toFixed(1)} Ko)`);
    frames.close();

    // 3. Where the time goes. Pages of one validation's commit, by b-tree.
    const owners = pageOwners(db);
    const pages = walPagesOf(db, owners, () => validate(take(1)[0]!));
    console.log(`Pages écrites par une validation : ${[...pages].map(([name, n]) => `${name} ${n}`).join(', ')}`);
    // Does the page count weigh on the commit? Bare commits of 1, 3 and 13 pages, each after a pause.
    const byPages = commitCostByPages(db, [1, 3, 13], 60, 20);
    console.log(`Commit durable nu selon les pages écrites (médianes, après une pause) : ${[...byPages].map(([n, v]) => `${n} p. ${ms(v)}`).join(', ')}`);
    // fsyncs per commit, counted by the kernel (strace), without timing.
    const syncIds = take(20);
    const vSyncs = await countSyncs(db, () => syncIds.forEach((id) => validate(id)));
    const rSyncs = await countSyncs(db, () => syncIds.forEach((_, i) => raw.run(i)));
    if (vSyncs && rSyncs) {
      const per = (s: { wal: number; db: number }) => `${(s.wal / syncIds.length).toFixed(2)} (WAL) + ${(s.db / syncIds.length).toFixed(2)} (base, checkpoints)`;
      console.log(`fsync par commit : validation ${per(vSyncs)} ; transaction nue ${per(rSyncs)}`);
    }
    // Statements, JS and commit, instrumented (a few µs per statement), with and without the fsync: medians.
    const profiled = (ids: number[]) => {
      const profile = profileTransactions(db);
      const totals = ids.map((id) => {
        const t0 = performance.now();
        validate(id);
        return performance.now() - t0;
      });
      const { transactions, statements } = profile.stop();
      const median = (values: number[]) => summary(values).p50;
      return {
        inside: median(transactions.map((t) => t.insideMs)),
        sql: median(transactions.map((t) => t.sqlMs)),
        js: median(transactions.map((t) => t.insideMs - t.sqlMs)),
        commit: median(totals.map((total, i) => total - transactions[i]!.insideMs)),
        statements: [...statements].map(([sql, calls]) => ({ sql, calls: calls.length / ids.length, ms: (median(calls) * calls.length) / ids.length })),
      };
    };
    const withSync = profiled(take(30));
    db.pragma('synchronous = NORMAL');
    const noSync = profiled(take(30));
    db.pragma('synchronous = FULL');
    console.log(`Où va le temps (médianes de chaque part, instrumenté) : dans la transaction ${ms(noSync.inside)} = requêtes SQLite ${ms(noSync.sql)} + JS ${ms(noSync.js)} ;`
      + ` BEGIN/COMMIT sans fsync ${ms(noSync.commit)}, avec fsync ${ms(withSync.commit)}.`);
    for (const s of noSync.statements.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${ms(s.ms)} (${s.calls.toFixed(0)}×) ${s.sql.replace(/\s+/g, ' ').slice(0, 110)}`);
    // The JS parts alone: the engine over the 3 visits, the frozen print model built and serialised.
    const repricing: number[] = [];
    for (let i = 0; i < 3_000; i++) {
      const t0 = performance.now();
      for (const v of engineVisits) priceVisit(v, catalogue, practice, { birthDate: '1960-03-14' });
      repricing.push(performance.now() - t0);
    }
    const validated = requireInvoice(backend.ctx, syncIds[0]!);
    const sources = { practitioner: requirePractitioner(backend.ctx, nurse.id), patient: requirePatient(backend.ctx, validated.patientId), ameCoverage: null };
    const model: number[] = [];
    let modelBytes = 0;
    for (let i = 0; i < 2_000; i++) {
      const t0 = performance.now();
      modelBytes = JSON.stringify(buildFrozenFeuille(backend.ctx, validated, sources)).length;
      model.push(performance.now() - t0);
    }
    console.log(`  JS seul : tarifer les 3 visites ${ms(summary(repricing).p50)} ; construire et sérialiser le modèle imprimé figé ${ms(summary(model).p50)} (${modelBytes} octets)`);
    raw.drop();
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
