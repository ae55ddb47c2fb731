/**
 * Every file Feuillet writes (PDFs, backups, the restore marker) goes through here, so that a crash or a
 * power cut leaves either the old file or the complete new one under its final name — never a partial
 * one: write a temporary name in the same folder, fsync it, rename it over the final name, fsync the
 * folder (the rename itself must survive a power cut). Files are private to the account (0600) and
 * folders too (0700) on POSIX: they hold health data.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
const POSIX = process.platform !== 'win32';

/** Temporary names start with this: never mistaken for a finished file, removed at start if left over. */
export const TEMP_PREFIX = '.feuillet-tmp-';

let tempCounter = 0;
/** A temporary path in the same folder as `finalPath` (same file system, so the rename is atomic). */
export function tempPathFor(finalPath: string): string {
  tempCounter += 1;
  return join(dirname(finalPath), `${TEMP_PREFIX}${process.pid}-${tempCounter}-${basename(finalPath)}`);
}

/** fsync of a folder: makes the names created, renamed or removed in it durable (no-op on Windows). */
export function fsyncDir(dir: string): void {
  if (!POSIX) return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync of an existing file's content. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsync of an existing file's content on libuv's thread pool: a big file (a backup of a large practice,
 * hundreds of MB on a slow disk) is flushed without stalling the desk's searches meanwhile.
 */
export async function fsyncFileInBackground(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates a folder (and its parents) private to the account; tightens an existing one's mode. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Tightens a file's mode to 0600 (POSIX); absent files are ignored. */
export function makePrivate(file: string): void {
  if (POSIX && existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Puts an already written temporary file in place: fsync, rename over `finalPath`, fsync the folder.
 * The temporary file is removed if anything fails.
 */
export function commitTempFile(tempPath: string, finalPath: string, opts: { alreadySynced?: boolean } = {}): void {
  try {
    makePrivate(tempPath);
    if (!opts.alreadySynced) fsyncFile(tempPath);
    renameSync(tempPath, finalPath);
  } catch (err) {
    rmSync(tempPath, { force: true });
    throw err;
  }
  fsyncDir(dirname(finalPath));
}

/** Writes `data` to `finalPath` atomically and durably (see the module comment), mode 0600. */
export function writeFileAtomic(finalPath: string, data: string | Uint8Array): void {
  const temp = tempPathFor(finalPath);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  commitTempFile(temp, finalPath);
}

/** Removes a folder's leftover temporary files (a crash between write and rename); returns their names. */
export function removeTempLeftovers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const leftovers = readdirSync(dir).filter((name) => name.startsWith(TEMP_PREFIX));
  for (const name of leftovers) rmSync(join(dir, name), { force: true });
  return leftovers;
}
