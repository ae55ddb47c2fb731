/**
 * Encrypted copies for the USB key: « Exporter une copie chiffrée » writes an age file (passphrase), and
 * « Restaurer » reads it back. A wrong passphrase, a cut file or a changed byte is refused in French with
 * nothing changed. The file opens with the format's reference tool (`age`, Go) when it is installed, and
 * with the `age-encryption` package's own passphrase code.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMP_PREFIX } from '../../../electron/durable-files.ts';
import { exportEncryptedCopy } from '../../../electron/encrypted-copies.ts';
import { buildPatientInput, makeTestBackend, NIR_1, type TestBackend } from '../../helpers/test-backend.ts';
import { expectNothingStaged, lastNamesAtNextStart } from '../../helpers/restore-checks.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

const PASSPHRASE = 'cheval correct batterie agrafe';
const backupsDir = () => join(t.dir, 'sauvegardes');
/** A low work factor keeps these tests fast; one test goes through the API with the standard one. */
const FAST = { logN: 10 };

async function backupWithDiallo(): Promise<string> {
  await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', nir: NIR_1 }));
  return (await t.call('backups/create', {})).fileName;
}

const nothingStaged = () => expectNothingStaged(t.dir);


describe('encrypted copies', () => {
  it('round trip through the API: export with a passphrase, restore at the next start', async () => {
    const fileName = await backupWithDiallo();
    const copy = await t.call('backups/encrypt', { fileName, passphrase: PASSPHRASE });
    expect(copy.fileName).toBe(`${fileName}.age`);
    const bytes = readFileSync(join(backupsDir(), copy.fileName));
    expect(bytes.subarray(0, 32).toString('latin1')).toBe('age-encryption.org/v1\n-> scrypt ');
    expect(bytes.includes(Buffer.from('Diallo'))).toBe(false);
    expect(bytes.includes(Buffer.from(NIR_1))).toBe(false);
    expect((await t.call('backups/list', {})).encryptedCopies.map((c) => c.fileName)).toEqual([copy.fileName]);

    await t.call('patients/create', buildPatientInput({ lastName: 'Traoré' }));
    expect(await t.call('backups/restore-encrypted', { fileName: copy.fileName, passphrase: PASSPHRASE })).toEqual({ patients: 1, invoices: 0 });
    expect((await t.call('backups/list', {})).pendingRestore).toBe(copy.fileName);
    expect(readdirSync(t.dir).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([]); // the decrypted file is gone
    t.close();
    expect(await lastNamesAtNextStart(t.dir)).toEqual(['Diallo']);
  }, 60_000);

  it('refuses a short passphrase when exporting', async () => {
    const fileName = await backupWithDiallo();
    expect(await t.fails('backups/encrypt', { fileName, passphrase: 'court' })).toMatchObject({
      code: 'invalid-input',
      field: 'passphrase',
      message_fr: 'Phrase de passe trop courte : 12 caractères au moins (par exemple quatre mots au hasard).',
    });
  });

  it('a wrong passphrase, a cut file or a changed byte: a French message, nothing changed', async () => {
    const fileName = await backupWithDiallo();
    const { fileName: age } = await exportEncryptedCopy(t.ctx, fileName, PASSPHRASE, FAST);
    const file = join(backupsDir(), age);
    const original = readFileSync(file);

    const wrong = await t.fails('backups/restore-encrypted', { fileName: age, passphrase: 'une autre phrase de passe' });
    expect(wrong).toMatchObject({ code: 'conflict', field: 'passphrase', message_fr: 'Phrase de passe incorrecte : la copie chiffrée n’a pas pu être ouverte. Rien n’a été changé.' });
    nothingStaged();

    const DAMAGED = 'Cette copie chiffrée est abîmée ou incomplète (fichier coupé ou modifié) : elle ne peut pas être ouverte. Rien n’a été changé.';
    truncateSync(file, original.length - 100);
    expect((await t.fails('backups/restore-encrypted', { fileName: age, passphrase: PASSPHRASE })).message_fr).toBe(DAMAGED);
    nothingStaged();

    for (const at of [original.length - 10, Math.floor(original.length / 2), 200]) {
      const tampered = Buffer.from(original);
      tampered[at] = tampered[at]! ^ 0x01;
      writeFileSync(file, tampered);
      expect((await t.fails('backups/restore-encrypted', { fileName: age, passphrase: PASSPHRASE })).message_fr).toBe(DAMAGED);
      nothingStaged();
    }
    expect((await t.call('patients/search', { query: '' })).map((p) => p.lastName)).toEqual(['Diallo']);
  }, 60_000);

  it('writes standard age files: the age-encryption package reads ours, and Feuillet reads its', async () => {
    const fileName = await backupWithDiallo();
    const plain = readFileSync(join(backupsDir(), fileName));
    const { fileName: age } = await exportEncryptedCopy(t.ctx, fileName, PASSPHRASE, FAST);
    const d = new Decrypter();
    d.addPassphrase(PASSPHRASE);
    expect(Buffer.from(await d.decrypt(readFileSync(join(backupsDir(), age))))).toEqual(plain);

    const e = new Encrypter();
    e.setPassphrase(PASSPHRASE);
    e.setScryptWorkFactor(10);
    const theirs = 'feuillet-2026-11-01-080000.sqlite.age';
    writeFileSync(join(backupsDir(), theirs), await e.encrypt(plain));
    expect(await t.call('backups/restore-encrypted', { fileName: theirs, passphrase: PASSPHRASE })).toEqual({ patients: 1, invoices: 0 });
  }, 60_000);

  const ageTool = spawnSync('age', ['--version']).status === 0 && spawnSync('script', ['--version']).status === 0;
  it.skipIf(!ageTool)('the reference tool (age, in Go) decrypts a Feuillet copy to the backup, byte for byte [needs `age` and `script` installed]', async () => {
    const fileName = await backupWithDiallo();
    const { fileName: age } = await exportEncryptedCopy(t.ctx, fileName, PASSPHRASE, FAST);
    const out = join(t.dir, 'decrypted-by-age.sqlite');
    // age reads a passphrase from a terminal only: `script` gives it one, fed from stdin.
    const run = spawnSync('script', ['-qc', `age -d -o '${out}' '${join(backupsDir(), age)}'`, '/dev/null'], { input: `${PASSPHRASE}\n`, timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(readFileSync(out)).toEqual(readFileSync(join(backupsDir(), fileName)));
    expect(statSync(out).size).toBeGreaterThan(4096);
  }, 60_000);
});
