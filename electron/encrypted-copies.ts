/**
 * Encrypted copies of a backup for the USB key: the age format (https://age-encryption.org/v1) with a
 * passphrase, written by the `age-encryption` package, streamed (a 100 MB backup never sits in memory).
 * `feuillet-….sqlite` → `feuillet-….sqlite.age` in the same folder; opened back by « Restaurer », which
 * decrypts to a private temporary file and hands it to the same check as any backup.
 */
import { createReadStream, createWriteStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';
import { DomainError } from '../core/api/result.ts';
import type { EncryptedCopyInfo } from '../core/domain/types.ts';
import { PassphraseError, PassphraseIdentity, PassphraseRecipient } from './age-passphrase.ts';
import type { HandlerContext } from './context.ts';
import { commitTempFile, fsyncFile, tempPathFor } from './durable-files.ts';
import { BACKUP_NAME_RE, BACKUPS_FOLDER, ENCRYPTED_NAME_RE } from './paths.ts';

const toWeb = (file: string) => Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
const fromWeb = (stream: ReadableStream<Uint8Array>) => Readable.fromWeb(stream as unknown as WebReadableStream<Uint8Array>);

/** Encrypts `source` to `target` (through a temporary file, fsynced, renamed). */
export async function encryptFile(source: string, target: string, passphrase: string, logN?: number): Promise<void> {
  const e = new Encrypter();
  e.addRecipient(new PassphraseRecipient(passphrase, logN));
  const temp = tempPathFor(target);
  try {
    await pipeline(fromWeb(await e.encrypt(toWeb(source))), createWriteStream(temp, { mode: 0o600 }));
    fsyncFile(temp);
    commitTempFile(temp, target, { alreadySynced: true });
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Decrypts `source` to `target`; every way it can fail is a French sentence (DomainError 'conflict'), and
 * `target` is then removed. age authenticates each 64 KB chunk and the end of the file: a changed byte or
 * a cut file fails here, never reaches the database check.
 */
export async function decryptFile(source: string, target: string, passphrase: string): Promise<void> {
  const d = new Decrypter();
  d.addIdentity(new PassphraseIdentity(passphrase));
  try {
    await pipeline(fromWeb(await d.decrypt(toWeb(source))), createWriteStream(target, { mode: 0o600 }));
  } catch (err) {
    rmSync(target, { force: true });
    throw new DomainError('conflict', decryptionMessage(err), 'passphrase');
  }
}

function decryptionMessage(err: unknown): string {
  if (err instanceof PassphraseError) {
    switch (err.reason) {
      case 'wrong-passphrase':
        return 'Phrase de passe incorrecte : la copie chiffrée n’a pas pu être ouverte. Rien n’a été changé.';
      case 'not-passphrase':
        return 'Cette copie n’a pas été chiffrée avec une phrase de passe : Feuillet ne peut pas l’ouvrir. Rien n’a été changé.';
      case 'too-costly':
        return 'Cette copie a été chiffrée avec un réglage trop coûteux pour être ouverte ici. Rien n’a été changé.';
      case 'malformed':
        break;
    }
  }
  return 'Cette copie chiffrée est abîmée ou incomplète (fichier coupé ou modifié) : elle ne peut pas être ouverte. Rien n’a été changé.';
}

const backupsDir = (ctx: HandlerContext) => join(ctx.dataDir, BACKUPS_FOLDER);

/** « Exporter une copie chiffrée » of a backup: `…sqlite.age` beside it. */
export async function exportEncryptedCopy(ctx: HandlerContext, fileName: string, passphrase: string, opts: { logN?: number } = {}): Promise<EncryptedCopyInfo> {
  const source = join(backupsDir(ctx), fileName);
  if (!BACKUP_NAME_RE.test(fileName) || !existsSync(source)) throw new DomainError('not-found', 'Sauvegarde introuvable.');
  const target = `${source}.age`;
  await encryptFile(source, target, passphrase, opts.logN);
  return encryptedInfo(ctx, `${fileName}.age`);
}

function encryptedInfo(ctx: HandlerContext, fileName: string): EncryptedCopyInfo {
  const st = statSync(join(backupsDir(ctx), fileName));
  return { fileName, sizeBytes: st.size, madeAt: st.mtime.toISOString() };
}

/** The encrypted copies in the backups folder, newest first (made here or copied from a USB key). */
export function listEncryptedCopies(ctx: HandlerContext): EncryptedCopyInfo[] {
  const dir = backupsDir(ctx);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => ENCRYPTED_NAME_RE.test(f))
    .map((f) => encryptedInfo(ctx, f))
    .sort((a, b) => b.madeAt.localeCompare(a.madeAt) || b.fileName.localeCompare(a.fileName));
}

/** Decrypts an encrypted copy to a private temporary file in the data folder; the caller removes it. */
export async function decryptEncryptedCopy(ctx: HandlerContext, fileName: string, passphrase: string): Promise<string> {
  const source = join(backupsDir(ctx), fileName);
  if (!ENCRYPTED_NAME_RE.test(fileName) || !existsSync(source)) throw new DomainError('not-found', 'Copie chiffrée introuvable.');
  const plain = tempPathFor(join(ctx.dataDir, 'copie-dechiffree.sqlite'));
  await decryptFile(source, plain, passphrase);
  return plain;
}
