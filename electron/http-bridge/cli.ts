/**
 * Browser mode entry (`npm start` without the Electron binary, or `npm start -- --browser`).
 * Bundled to out/bridge/cli.mjs; resources (renderer, migrations, fonts) sit beside it in out/.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend.ts';
import { BACKUPS_FOLDER, defaultDataDir } from '../paths.ts';
import { dailyBackup } from '../backups.ts';
import { startBridge } from './server.ts';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`FEUILLET_PORT invalide : « ${value} » (un entier entre 0 et 65535 est attendu).`);
    process.exit(2);
  }
  return port;
}

async function main() {
  const dataDir = defaultDataDir();
  const backend = createBackend({
    dataDir,
    migrationsDir: join(outDir, 'migrations'),
    fontsDir: join(outDir, 'fonts'),
    transport: 'browser',
    appVersion: process.env.npm_package_version ?? '0.0.0',
  });
  const bridge = await startBridge({
    dispatch: backend.dispatch,
    staticDir: join(outDir, 'renderer'),
    documentsDir: backend.documentsDir,
    backupsDir: join(dataDir, BACKUPS_FOLDER),
    port: parsePort(process.env.FEUILLET_PORT),
  });
  console.log(`Feuillet (mode navigateur) — données : ${dataDir}`);
  console.log('Ouvrez cette adresse dans votre navigateur (Ctrl+C pour arrêter) :');
  console.log(bridge.url);
  // One backup a day, in the background: the app is usable meanwhile.
  dailyBackup(backend.ctx).catch((err) => console.error('Sauvegarde quotidienne impossible :', err instanceof Error ? err.message : err));
  const stop = () => {
    bridge.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('Feuillet n\'a pas pu démarrer :', err instanceof Error ? err.message : err);
  process.exit(1);
});
