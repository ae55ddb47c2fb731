/**
 * Parts of `npm run bench` that compare Feuillet with bare baselines measured in the same run:
 * raw better-sqlite3 queries for the searches, a raw SQL transaction and bare pdfkit for the validation,
 * start → first answer and RSS of a fresh process on the built database.
 */
import { bundleForNode } from './bundle-node.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { BACKUPS_FOLDER } from '../electron/paths.ts';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import type { Backend } from '../electron/backend.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.ts';
import { parsePatientQuery } from '../core/domain/search.ts';
import { PATIENT_WORDS_WALK_SQL, patientSearchSql, planWordsSearch } from '../db/patient-search.ts';
import { validateInvoice } from '../electron/handlers/invoice-validation.ts';
import { frameTally, rawValidationTx, walFrameCounter } from './bench-commits.ts';

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
export const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
};

/**
 * The best raw query for a search box input: the same rows straight from better-sqlite3, statement
 * prepared once, no schema, no dispatcher, no AME badge — for names, the same statements as the app (FTS only
 * where the app still uses it: several words under three letters, and there the faster of its two plans).
 */
export function rawSearch(db: Db): (query: string) => number {
  const stmts = {
    empty: db.prepare(patientSearchSql('empty', false)),
    'nir-prefix': db.prepare(patientSearchSql('nir-prefix', false)),
    'birth-date': db.prepare(patientSearchSql('birth-date', false)),
    words: db.prepare(patientSearchSql('words', false)),
    walk: db.prepare(PATIENT_WORDS_WALK_SQL),
  };
  const prepared = new Map<string, Statement>();
  const statement = (sql: string) => prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;
  return (query) => {
    const q = parsePatientQuery(query);
    // Name words on the search keys and pairs: the app's own two statements (whole words, then word starts),
    // planned untimed (the app's plan may count a few pairs), run straight from better-sqlite3.
    const plan = q.kind === 'words' ? planWordsSearch(db, q.words, { includeArchived: false, limit: 50 }) : null;
    if (plan) {
      const exact = statement(plan.exact.sql);
      const prefix = statement(plan.prefix.sql);
      const t0 = performance.now();
      if (exact.all(plan.exact.params).length < 50) prefix.all(plan.prefix.params);
      return performance.now() - t0;
    }
    const t0 = performance.now();
    if (q.kind === 'words') {
      const fts = q.words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' AND ');
      const a = performance.now();
      stmts.words.all(fts, 50);
      const join = performance.now() - a;
      const b = performance.now();
      stmts.walk.all(fts, 50);
      return Math.min(join, performance.now() - b);
    }
    if (q.kind === 'nir-prefix') stmts['nir-prefix'].all(q.prefix, `${q.prefix}\uffff`, 50);
    else if (q.kind === 'birth-date') stmts['birth-date'].all(q.iso, 50);
    else stmts.empty.all(50);
    return performance.now() - t0;
  };
}

export interface ValidationFigures {
  /** The validation itself (checks, gapless number, validated row, frozen print model, audit: one transaction). */
  medianMs: number;
  perSecond: number;
  /** The same through dispatch('invoices/validate'), which also prints the PDF after the commit (what Imprimer costs). */
  withPdfMedianMs: number;
  withPdfPerSecond: number;
  rawMedianMs: number;
  /** What each commit appended to the WAL (frames of page size + 24 bytes): what its fsync has to carry. */
  walBytesPerValidation: number;
  walFramesPerValidation: number;
  rawWalBytes: number;
  pdfMedianMs: number;
  barePdfMedianMs: number;
}

/** Drafts of 3 acts, typed as a desk user would, for the validations below. */
async function makeDrafts(backend: Backend, practitionerId: number, patientIds: number[], count: number): Promise<number[]> {
  const drafts: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = await backend.dispatch('invoices/create-draft', { practitionerId, patientId: patientIds[i % patientIds.length] });
    if (!r.ok) throw new Error(`create-draft: ${r.error.message_fr}`);
    const id = (r.value as { id: number }).id;
    const u = await backend.dispatch('invoices/update-draft', {
      invoiceId: id,
      lines: [
        { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-20', code: 'IFD', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-21', code: 'AMI', coefficient: 1.5, quantity: 1 },
      ],
    });
    if (!u.ok) throw new Error(`update-draft: ${u.error.message_fr}`);
    drafts.push(id);
  }
  return drafts;
}

/**
 * `count` drafts of 3 acts validated with the database's current `synchronous`; sustained = validations
 * per second over the time spent validating (back to back, the raw baseline interleaved). The validation itself is `validateInvoice` — what the handler of
 * invoices/validate runs before its PDF: checks, gapless number, validated row, frozen print model and
 * audit in one transaction. Separately, a smaller run through dispatch('invoices/validate'), which prints
 * the PDF after the commit (its own line). Raw baseline: the same kind of writes (counter, invoice row,
 * audit) in one raw transaction. PDF: Feuillet's feuille de soins against a bare pdfkit page.
 */
