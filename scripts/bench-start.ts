/**
 * Child of the bench (see measureStart in bench-extra.ts), bundled as the app ships its backend (ESM as the
 * browser-mode server, CommonJS as Electron's main): start → first answer, then RSS.
 * `--first-answer-only`: stop at the first answer (the repeated start samples).
 * `--first-of-day`: the daily backup is started right after the backend, as the app does at its first
 * start of the day (electron/main/index.ts), so the first answer is measured while it runs.
 * Also reports whether pdfkit or fontkit were loaded by then (they must not be: they load at the first print).
 * No top-level await: the same file bundles to CommonJS.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend.ts';
import { dailyBackup } from '../electron/backups.ts';
import { fixedClock } from '../electron/context.ts';

/** Modules of pdfkit or fontkit loaded in this process so far (the bundle `require`s its externals). */
function printModulesLoaded(): string[] {
  return Object.keys(createRequire(import.meta.url).cache).filter((file) => /[\\/]node_modules[\\/](pdfkit|fontkit)[\\/]/.test(file));
}

async function main() {
  const [dataDir, migrationsDir, fontsDir] = process.argv.slice(2) as [string, string, string];
  const firstOfDay = process.argv.includes('--first-of-day');
  const backend = createBackend({ dataDir, migrationsDir, fontsDir, transport: 'browser', appVersion: 'bench', clock: fixedClock('2026-11-25') });
  const backup = firstOfDay ? dailyBackup(backend.ctx) : null;
  const first = await backend.dispatch('patients/search', { query: '' });
  const firstAnswerMs = performance.now(); // since the process started
  const { user, system } = process.cpuUsage(); // CPU time so far (all threads): what a loaded machine multiplies
  const cpuMs = (user + system) / 1000;
  if (!first.ok) throw new Error(first.error.message_fr);
  const printModules = printModulesLoaded();
  if (process.argv.includes('--first-answer-only')) {
    backend.close();
    console.log(JSON.stringify({ firstAnswerMs, cpuMs, printModules }));
    return;
  }
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
  console.log(JSON.stringify({ firstAnswerMs, cpuMs, printModules, rssMb, worstSearchMs: worstDuringBackupMs }));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
