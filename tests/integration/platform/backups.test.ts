/**
 * Backups of the database: made and checked, one a day, the newest 30 kept, downloadable over the
 * bridge with the token, and restored at the next start after a safety copy of the current database.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, dailyBackup, KEEP_BACKUPS, listBackups } from '../../../electron/backups.ts';
import { fixedClock } from '../../../electron/context.ts';
import { startBridge } from '../../../electron/http-bridge/server.ts';
import { buildPatientInput, makeTestBackend, NIR_1, NIR_2, openBackendAt, type TestBackend } from '../../helpers/test-backend.ts';
import { http } from './http.ts';
import { lastNamesAtNextStart } from '../../helpers/restore-checks.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // fixed clock: 25/11/2026 09:00:00Z
});
afterEach(() => t.dispose());

const backupsDir = () => join(t.dir, 'sauvegardes');
const patientsIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT last_name FROM patients ORDER BY id').all() as { last_name: string }[]).map((r) => r.last_name);
  } finally {
    db.close();
  }
};
/** The same data folder opened again, as at the next start of the app. */
const reopen = (today = '2026-11-26') => openBackendAt(t.dir, today);

describe('backups', () => {
  it('makes a checked copy holding the data, listed newest first', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo' }));
    const made = await t.call('backups/create', {});
    expect(made).toMatchObject({ fileName: 'feuillet-2026-11-25-090000.sqlite', createdAt: '2026-11-25T09:00:00.000Z', patients: 1, invoices: 0, beforeRestore: false });
    expect(patientsIn(join(backupsDir(), made.fileName))).toEqual(['Diallo']);
    const again = await t.call('backups/create', {});
    expect(again.fileName).toBe('feuillet-2026-11-25-090000-2.sqlite');
    const { folder, backups } = await t.call('backups/list', {});
    expect(folder).toBe(backupsDir());
    expect(backups.map((b) => b.fileName)).toEqual(['feuillet-2026-11-25-090000-2.sqlite', 'feuillet-2026-11-25-090000.sqlite']);
    expect(backups[0]!.sizeBytes).toBeGreaterThan(4096);
    expect((await t.call('audit/list', { entity: 'database', entityId: 1 })).map((a) => a.action)).toEqual(['backup-manuelle', 'backup-manuelle']);
  });

  it('makes the daily backup once a day and keeps the backups of the newest 30 dates written inside them', async () => {
    expect(await dailyBackup(t.ctx)).not.toBeNull();
    expect(await dailyBackup(t.ctx)).toBeNull();
    // 31 more days of real backups, each stamped inside with its own date.
    for (let day = 1; day <= 31; day++) {
      await createBackup({ ...t.ctx, clock: fixedClock(`2026-12-${String(day).padStart(2, '0')}`) }, 'quotidienne');
    }
    const names = listBackups(t.dir, '2026-12-31T10:00:00.000Z').map((b) => b.fileName);
    expect(names).toHaveLength(KEEP_BACKUPS);
    expect(names[0]).toBe('feuillet-2026-12-31-090000.sqlite');
    expect(names.at(-1)).toBe('feuillet-2026-12-02-090000.sqlite');
  }, 60_000);

  it('restores a backup at the next start, after keeping a copy of the database it replaces', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', nir: NIR_1 }));
    const { fileName } = await t.call('backups/create', {});
    await t.call('patients/create', buildPatientInput({ lastName: 'Traoré', nir: NIR_2 }));
    expect(await t.call('backups/restore', { fileName })).toEqual({ patients: 1, invoices: 0 });
    // Nothing changes while the app runs.
    expect((await t.call('patients/search', { query: '' })).map((p) => p.lastName)).toEqual(['Diallo', 'Traoré']);
    t.close();

    const next = reopen();
    try {
      const r = await next.dispatch('patients/search', { query: '' });
      expect(r.ok && (r.value as { lastName: string }[]).map((p) => p.lastName)).toEqual(['Diallo']);
      const safety = listBackups(t.dir).find((b) => b.beforeRestore)!;
      expect(safety.fileName).toBe('feuillet-2026-11-26-090000-avant-restauration.sqlite');
      expect(patientsIn(join(backupsDir(), safety.fileName))).toEqual(['Diallo', 'Traoré']);
      expect(existsSync(join(t.dir, 'restauration-en-attente.json'))).toBe(false);
      const audit = await next.dispatch('audit/list', { entity: 'database', entityId: 1 });
      expect(audit.ok && (audit.value as { action: string }[]).map((a) => a.action)).toContain('restored');
    } finally {
      next.close();
    }
  });

  it('refuses to restore a damaged file or a name that is not a backup, and asks nothing', async () => {
    mkdirSync(backupsDir(), { recursive: true });
    writeFileSync(join(backupsDir(), 'feuillet-2026-11-01-080000.sqlite'), 'not a database at all');
    const damaged = await t.fails('backups/restore', { fileName: 'feuillet-2026-11-01-080000.sqlite' });
    expect(damaged).toMatchObject({ code: 'conflict', message_fr: expect.stringContaining('Cette sauvegarde est abîmée') });
    expect((await t.fails('backups/restore', { fileName: '../feuillet.sqlite' })).message_fr).toBe('Nom de sauvegarde invalide.');
    expect((await t.fails('backups/restore', { fileName: 'feuillet-2020-01-01-000000.sqlite' })).code).toBe('not-found');
    expect(existsSync(join(t.dir, 'restauration-en-attente.json'))).toBe(false);
  });

  it('hands a backup to the browser as a download with the token, never without it', async () => {
    const { fileName } = await t.call('backups/create', {});
    expect(await t.call('backups/present', { fileName })).toEqual({ url: `/backups/${fileName}`, shownInFolder: false });
    expect((await t.fails('backups/present', { fileName: 'feuillet-2020-01-01-000000.sqlite' })).code).toBe('not-found');
    const staticDir = join(t.dir, 'renderer');
    mkdirSync(staticDir);
    const bridge = await startBridge({ dispatch: t.dispatch, staticDir, documentsDir: join(t.dir, 'documents'), backupsDir: backupsDir() });
    try {
      const ok = await http(bridge.port, { path: `/backups/${fileName}?token=${bridge.token}` });
      expect(ok.status).toBe(200);
      expect(ok.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
      expect(ok.body.startsWith('SQLite format 3')).toBe(true);
      expect((await http(bridge.port, { path: `/backups/${fileName}` })).status).toBe(401);
      expect((await http(bridge.port, { path: `/backups/..%2Ffeuillet.sqlite?token=${bridge.token}` })).status).toBe(404);
    } finally {
      await bridge.close();
    }
    expect(readdirSync(backupsDir())).toEqual([fileName]);
  });

  it('never prunes the backup a pending restore will use, and the restore can be cancelled', async () => {
    const { fileName } = await t.call('backups/create', {});
    for (let day = 1; day <= KEEP_BACKUPS + 2; day++) {
      copyFileSync(join(backupsDir(), fileName), join(backupsDir(), `feuillet-2026-12-${String(day).padStart(2, '0')}-080000.sqlite`));
    }
    await t.call('backups/restore', { fileName });
    await t.call('backups/create', {});
    const state = await t.call('backups/list', {});
    expect(state.pendingRestore).toBe(fileName);
    expect(state.backups.map((b) => b.fileName)).toContain(fileName);
    await t.call('backups/cancel-restore', {});
    expect((await t.call('backups/list', {})).pendingRestore).toBeNull();
    expect(existsSync(join(t.dir, 'restauration-en-attente.json'))).toBe(false);
  });

  it('refuses a backup made by a newer Feuillet', async () => {
    const { fileName } = await t.call('backups/create', {});
    const db = new Database(join(backupsDir(), fileName));
    db.pragma('user_version = 999');
    db.close();
    expect((await t.fails('backups/restore', { fileName })).message_fr).toBe(
      "Cette sauvegarde vient d'une version plus récente de Feuillet : mettez Feuillet à jour avant de la restaurer.",
    );
  });

  it('reports a restore that could not be done at the start, and keeps the data as it was', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo' }));
    const { fileName } = await t.call('backups/create', {});
    await t.call('backups/restore', { fileName });
    t.close();
    rmSync(join(t.dir, 'restauration-en-attente.sqlite')); // the staged copy lost between the request and the next start
    const next = reopen();
    try {
      const r = await next.dispatch('backups/list', {});
      expect(r.ok && (r.value as { lastRestore: unknown }).lastRestore).toMatchObject({ fileName, ok: false, reason: 'sauvegarde introuvable (demandez à nouveau la restauration)' });
      expect(r.ok && (r.value as { pendingRestore: unknown }).pendingRestore).toBeNull();
      const patients = await next.dispatch('patients/search', { query: '' });
      expect(patients.ok && (patients.value as unknown[]).length).toBe(1);
    } finally {
      next.close();
    }
  });

  it('restores the checked copy, not the file as it is at the next start (replaced meanwhile)', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', nir: NIR_1 }));
    const { fileName } = await t.call('backups/create', {});
    await t.call('backups/restore', { fileName });
    writeFileSync(join(backupsDir(), fileName), 'swapped after the check');
    t.close();
    expect(await lastNamesAtNextStart(t.dir)).toEqual(['Diallo']);
  });

  it('restores over a damaged database, keeping a raw copy of it', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo' }));
    const { fileName } = await t.call('backups/create', {});
    await t.call('backups/restore', { fileName });
    t.close();
    const live = join(t.dir, 'feuillet.sqlite');
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    writeFileSync(live, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 7)])); // damaged
    const next = reopen();
    try {
      const patients = await next.dispatch('patients/search', { query: '' });
      expect(patients.ok && (patients.value as { lastName: string }[]).map((p) => p.lastName)).toEqual(['Diallo']);
      expect(listBackups(t.dir).some((b) => b.beforeRestore && b.sizeBytes > 0)).toBe(true);
    } finally {
      next.close();
    }
  });

  it('refuses to open a data folder another Feuillet holds; an old PID file does not block the start', () => {
    // The lock itself (held by another process, released when it dies) is tested in durability.test.ts.
    t.close();
    const other = reopen();
    try {
      expect(() => reopen()).toThrow(/Feuillet est déjà ouvert sur ce dossier de données/);
    } finally {
      other.close();
    }
    writeFileSync(join(t.dir, 'feuillet.lock'), '1'); // an older Feuillet's PID file naming a running process
    const next = reopen();
    next.close();
  });
});
