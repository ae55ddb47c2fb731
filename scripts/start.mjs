// `npm start`: builds, then runs Feuillet in Electron — its binary fetched first through the electron package's
// own installer when absent (time-limited, progress shown) — otherwise (offline, failure, or
// `npm start -- --browser`) in the browser mode over the local HTTP bridge.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_FALLBACK_MESSAGE, chooseRuntime, DEFAULT_INSTALL_TIMEOUT_MS } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forceBrowser = process.argv.includes('--browser');
const timeoutSeconds = Number(process.env.FEUILLET_ELECTRON_DOWNLOAD_TIMEOUT);
const timeoutMs = Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_INSTALL_TIMEOUT_MS;

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);

const runtime = await chooseRuntime(root, { forceBrowser, timeoutMs });
let child;
if (runtime.kind === 'electron') {
  console.log('Démarrage de Feuillet dans Electron…');
  child = spawn(runtime.binary, [root], { stdio: 'inherit', cwd: root });
} else {
  console.log(
    forceBrowser
      ? "Mode navigateur demandé (--browser) : Feuillet est servi en local, ouvrez l'adresse ci-dessous."
      : BROWSER_FALLBACK_MESSAGE,
  );
  child = spawn(process.execPath, [join(root, 'out/bridge/cli.mjs')], { stdio: 'inherit', cwd: root, env: process.env });
}
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
