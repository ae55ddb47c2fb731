import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform's per-user data folder for the browser mode (Electron uses its own `userData`). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FEUILLET_DATA_DIR) return env.FEUILLET_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Feuillet');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Feuillet');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'Feuillet');
}

export const DATABASE_FILE = 'feuillet.sqlite';
export const DOCUMENTS_FOLDER = 'documents';
/** Generated PDF names: letters, digits, dashes, `.pdf`. Anything else is refused when serving. */
export const DOCUMENT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,120}\.pdf$/;

/** Backups live beside the database: `sauvegardes/feuillet-2026-11-25-093012.sqlite` (optionally `-avant-restauration`). */
export const BACKUPS_FOLDER = 'sauvegardes';
export { BACKUP_NAME_RE, ENCRYPTED_NAME_RE } from '../core/domain/backup-names.ts';
/** Written by « Restaurer », applied at the next start before the database is opened. */
export const RESTORE_MARKER = 'restauration-en-attente.json';
/** The checked and migrated copy a pending restore puts in place at the next start. */
export const RESTORE_STAGED = 'restauration-en-attente.sqlite';

