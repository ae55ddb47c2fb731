// Runs the whole vitest suite; with FEUILLET_VITEST_JSON set (CI), also writes the JSON report there.
import { spawnSync } from 'node:child_process';

const args = ['vitest', 'run'];
if (process.env.FEUILLET_VITEST_JSON) {
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${process.env.FEUILLET_VITEST_JSON}`);
}
const r = spawnSync('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
