/**
 * `npm run bench -- --import`: importing a 2,000-row patient list (3 wrong NIR keys, 2 duplicates of patients
 * already there) into a practice of 100,000 patients (`--patients N` to change it), timed through the real
 * dispatch(). Builds only the patients it needs. Target: under 5 s, 1,995 imported, 5 refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend.ts';
import { fixedClock } from '../electron/context.ts';
import { inTransaction } from '../db/connection.ts';
import { insertPatient } from '../db/patients-repo.ts';
import { patientListCsv, patientRow } from '../tests/helpers/patient-list.ts';

const IMPORT_TARGET_MS = 5000;

export async function benchImport(existingPatients: number): Promise<boolean> {
  const ROOT = join(import.meta.dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'feuillet-bench-import-'));
  const backend = createBackend({
    dataDir: dir,
    migrationsDir: join(ROOT, 'db', 'migrations'),
    fontsDir: join(ROOT, 'invoice-templates', 'fonts'),
    transport: 'browser',
    appVersion: 'bench',
    clock: fixedClock('2026-11-25'),
  });
  try {
    const built = performance.now();
    const db = backend.ctx.db;
    for (let from = 0; from < existingPatients; from += 10_000) {
      inTransaction(db, () => {
        for (let i = from; i < Math.min(existingPatients, from + 10_000); i++) {
          const r = patientRow(i, 300_000);
          insertPatient(db, { ...r, lastName: `Base${r.lastName}`, usageName: null, birthRank: 1, regime: null, caisse: null, centre: null, quality: 'assure', insuredLastName: null, insuredFirstName: null, insuredNir: null, insuredBirthDate: null, addressLine: null, postalCode: null, city: null, phone: null, notes: null }, '2026-01-01T00:00:00.000Z');
        }
      });
    }
    const list = patientListCsv(2000, { badKeysAt: [10, 500, 1999], duplicatesAt: [20, 700] });
    for (const p of list.existing) {
      const r = await backend.dispatch('patients/create', p);
      if (!r.ok) throw new Error(r.error.message_fr);
    }
    console.log(`Import bench: ${existingPatients.toLocaleString('en')} patients built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
    const contentBase64 = Buffer.from(list.csv).toString('base64');
    const preview = await backend.dispatch('patients-import/preview', { fileName: 'liste.csv', contentBase64 });
    if (!preview.ok) throw new Error(preview.error.message_fr);
    const started = performance.now();
    const r = await backend.dispatch('patients-import/run', { fileName: 'liste.csv', contentBase64, mapping: (preview.value as { mapping: unknown }).mapping });
    const ms = performance.now() - started;
    if (!r.ok) throw new Error(r.error.message_fr);
    const { imported, refused } = r.value as { imported: number; refused: unknown[] };
    const met = ms < IMPORT_TARGET_MS && imported === 1995 && refused.length === 5;
    console.log(`  import of 2,000 rows: ${ms.toFixed(0)} ms (target < ${IMPORT_TARGET_MS} ms); ${imported} imported, ${refused.length} refused (want 1,995 and 5) → ${met ? 'met' : 'NOT met'}`);
    return met;
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
