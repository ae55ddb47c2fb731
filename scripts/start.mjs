// `npm start`: builds, then runs Feuillet in Electron when its binary is installed, otherwise (or with
// `npm start -- --browser`) in the browser mode over the local HTTP bridge.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forceBrowser = process.argv.includes('--browser');

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);

const electron = forceBrowser ? null : findElectronBinary(root);
let child;
if (electron) {
  console.log('Démarrage de Feuillet dans Electron…');
  child = spawn(electron, [root], { stdio: 'inherit', cwd: root });
} else {
  console.log(
    forceBrowser
      ? "Mode navigateur demandé (--browser) : Feuillet est servi en local, ouvrez l'adresse ci-dessous."
      : "Electron n'est pas installé sur cette machine (binaire absent) : Feuillet démarre en mode navigateur, ouvrez l'adresse ci-dessous.",
  );
  child = spawn(process.execPath, [join(root, 'out/bridge/cli.mjs')], { stdio: 'inherit', cwd: root, env: process.env });
}
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