export async function measureValidation(backend: Backend, practitionerId: number, patientIds: number[], count: number): Promise<ValidationFigures> {
  const drafts = await makeDrafts(backend, practitionerId, patientIds, count);
  // Warnings are confirmed as at the desk: the synthetic history holds the same acts on the same days (« déjà facturé »).
  const request = { ameAnswer: 'non' as const, confirmOutsideRights: true, confirmWarnings: true };
  const db = backend.ctx.db;
  // Raw baseline in the same file (same fsyncs): bump a counter, write the validated row and an audit row.
  // Interleaved with the validations, so both meet the disk in the same state (fsync latency varies a lot
  // on a shared disk).
  const rawTx = rawValidationTx(db);
  const samples: number[] = [];
  const rawSamples: number[] = [];
  // WAL frames of each commit, read from the wal-index outside the timed parts (a few µs each).
  const frames = walFrameCounter(db);
  const validationFrames = frameTally();
  const rawFrames = frameTally();
  let validatingMs = 0;
  for (const [i, invoiceId] of drafts.entries()) {
    let before = frames();
    let t0 = performance.now();
    const step = validateInvoice(backend.ctx, { invoiceId, ...request });
    const ms = performance.now() - t0;
    validationFrames.add(before, frames());
    samples.push(ms);
    validatingMs += ms;
    if (step.kind !== 'committed') throw new Error(`validate: ${JSON.stringify(step).slice(0, 300)}`);
    before = frames();
    t0 = performance.now();
    rawTx.run(i);
    rawSamples.push(performance.now() - t0);
    rawFrames.add(before, frames());
  }
  frames.close();
  const perSecond = (drafts.length * 1000) / validatingMs;
  const frameBytes = (db.pragma('page_size', { simple: true }) as number) + 24;
  rawTx.drop();

  // Imprimer as the user meets it: the validation and then its PDF, through dispatch.
  const withPdfDrafts = await makeDrafts(backend, practitionerId, patientIds, Math.min(count, 50));
  const withPdf: number[] = [];
  const withPdfStarted = performance.now();
  for (const invoiceId of withPdfDrafts) {
    const t0 = performance.now();
    const r = await backend.dispatch('invoices/validate', { invoiceId, ...request });
    withPdf.push(performance.now() - t0);
    if (!r.ok || (r.value as { kind: string }).kind !== 'validated') throw new Error(`validate: ${JSON.stringify(r).slice(0, 300)}`);
  }
  const withPdfPerSecond = (withPdfDrafts.length * 1000) / (performance.now() - withPdfStarted);

  const pdfSamples: number[] = [];
  const bareSamples: number[] = [];
  for (let i = 0; i < Math.min(count, 30); i++) {
    let t0 = performance.now();
    const p = await backend.dispatch('invoices/print', { id: drafts[i]! });
    if (!p.ok) throw new Error(`print: ${p.error.message_fr}`);
    pdfSamples.push(performance.now() - t0);
    t0 = performance.now();
    await barePdf();
    bareSamples.push(performance.now() - t0);
  }
  return {
    medianMs: summary(samples).p50,
    perSecond,
    withPdfMedianMs: summary(withPdf).p50,
    withPdfPerSecond,
    rawMedianMs: summary(rawSamples).p50,
    walBytesPerValidation: validationFrames.perCommit() * frameBytes,
    walFramesPerValidation: validationFrames.perCommit(),
    rawWalBytes: rawFrames.perCommit() * frameBytes,
    pdfMedianMs: summary(pdfSamples).p50,
    barePdfMedianMs: summary(bareSamples).p50,
  };
}

/** A bare pdfkit A4 page with about as much text as a feuille de soins (standard font, no embedding). */
function barePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 30 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let i = 0; i < 60; i++) doc.fontSize(9).text(`Ligne ${i} — AMI 1,5 — 20/11/2026 — 4,73 €`, 30 + (i % 2) * 260, 40 + (i >> 1) * 24);
    doc.end();
  });
}

/** Start → first answer over several fresh processes: one noisy sample does not decide. */
export interface StartSamples {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number[];
  /** Median CPU time (all threads) by the first answer: what a loaded machine stretches into wall time. */
  cpuMedianMs: number;
}

export interface StartFigures {
  /** The target figure: the slower of the two bundles' medians. */
  firstAnswerMs: number;
  /** As the browser-mode server ships (ESM, out/bridge/cli.mjs). */
  esm: StartSamples;
  /** As Electron's main ships (CommonJS, out/main/index.cjs). */
  cjs: StartSamples;
  /**
   * The ESM start with this machine's environment as it is, when it sets variables a practice's computer
   * does not (NODE_EXTRA_CA_CERTS: Node parses every listed certificate at start, ~30 ms of CPU here,
   * though Feuillet makes no TLS connection). Shown beside the figure, not the target.
   */
  machineEnv: (StartSamples & { names: string[] }) | null;
  /** pdfkit/fontkit files loaded by the first answer (must be none: they load at the first print). */
  printModules: string[];
  /** After a full run's 1,200 searches (ESM bundle); null when only the starts were measured. */
  rssMb: number | null;
  /** The slowest of the 1,200 searches typed after the first answer. */
  worstSearchMs: number | null;
  /** The same at the first start of the day: the daily backup runs meanwhile (as in the app). */
  firstOfDay: { firstAnswerMs: number; worstSearchMs: number } | null;
}

