/**
 * Child of the bench (see measureStart in bench-extra.ts): start → first answer, then RSS.
 * `--first-of-day`: the daily backup is started right after the backend, as the app does at its first
 * start of the day (electron/main/index.ts), so the first answer is measured while it runs.
 */
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend.ts';
import { dailyBackup } from '../electron/backups.ts';
import { fixedClock } from '../electron/context.ts';

const [dataDir, migrationsDir, fontsDir] = process.argv.slice(2) as [string, string, string];
const firstOfDay = process.argv.includes('--first-of-day');
const backend = createBackend({ dataDir, migrationsDir, fontsDir, transport: 'browser', appVersion: 'bench', clock: fixedClock('2026-11-25') });
const backup = firstOfDay ? dailyBackup(backend.ctx) : null;
const first = await backend.dispatch('patients/search', { query: '' });
const firstAnswerMs = performance.now(); // since the process started
if (!first.ok) throw new Error(first.error.message_fr);
// The searches a desk user types meanwhile: the slowest one while the backup runs.
let worstDuringBackupMs = 0;
for (const query of ['ma', 'dia', 'jean martin', '1 85', '01/02/1980', '']) {
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await backend.dispatch('patients/search', { query });
    worstDuringBackupMs = Math.max(worstDuringBackupMs, performance.now() - t0);
  }
}
const rssMb = process.memoryUsage().rss / 1024 / 1024;
if (backup) await backup;
backend.close();
console.log(JSON.stringify({ firstAnswerMs, rssMb, worstSearchMs: worstDuringBackupMs }));
