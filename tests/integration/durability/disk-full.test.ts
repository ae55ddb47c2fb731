/**
 * A full disk, said plainly. The data folder is a small filesystem of its own (a 6 MB tmpfs mounted on it:
 * needs the right to mount, as root on Linux — CI runs as root; elsewhere the test is skipped and says why).
 * Filled up, every write is refused naming the full disk, the data folder and what to do; nothing
 * acknowledged is lost after a restart; writes work again once space is freed; no temporary file is left.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend.ts';
import { TEMP_PREFIX } from '../../../electron/durable-files.ts';
import { buildPatientInput, nirOf, openBackendAt } from '../../helpers/test-backend.ts';

const base = mkdtempSync(join(tmpdir(), 'feuillet-disk-full-'));
const dataDir = join(base, 'donnees');
let mounted = false;
let whyNot = '';
beforeAll(() => {
  execFileSync('mkdir', ['-p', dataDir]);
  if (process.platform !== 'linux') {
    whyNot = 'not Linux: no tmpfs to mount';
    return;
  }
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m,mode=0700', 'tmpfs', dataDir], { encoding: 'utf8' });
  mounted = r.status === 0;
  if (!mounted) whyNot = `cannot mount a small filesystem here (${(r.stderr || r.error?.message || '').trim()}): run as root`;
  if (!mounted) console.warn(`[disk-full.test] skipped: ${whyNot}`);
});
afterAll(() => {
  if (mounted) spawnSync('umount', [dataDir]);
  rmSync(base, { recursive: true, force: true });
});

const open = (): Backend => openBackendAt(dataDir, '2026-11-25');

const freeOf = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};
const leftovers = () => [...readdirSync(dataDir), ...readdirSync(join(dataDir, 'sauvegardes')).map((f) => `sauvegardes/${f}`)].filter((f) => f.includes(TEMP_PREFIX));
const patient = (n: number) => buildPatientInput({ lastName: `Plein${String(n).padStart(4, '0')}`, nir: nirOf(`1850599${String(200000 + n).slice(-6)}`) });

describe('a full disk', () => {
  it.skipIf(process.platform !== 'linux' || spawnSync('id', ['-u'], { encoding: 'utf8' }).stdout.trim() !== '0')(
    'is named in every refusal; nothing acknowledged is lost; writes work again once space is freed [needs root to mount a tmpfs]',
    async () => {
      expect(mounted, whyNot).toBe(true);
      let app = open();
      const call = (method: string, input: unknown) => app.dispatch(method, input);
      expect(((await call('backups/create', {})) as { ok: boolean }).ok).toBe(true);
      // Little space left: the app says so at start (and it is under 200 MB on this 6 MB disk).
      const info = (await call('app/info', {})) as { ok: true; value: { diskWarning: string | null } };
      expect(info.value.diskWarning).toMatch(/^Il reste peu de place sur le disque qui contient les données de Feuillet \(\d+ Mo libres ; dossier : .*donnees\)/);

      // Fill the disk, leaving a few hundred KB for the database to grow into.
      const filler = join(dataDir, 'filler.bin');
      writeFileSync(filler, Buffer.alloc(Math.max(0, freeOf(dataDir) - 400 * 1024)));
      const acknowledged: string[] = [];
      let refusal: { code: string; message_fr: string } | null = null;
      for (let n = 1; n <= 5000 && !refusal; n++) {
        const r = (await call('patients/create', patient(n))) as { ok: boolean; error?: { code: string; message_fr: string } };
        if (r.ok) acknowledged.push(`Plein${String(n).padStart(4, '0')}`);
        else refusal = r.error!;
      }
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(refusal).toEqual({
        code: 'disk-full',
        message_fr: `Le disque qui contient les données de Feuillet est plein : l’opération n’a pas été enregistrée. Dossier des données : ${dataDir}. Libérez de la place sur ce disque (videz la corbeille, déplacez des fichiers ou d’anciennes sauvegardes vers un disque externe), puis réessayez : vos données déjà enregistrées sont intactes.`,
      });
      // Still full: a second write and a backup are refused the same way, a backup before writing anything.
      expect(((await call('patients/create', patient(9001))) as { error: { code: string } }).error.code).toBe('disk-full');
      const backup = (await call('backups/create', {})) as { ok: boolean; error: { code: string; message_fr: string } };
      expect(backup.error.code).toBe('disk-full');
      expect(backup.error.message_fr).toContain('la sauvegarde n’y tiendrait pas, elle n’a pas été faite');
      expect(backup.error.message_fr).toContain(`Dossier des données : ${dataDir}.`);
      expect(leftovers()).toEqual([]);

      // Space freed: the same write works at once.
      rmSync(filler);
      expect(((await call('patients/create', patient(9002))) as { ok: boolean }).ok).toBe(true);
      acknowledged.push('Plein9002');
      expect(((await call('backups/create', {})) as { ok: boolean }).ok).toBe(true);
      app.close();

      // Restart: everything acknowledged is there, and only that.
      app = open();
      try {
        const all = (await app.dispatch('patients/search', { query: 'plein', limit: 100 })) as { ok: true; value: { lastName: string }[] };
        const names = app.ctx.db.prepare("SELECT last_name FROM patients WHERE last_name LIKE 'Plein%' ORDER BY last_name").pluck().all() as string[];
        expect(names).toEqual([...acknowledged].sort());
        expect(all.value.length).toBeGreaterThan(0);
        expect(String(app.ctx.db.pragma('quick_check', { simple: true }))).toBe('ok');
        expect(leftovers()).toEqual([]);
      } finally {
        app.close();
      }
    },
    120_000,
  );
});
