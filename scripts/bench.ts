/**
 * `npm run bench`: the desk must feel instant with years of data. Builds a temporary database with
 * 100,000 patients and 1,000,000 act lines, then times the calls a desk user makes, through dispatch()
 * (the same validation path as IPC and HTTP). Prints figures and whether each target is met.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeNirKey } from '../core/domain/nir.ts';
import { foldText, indexTermsForName } from '../core/domain/search.ts';
import { createBackend } from '../electron/backend.ts';
import { fixedClock } from '../electron/context.ts';

const ROOT = join(import.meta.dirname, '..');
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const LAST = ['Martin', 'Bernard', 'Diallo', "N'Diaye", 'Le Gall-Martin', 'Nguyễn', 'Camara', 'Traoré', 'Lefèvre', 'Dubois', 'Kowalczyk', 'Ben Saïd', 'Rodríguez', "D'Almeida", 'Müller', 'Séverin', 'Keïta', 'Hoarau', 'Ølsen', 'Fontaine'];
const FIRST = ['Aminata', 'Séverine', 'Jean-Pierre', 'Zoé', 'Moussa', 'Anaïs', 'Luc', 'Fatou', 'Hélène', 'Éloïse', 'Karim', 'Chloé', 'Ibrahima', 'Noël', 'Inès'];

let seed = 42;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1)! };
}

const dir = mkdtempSync(join(tmpdir(), 'feuillet-bench-'));
const t0 = performance.now();
const backend = createBackend({
  dataDir: dir,
  migrationsDir: join(ROOT, 'db/migrations'),
  fontsDir: join(ROOT, 'invoice-templates/fonts'),
  transport: 'browser',
  appVersion: 'bench',
  clock: fixedClock('2026-11-25'),
});
const openMs = performance.now() - t0;
const db = backend.ctx.db;

const build0 = performance.now();
db.transaction(() => {
  const now = '2026-01-01T00:00:00.000Z';
  const insP = db.prepare(
    `INSERT INTO patients (id, last_name, first_name, birth_date, sex, nir, regime, caisse, centre, created_at, updated_at, sort_key)
     VALUES (?, ?, ?, ?, ?, ?, '01', '751', '0000', ?, ?, ?)`,
  );
  const insF = db.prepare('INSERT INTO patients_fts (rowid, terms) VALUES (?, ?)');
  const insC = db.prepare("INSERT INTO coverages (patient_id, organism_id, start_date, end_date, created_at) VALUES (?, 1, '2026-03-01', '2027-02-28', ?)");
  for (let id = 1; id <= PATIENTS; id++) {
    const last = `${LAST[rand(LAST.length)]!}${id % 7 === 0 ? '-' + LAST[rand(LAST.length)] : ''}`;
    const first = FIRST[rand(FIRST.length)]!;
    const year = 1930 + rand(90);
    const sexDigit = [1, 2, 7, 8][rand(4)]!;
    const body = `${sexDigit}${pad(year % 100, 2)}${pad(1 + rand(12), 2)}${pad(1 + rand(95), 2)}${pad(rand(1000), 3)}${pad(rand(1000), 3)}`;
    insP.run(id, last, first, `${year}-${pad(1 + rand(12), 2)}-${pad(1 + rand(28), 2)}`, sexDigit % 2 ? 'M' : 'F', body + computeNirKey(body), now, now, foldText(`${last} ${first}`));
    insF.run(id, [...new Set([last, first].flatMap(indexTermsForName))].join(' '));
    if (id % 5 === 0) insC.run(id, now);
  }
  db.prepare(
    "INSERT INTO practitioners (id, profession, last_name, first_name, am_number, address_line, postal_code, city, created_at, updated_at) VALUES (1, 'infirmier', 'Martin', 'Claire', '751234567', '1 rue', '75011', 'Paris', ?, ?)",
  ).run(now, now);
  const ami = (db.prepare("SELECT id FROM tariffs WHERE code = 'AMI'").get() as { id: number }).id;
  const insI = db.prepare(
    "INSERT INTO invoices (id, status, practitioner_id, patient_id, total_cents, created_at) VALUES (?, 'draft', 1, ?, 1575, ?)",
  );
  const insL = db.prepare(
    "INSERT INTO invoice_lines (invoice_id, position, act_date, code, coefficient, quantity, unit_cents, amount_cents, tariff_id) VALUES (?, ?, ?, 'AMI', 100, 1, 315, 315, ?)",
  );
  const validate = db.prepare("UPDATE invoices SET status = 'validated', number = ?, validated_at = ? WHERE id = ?");
  const invoices = LINES / 5;
  for (let i = 1; i <= invoices; i++) {
    const day = `20${pad(20 + (i % 6), 2)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`;
    // As the app does: lines go into a draft, then the draft is validated (the triggers forbid the reverse).
    insI.run(i, 1 + rand(PATIENTS), now);
    for (let p = 1; p <= 5; p++) insL.run(i, p, day, ami);
    validate.run(i, now, i);
  }
  db.prepare('INSERT INTO invoice_counters (practitioner_id, last_number) VALUES (1, ?)').run(invoices);
})();
const buildMs = performance.now() - build0;

async function time(label: string, target: number, make: (i: number) => [string, unknown], n = 200) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const [method, input] = make(i);
    const s = performance.now();
    const r = await backend.dispatch(method, input);
    samples.push(performance.now() - s);
    if (!r.ok) throw new Error(`${method}: ${r.error.message_fr}`);
  }
  const { p50, p95, max } = stats(samples);
  const ok = p95 < target;
  console.log(`${label.padEnd(44)} p50 ${p50.toFixed(2).padStart(7)} ms  p95 ${p95.toFixed(2).padStart(7)} ms  max ${max.toFixed(2).padStart(7)} ms  target p95 < ${target} ms ${ok ? 'OK' : 'NOT MET'}`);
  return ok;
}

console.log(`Feuillet bench — ${PATIENTS.toLocaleString('fr-FR')} patients, ${LINES.toLocaleString('fr-FR')} lignes d'actes`);
console.log(`open + migrate (empty file): ${openMs.toFixed(0)} ms; build data: ${(buildMs / 1000).toFixed(1)} s; file: ${(statSync(join(dir, 'feuillet.sqlite')).size / 1e6).toFixed(0)} MB`);
const prefixes = ['ma', 'dia', 'ndi', 'sev', 'le g', 'ngu', 'tra', 'ke', 'ben s', 'mull'];
const results = [
  await time('search: name prefix (2–5 letters)', 50, (i) => ['patients/search', { query: prefixes[i % prefixes.length] }]),
  await time('search: full name + first name', 50, (i) => ['patients/search', { query: `${LAST[i % LAST.length]} ${FIRST[i % FIRST.length]}` }]),
  await time('search: first digits of NIR/NIA', 50, (i) => ['patients/search', { query: ['1 8', '2 9', '8 85', '7 4'][i % 4] }]),
  await time('search: birth date jj/mm/aaaa', 50, (i) => ['patients/search', { query: `${pad(1 + (i % 28), 2)}/0${1 + (i % 9)}/19${50 + (i % 40)}` }]),
  await time('search: empty (alphabetical list)', 50, () => ['patients/search', { query: '' }]),
  await time('patients/get', 10, (i) => ['patients/get', { id: 1 + ((i * 7919) % PATIENTS) }]),
  await time("invoices/list for a patient", 50, (i) => ['invoices/list', { patientId: 1 + ((i * 104729) % PATIENTS) }]),
  await time('invoices/get (5 lines)', 10, (i) => ['invoices/get', { id: 1 + ((i * 31) % (LINES / 5)) }]),
];
backend.close();
rmSync(dir, { recursive: true, force: true });
console.log(results.every(Boolean) ? 'All targets met.' : 'Some targets NOT met.');
