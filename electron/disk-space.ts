/**
 * A full disk, said plainly: which disk (the one holding the data folder), where that folder is, what to
 * do. SQLite answers SQLITE_FULL and Node ENOSPC; the write was not made (SQLite rolls the transaction back,
 * durable-files removes its temporary file), so nothing acknowledged is lost and the same action works
 * again once space is freed.
 */
import { statfsSync } from 'node:fs';
import type { ApiError } from '../core/api/result.ts';

/** Below this much free space on the data folder's disk, Feuillet warns (at start, before a backup). */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;

/** True for SQLite's « database or disk is full » and the system's « no space left on device ». */
export function isDiskFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  }
  return false;
}

const WHAT_TO_DO =
  'Libérez de la place sur ce disque (videz la corbeille, déplacez des fichiers ou d’anciennes sauvegardes vers un disque externe), puis réessayez : vos données déjà enregistrées sont intactes.';

export function diskFullError(dataDir: string): ApiError {
  return {
    code: 'disk-full',
    message_fr: `Le disque qui contient les données de Feuillet est plein : l’opération n’a pas été enregistrée. Dossier des données : ${dataDir}. ${WHAT_TO_DO}`,
  };
}

/** Free bytes for this process on the disk holding `dir`, or null when the system cannot say. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

const megabytes = (bytes: number) => `${Math.max(0, Math.floor(bytes / (1024 * 1024))).toLocaleString('fr-FR')} Mo`;

/**
 * A warning when little space is left: under LOW_SPACE_BYTES, or under what `needed` bytes (a backup the
 * size of the database) plus a margin would take. Null when there is room (or the size is unknown).
 */
export function lowSpaceWarning(dataDir: string, needed = 0): string | null {
  const free = freeBytes(dataDir);
  if (free === null || (free >= LOW_SPACE_BYTES && free >= needed * 2)) return null;
  return `Il reste peu de place sur le disque qui contient les données de Feuillet (${megabytes(free)} libres ; dossier : ${dataDir}). Libérez de la place avant qu’il soit plein : Feuillet ne pourrait plus rien enregistrer.`;
}
