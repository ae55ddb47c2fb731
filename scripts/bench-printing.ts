/**
 * Printing figures of `npm run bench` (issue #8), each beside bare pdfkit measured in the same run:
 * one feuille de soins (median), 100 feuilles in one batch, and pdfkit/fontkit still unloaded at a fresh start's first answer.
 * Uses the fonts as the build prepares them (scripts/prepare-fonts.mjs). `npm run bench -- --printing` runs only this.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../electron/backend.ts';
import { fixedClock } from '../electron/context.ts';
import { computeNirKey } from '../core/domain/nir.ts';
import { prepareFonts } from './prepare-fonts.mjs';
import { formatStart, measureStart } from './bench-extra.ts';

const ROOT = join(import.meta.dirname, '..');
const TODAY = '2026-11-25';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function ok<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message_fr}`);
  return r.value as T;
}

/** Bare pdfkit with the same fonts: one page, one line of text in each weight. */
async function barePdfkit(fontsDir: string): Promise<number> {
  const PDFDocument = ((await import('pdfkit')) as unknown as { default: typeof import('pdfkit') }).default;
  const { readFileSync } = await import('node:fs');
  const regular = readFileSync(join(fontsDir, 'DejaVuSans.ttf'));
  const bold = readFileSync(join(fontsDir, 'DejaVuSans-Bold.ttf'));
  const once = () =>
    new Promise<void>((resolve) => {
      const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
      doc.on('data', () => undefined);
      doc.on('end', () => resolve());
      doc.registerFont('regular', regular).registerFont('bold', bold);
      doc.font('regular').text('Feuille de soins — 12,34 €', 50, 50);
      doc.font('bold').text('Facture n° 1', 50, 80);
      doc.end();
    });
  for (let i = 0; i < 5; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export async function benchPrinting(): Promise<boolean> {
  console.log('\nPrinting (issue #8)');
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-bench-print-'));
  const fontsDir = join(dir, 'fonts');
  prepareFonts(join(ROOT, 'invoice-templates', 'fonts'), fontsDir);
  const dataDir = join(dir, 'data');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir);

  const backend = createBackend({
    dataDir,
    migrationsDir: join(ROOT, 'db', 'migrations'),
    fontsDir,
    transport: 'browser',
    appVersion: 'bench',
    clock: fixedClock(TODAY),
  });
  const practitioner = await ok<{ id: number }>(backend, 'practitioners/create', {
    profession: 'infirmier', lastName: 'Martin', firstName: 'Claire', amNumber: '751234567', rpps: null,
    addressLine: '3 place du Marché', postalCode: '75011', city: 'Paris', phone: null, ikZone: 'plaine',
  });
  const ame = (await ok<{ id: number; isAme: boolean }[]>(backend, 'organisms/list', {})).find((o) => o.isAme)!;
  const ids: number[] = [];
  for (let i = 0; i < 100; i++) {
    const body = `88505991${String(10000 + i).slice(-5)}`;
    const patient = await ok<{ id: number }>(backend, 'patients/create', {
      lastName: `Diallo-${i}`, firstName: 'Aminata', birthDate: '1988-05-14', sex: 'F', nir: body + computeNirKey(body)!,
      regime: '01', caisse: '751', centre: '0000', addressLine: '12 rue des Lilas', postalCode: '75019', city: 'Paris',
    });
    await ok(backend, 'coverages/add', { patientId: patient.id, organismId: ame.id, startDate: '2026-03-01', endDate: '2027-02-28', contractCode: '05' });
    const draft = await ok<{ id: number }>(backend, 'invoices/create-draft', { practitionerId: practitioner.id, patientId: patient.id });
    await ok(backend, 'invoices/update-draft', {
      invoiceId: draft.id,
      lines: [
        { actDate: '2026-11-20', code: 'AMI', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-20', code: 'IFD', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-21', code: 'AMI', coefficient: 1.5, quantity: 1 },
      ],
    });
    await ok(backend, 'invoices/set-ame', { invoiceId: draft.id, ame: true });
    await ok(backend, 'invoices/validate', { invoiceId: draft.id });
    ids.push(draft.id);
  }

  const bare = await barePdfkit(fontsDir);
  const one: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await ok(backend, 'invoices/print', { id: ids[i % ids.length] });
    if (i >= 10) one.push(performance.now() - t0);
  }
  // The same feuille with the fonts as shipped in the repository (not prepared): what the build saves.
  const preparedFonts = backend.ctx.fontsDir;
  backend.ctx.fontsDir = join(ROOT, 'invoice-templates', 'fonts');
  const raw: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await ok(backend, 'invoices/print', { id: ids[i % ids.length] });
    if (i >= 5) raw.push(performance.now() - t0);
  }
  backend.ctx.fontsDir = preparedFonts;
  const batch: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const r = await ok<{ count: number }>(backend, 'invoices/print-batch', { kind: 'invoices', invoiceIds: ids });
    if (r.count !== 100) throw new Error(`batch printed ${r.count}`);
    if (i > 0) batch.push(performance.now() - t0);
  }
  backend.close();
  // Start → first answer of fresh processes on this (small) folder, bundled as the app ships: the same
  // measure as the database bench's, here for its check that pdfkit and fontkit wait for the first print.
  const start = await measureStart(ROOT, dataDir, { startsOnly: true });
  rmSync(dir, { recursive: true, force: true });

  const oneMs = median(one);
  const batchMs = median(batch);
  const rows: [string, string, string, boolean][] = [
    ['one feuille (invoices/print, median)', `${oneMs.toFixed(1)} ms`, '< 25 ms', oneMs < 25],
    ['100 feuilles in one batch (median)', `${batchMs.toFixed(0)} ms`, '< 1000 ms', batchMs < 1000],
    ['pdfkit/fontkit at first answer', start.printModules.length === 0 ? 'not loaded' : 'LOADED', 'not loaded', start.printModules.length === 0],
  ];
  for (const [label, value, target, met] of rows) console.log(`${label.padEnd(40)} ${value.padStart(28)}   ${target} ${met ? 'met' : 'NOT MET'}`);
  console.log(`start → first answer on this small folder, median of ${start.esm.samples.length} fresh starts (the target is the database bench's): ESM ${formatStart(start.esm)}, CommonJS ${formatStart(start.cjs)}`);
  console.log(`${'bare pdfkit, same fonts, 2 lines (median)'.padEnd(40)} ${`${bare.toFixed(1)} ms`.padStart(28)}   (reference, same run)`);
  console.log(`${'one feuille, unprepared fonts (median)'.padEnd(40)} ${`${median(raw).toFixed(1)} ms`.padStart(28)}   (reference, same run)`);
  return rows.every((r) => r[3]);
}
