/**
 * The age format's passphrase recipient (« scrypt » stanza, https://age-encryption.org/v1 §scrypt), with the
 * key derived by Node's native scrypt on its thread pool. The `age-encryption` package (typage) does the
 * whole format — header, MAC, payload — and takes this recipient and identity through its public
 * Recipient/Identity interfaces; only the key derivation moves: typage's scrypt is pure JavaScript and
 * blocks the process about 5 s at the standard work factor (measured), during which the desk would hang.
 * The result is an ordinary age file: the test decrypts it with the reference `age` tool and with typage's
 * own passphrase identity.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';

const LABEL = 'age-encryption.org/v1/scrypt';
/** The work factor age itself uses by default (2^18). */
export const DEFAULT_LOG_N = 18;
/** Files asking more are refused (2^18 already takes 256 MB; age's own limit is 2^20). */
export const MAX_LOG_N = 18;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
function unb64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return b64(bytes) === text ? bytes : null;
}

function deriveKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const labelAndSalt = Buffer.concat([Buffer.from(LABEL, 'latin1'), salt]);
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), labelAndSalt, 32, { N: 2 ** logN, r: 8, p: 1, maxmem: 2 ** logN * 1024 + 32 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** ChaCha20-Poly1305 with a zero nonce, as the spec wraps the file key. */
function wrap(key: Buffer, fileKey: Uint8Array): Uint8Array {
  const c = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
  return Buffer.concat([c.update(fileKey), c.final(), c.getAuthTag()]);
}
function unwrap(key: Buffer, body: Uint8Array): Uint8Array | null {
  const d = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
  d.setAuthTag(body.subarray(16));
  try {
    return Buffer.concat([d.update(body.subarray(0, 16)), d.final()]);
  } catch {
    return null;
  }
}

export class PassphraseRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN = DEFAULT_LOG_N,
  ) {}
  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await deriveKey(this.passphrase, salt, this.logN);
    return [new Stanza(['scrypt', b64(salt), String(this.logN)], wrap(key, fileKey))];
  }
}

/** Why a passphrase file could not be opened: said in French by the caller. */
export class PassphraseError extends Error {
  constructor(readonly reason: 'wrong-passphrase' | 'not-passphrase' | 'too-costly' | 'malformed') {
    super(reason);
  }
}

export class PassphraseIdentity implements Identity {
  constructor(private readonly passphrase: string) {}
  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array> {
    const s = stanzas.find((x) => x.args[0] === 'scrypt');
    if (!s) throw new PassphraseError('not-passphrase');
    // The spec: a scrypt stanza is the only one, with a 16-byte salt and a decimal work factor.
    if (stanzas.length !== 1 || s.args.length !== 3 || !/^[1-9][0-9]*$/.test(s.args[2]!) || s.body.length !== 32) throw new PassphraseError('malformed');
    const salt = unb64(s.args[1]!);
    if (!salt || salt.length !== 16) throw new PassphraseError('malformed');
    const logN = Number(s.args[2]);
    if (logN > MAX_LOG_N) throw new PassphraseError('too-costly');
    const fileKey = unwrap(await deriveKey(this.passphrase, salt, logN), s.body);
    if (!fileKey) throw new PassphraseError('wrong-passphrase');
    return fileKey;
  }
}