/** Set by build and CI machines, not by a practice's computer; the start samples run without them. */
const MACHINE_ONLY_ENV = ['NODE_EXTRA_CA_CERTS'];
const appEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !MACHINE_ONLY_ENV.includes(name)));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const startSamples = (runs: { firstAnswerMs: number; cpuMs: number }[]): StartSamples => {
  const samples = runs.map((r) => r.firstAnswerMs);
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), samples, cpuMedianMs: median(runs.map((r) => r.cpuMs)) };
};

/**
 * Fresh Node processes (the backend bundled as the app ships it: pdfkit and fontkit outside the bundle,
 * loaded only when printing) open the data folder and answer a first search: time from the process
 * start (performance.timeOrigin) to that answer. `starts` fresh processes per bundle, ESM and CommonJS
 * interleaved, so both meet the machine in the same state: median, min and max of each. Then (unless
 * `startsOnly`) one full run for RSS after 200 searches of each kind, and once more with the daily backup
 * started beside (its copy is removed afterwards).
 */
export async function measureStart(root: string, dataDir: string, opts: { starts?: number; startsOnly?: boolean } = {}): Promise<StartFigures> {
  const out = join(root, 'test-results', 'bench');
  mkdirSync(out, { recursive: true });
  const entry = join(root, 'scripts/bench-start.ts');
  const bundles = { esm: await bundleForNode(entry, join(out, 'bench-start.mjs'), 'esm'), cjs: await bundleForNode(entry, join(out, 'bench-start.cjs'), 'cjs') };
  type Child = { firstAnswerMs: number; cpuMs: number; printModules: string[]; rssMb?: number; worstSearchMs?: number };
  const run = (bundle: string, ...extra: string[]): Child => {
    const env = extra.includes('--machine-env') ? process.env : appEnv;
    const args = extra.filter((a) => a !== '--machine-env');
    const r = spawnSync(process.execPath, [bundle, dataDir, join(root, 'db', 'migrations'), join(root, 'invoice-templates', 'fonts'), ...args], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`start measure failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Child;
  };
  const esm: Child[] = [];
  const cjs: Child[] = [];
  const machineEnv: Child[] = [];
  const printModules = new Set<string>();
  for (let i = 0; i < (opts.starts ?? 5); i++) {
    esm.push(run(bundles.esm, '--first-answer-only'));
    if (MACHINE_ONLY_ENV.some((name) => process.env[name] !== undefined)) machineEnv.push(run(bundles.esm, '--first-answer-only', '--machine-env'));
    // The CommonJS bundle `require`s its externals: a pdfkit imported at start would show in its require cache.
    const c = run(bundles.cjs, '--first-answer-only');
    cjs.push(c);
    for (const m of c.printModules) printModules.add(m);
  }
  const figures = {
    esm: startSamples(esm),
    cjs: startSamples(cjs),
    machineEnv: machineEnv.length > 0 ? { names: MACHINE_ONLY_ENV.filter((n) => process.env[n] !== undefined), ...startSamples(machineEnv) } : null,
    printModules: [...printModules],
  };
  const firstAnswerMs = Math.max(figures.esm.medianMs, figures.cjs.medianMs);
  if (opts.startsOnly) return { ...figures, firstAnswerMs, rssMb: null, worstSearchMs: null, firstOfDay: null };
  const full = run(bundles.esm);
  const backupsBefore = new Set(existsSync(join(dataDir, BACKUPS_FOLDER)) ? readdirSync(join(dataDir, BACKUPS_FOLDER)) : []);
  const firstOfDay = run(bundles.esm, '--first-of-day');
  for (const f of existsSync(join(dataDir, BACKUPS_FOLDER)) ? readdirSync(join(dataDir, BACKUPS_FOLDER)) : []) {
    if (!backupsBefore.has(f)) rmSync(join(dataDir, BACKUPS_FOLDER, f), { force: true });
  }
  return {
    ...figures,
    firstAnswerMs,
    rssMb: full.rssMb!,
    worstSearchMs: full.worstSearchMs!,
    firstOfDay: { firstAnswerMs: firstOfDay.firstAnswerMs, worstSearchMs: firstOfDay.worstSearchMs! },
  };
}

/** One line: `92 ms (min 88, max 130; CPU 60 ms)`. */
export const formatStart = (s: StartSamples) => `${s.medianMs.toFixed(0)} ms (min ${s.minMs.toFixed(0)}, max ${s.maxMs.toFixed(0)}; CPU ${s.cpuMedianMs.toFixed(0)} ms)`;
