// `npm run dist[:win|:mac|:linux]`: builds, rebuilds better-sqlite3 for Electron's ABI, packages with
// electron-builder (electron-builder.yml), then rebuilds better-sqlite3 for Node again — whatever
// happened — so `npm test` keeps working. Needs the internet (Electron's zip and headers). Build each
// installer on its own OS: the native module is compiled for the machine that packages.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2]; // --win, --mac, --linux, or nothing for this OS
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (cmd, args) => {
  console.log(`> ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
};

let status = run(process.execPath, [join(root, 'scripts/build.mjs')]);
if (status === 0) status = run(npx, ['electron-builder', 'install-app-deps']);
if (status === 0) status = run(npx, ['electron-builder', '--publish', 'never', ...(target ? [target] : [])]);
const restored = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3']);
if (restored !== 0) console.error("better-sqlite3 n'a pas pu être recompilé pour Node : lancez « npm rebuild better-sqlite3 » avant « npm test ».");
if (status === 0) console.log('Installateurs prêts dans dist/.');
process.exit(status || restored);
