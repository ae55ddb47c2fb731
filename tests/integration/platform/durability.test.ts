/**
 * Durability and file hardening, unit by unit: synchronous = FULL, atomic writes (temp + fsync + rename),
 * the OS-released lock of the data folder, leftovers of interrupted writes removed at start, and the
 * POSIX modes of every folder and file the app writes (0700 / 0600).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend.ts';
import { fixedClock } from '../../../electron/context.ts';
import { lockDataDir } from '../../../electron/data-dir-lock.ts';
import { removeTempLeftovers, TEMP_PREFIX, tempPathFor, writeFileAtomic } from '../../../electron/durable-files.ts';
import { inspectDatabaseFile, inspectDatabaseFileOffThread } from '../../../db/backup.ts';
import { openDatabase } from '../../../db/connection.ts';
import { appendErrorLog, ERROR_LOG_FILE } from '../../../electron/main/crash.ts';
import { openShellSettings, SHELL_SETTINGS_FILE } from '../../../electron/main/shell-settings.ts';
import { RESTORE_MARKER } from '../../../electron/paths.ts';
import { buildPractitionerInput, makeTestBackend, ROOT, validatedInvoice } from '../../helpers/test-backend.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'feuillet-durable-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const mode = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
const open = (dataDir: string) =>
  createBackend({
    dataDir,
    migrationsDir: join(ROOT, 'db', 'migrations'),
    fontsDir: join(ROOT, 'invoice-templates', 'fonts'),
    transport: 'browser',
    appVersion: 'test',
    clock: fixedClock('2026-11-25'),
  });

describe('SQLite durability settings', () => {
  it('the practice database runs in WAL with synchronous = FULL (2): a returned commit is fsynced', () => {
    const t = makeTestBackend();
    try {
      expect(t.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(t.ctx.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      t.dispose();
    }
  });

  it('on macOS it asks for F_FULLFSYNC (fsync alone leaves the data in the drive cache), not elsewhere', () => {
    const flags = (platform: NodeJS.Platform) => {
      const db = openDatabase(join(tempDir(), 'feuillet.sqlite'), { migrationsDir: join(ROOT, 'db', 'migrations'), platform });
      try {
        return [db.pragma('fullfsync', { simple: true }), db.pragma('checkpoint_fullfsync', { simple: true })];
      } finally {
        db.close();
      }
    };
    expect(flags('darwin')).toEqual([1, 1]);
    expect(flags('linux')).toEqual([0, 0]);
    expect(flags('win32')).toEqual([0, 0]);
  });
});

describe('writeFileAtomic', () => {
  it('writes the whole content under the final name, mode 0600, and leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'a.pdf');
    writeFileAtomic(file, 'première version');
    writeFileAtomic(file, Buffer.from('seconde version'));
    expect(readFileSync(file, 'utf8')).toBe('seconde version');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    if (posix) expect(mode(file)).toBe(0o600);
  });

  it('a failed write keeps the old file and removes its temporary file', () => {
    const dir = tempDir();
    const target = join(dir, 'occupied');
    mkdirSync(join(target, 'not-empty'), { recursive: true }); // a folder cannot be replaced by rename()
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
  });

  it('temporary names start with the prefix, live in the same folder, and are swept at start', () => {
    const dir = tempDir();
    const temp = tempPathFor(join(dir, 'facture-1-000001.pdf'));
    expect(temp.startsWith(join(dir, TEMP_PREFIX))).toBe(true);
    writeFileSync(temp, 'partial');
    writeFileSync(join(dir, 'facture-1-000002.pdf'), 'whole');
    expect(removeTempLeftovers(dir)).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['facture-1-000002.pdf']);
  });
});

describe('the data folder lock (released by the OS when the process dies)', () => {
  it('a second opening in the same process is refused in French; after release it is free again', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/^Feuillet est déjà ouvert sur ce dossier de données\./);
    release();
    release(); // idempotent
    lockDataDir(dir)();
  });

  it('a PID file left by an older Feuillet (even naming a running process) no longer blocks the start', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'feuillet.lock'), '1'); // pid 1 is always running: the old lock refused here
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/déjà ouvert/);
    release();
  });

  it('held by another process: refused; that process SIGKILLed: the lock is free at once', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/durability/hold-lock.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
    });
    expect(() => lockDataDir(dir)).toThrow(/déjà ouvert/);
    expect(() => open(dir)).toThrow(/déjà ouvert/);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const backend = open(dir);
    backend.close();
  }, 30_000);
});

describe('start-up and files of the data folder', () => {
  it('removes temporary files of interrupted backups and documents; keeps finished ones', () => {
    const dir = tempDir();
    open(dir).close();
    const leftover = (folder: string, name: string) => {
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, `${TEMP_PREFIX}123-1-${name}`), 'partial');
    };
    leftover('sauvegardes', 'feuillet-2026-11-25-090000.sqlite');
    leftover('sauvegardes', 'feuillet-2026-11-25-090000.sqlite-journal');
    leftover('documents', 'facture-1-000001.pdf');
    leftover('.', 'feuillet.sqlite');
    writeFileSync(join(dir, 'documents', 'facture-1-000002.pdf'), 'whole');
    open(dir).close();
    expect(readdirSync(join(dir, 'sauvegardes'))).toEqual([]);
    expect(readdirSync(join(dir, 'documents'))).toEqual(['facture-1-000002.pdf']);
    expect(readdirSync(dir).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it.runIf(posix)('folders are 0700 and every file the app writes 0600 (POSIX), even when the folders and the database were wider before', async () => {
    // First run: a practice with a validated, printed invoice and a backup.
    const t = makeTestBackend();
    const practitioner = await t.call('practitioners/create', buildPractitionerInput());
    const invoice = await validatedInvoice(t, practitioner.id);
    await t.call('invoices/print', { id: invoice.id });
    await t.call('backups/create', {});
    t.close();
    // As an older Feuillet (or a umask of 022) left them: folders 0755, files 0644.
    const widen = (path: string) => {
      for (const name of readdirSync(path)) {
        const child = join(path, name);
        if (statSync(child).isDirectory()) widen(child);
        chmodSync(child, statSync(child).isDirectory() ? 0o755 : 0o644);
      }
    };
    widen(t.dir);
    chmodSync(t.dir, 0o755);
    writeFileSync(join(t.dir, ERROR_LOG_FILE), 'an older log\n', { mode: 0o644 });
    const inodes = (folder: string) => new Map(readdirSync(join(t.dir, folder)).map((f) => [join(folder, f), statSync(join(t.dir, folder, f)).ino]));
    const before = new Map([...inodes('documents'), ...inodes('sauvegardes')]);
    /** Files of `folder` created or replaced since `before` (an atomic write replaces the inode). */
    const writtenIn = (folder: string) => [...inodes(folder)].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => f);
    // Next start: every folder is tightened, and so is the database; every file written now is 0600.
    const backend = open(t.dir);
    try {
      const call = async (method: string, input: unknown) => {
        const r = await backend.dispatch(method as never, input as never);
        if (!r.ok) throw new Error(`${method}: ${r.error.message_fr}`);
        return r.value as Record<string, unknown>;
      };
      await call('invoices/print', { id: invoice.id }); // duplicata: a new PDF
      await call('bordereaux/create', { practitionerId: practitioner.id, invoiceIds: [invoice.id], sentOn: '2026-11-25' });
      const backup = await call('backups/create', {});
      await call('backups/restore', { fileName: backup.fileName }); // the restore marker
      openShellSettings(t.dir).update({ printMode: 'viewer' });
      appendErrorLog(t.dir, 'exception', new Error('test'));
      for (const folder of ['', 'documents', 'sauvegardes']) expect([folder, mode(join(t.dir, folder))]).toEqual([folder, 0o700]);
      const written = [
        'feuillet.sqlite', 'feuillet.sqlite-wal', 'feuillet.sqlite-shm', 'feuillet.lock', RESTORE_MARKER, SHELL_SETTINGS_FILE, ERROR_LOG_FILE,
        ...writtenIn('documents'),
        ...writtenIn('sauvegardes'),
      ];
      expect(writtenIn('documents')).toHaveLength(2); // the duplicata (rewritten) and the bordereau
      expect(writtenIn('sauvegardes')).toHaveLength(1);
      for (const f of written) expect([f, mode(join(t.dir, f))]).toEqual([f, 0o600]);
      // Files an older version left wider stay so, but inside folders no other account can enter.
    } finally {
      backend.close();
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});

describe('backup check', () => {
  it('the worker-thread check gives the same answer as the main-thread one, for a good and a broken file', async () => {
    const t = makeTestBackend();
    try {
      const made = await t.call('backups/create', {});
      const file = join(t.dir, 'sauvegardes', made.fileName);
      expect(await inspectDatabaseFileOffThread(file)).toEqual(inspectDatabaseFile(file));
      const broken = join(t.dir, 'broken.sqlite');
      writeFileSync(broken, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 7)]));
      const check = await inspectDatabaseFileOffThread(broken);
      expect(check.ok).toBe(false);
      expect(check).toEqual(inspectDatabaseFile(broken));
      expect(existsSync(broken)).toBe(true);
    } finally {
      t.dispose();
    }
  });
});
