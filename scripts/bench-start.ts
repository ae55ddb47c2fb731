/** Child of the bench (see measureStart in bench-extra.ts): start → first answer, then RSS. */
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend.ts';
import { fixedClock } from '../electron/context.ts';

const [dataDir, migrationsDir, fontsDir] = process.argv.slice(2) as [string, string, string];
const backend = createBackend({ dataDir, migrationsDir, fontsDir, transport: 'browser', appVersion: 'bench', clock: fixedClock('2026-11-25') });
const first = await backend.dispatch('patients/search', { query: '' });
const firstAnswerMs = performance.now(); // since the process started
if (!first.ok) throw new Error(first.error.message_fr);
for (const query of ['ma', 'dia', 'jean martin', '1 85', '01/02/1980', '']) for (let i = 0; i < 200; i++) await backend.dispatch('patients/search', { query });
const rssMb = process.memoryUsage().rss / 1024 / 1024;
backend.close();
console.log(JSON.stringify({ firstAnswerMs, rssMb }));
