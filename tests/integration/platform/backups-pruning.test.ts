/**
 * Pruning cannot delete the practice's history: backups are ordered by the date written inside them, not by
 * their names. Files dated in the future, copied by hand or renamed are reported, never trusted: the backup
 * just made, the real ones and the copy made before a restore survive.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, KEEP_BACKUPS, listBackups, pruneBackups } from '../../../electron/backups.ts';
import { fixedClock } from '../../../electron/context.ts';
import { buildPatientInput, makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // 25/11/2026 09:00Z
});
afterEach(() => t.dispose());

const backupsDir = () => join(t.dir, 'sauvegardes');
const NOW = '2026-11-25T09:00:00.000Z';
const onDay = (day: string) => ({ ...t.ctx, clock: fixedClock(day) });

/** Real backups made on the given days (each stamped inside with its day). */
async function realBackups(days: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const day of days) names.push((await createBackup(onDay(day), 'quotidienne')).fileName);
  return names;
}

describe('pruning backups', () => {
  it('30 files dated 2099, copied from a real backup: « Sauvegarder maintenant » keeps the new backup and every real one', async () => {
    await t.call('patients/create', buildPatientInput({ lastName: 'Diallo' }));
    const real = await realBackups(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
    for (let n = 1; n <= 30; n++) {
      copyFileSync(join(backupsDir(), real[0]!), join(backupsDir(), `feuillet-2099-01-${String(n).padStart(2, '0')}-000000.sqlite`));
    }
    const made = await t.call('backups/create', {});
    const names = readdirSync(backupsDir());
    for (const name of [...real, made.fileName]) expect(names).toContain(name);
    // The copies carry the date of the backup they were copied from: listed there, not in 2099.
    const listed = listBackups(t.dir, NOW);
    expect(listed[0]!.fileName).toBe(made.fileName);
    expect(listed.find((b) => b.fileName === 'feuillet-2099-01-01-000000.sqlite')).toMatchObject({ createdAt: '2026-11-20T09:00:00.000Z', doubt: null });
  });

  it('hand-made files dated in the future are reported, never trusted, and never delete a real backup', async () => {
    const real = await realBackups(Array.from({ length: KEEP_BACKUPS }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`));
    for (let n = 1; n <= 30; n++) writeFileSync(join(backupsDir(), `feuillet-2099-03-${String(n).padStart(2, '0')}-000000.sqlite`), 'hand-made');
    const made = await t.call('backups/create', {});
    const listed = listBackups(t.dir, NOW);
    const future = listed.filter((b) => b.fileName.startsWith('feuillet-2099'));
    expect(future).toHaveLength(30);
    expect(future[0]!.doubt).toBe('daté du 30/03/2099, dans le futur : date non fiable');
    const names = readdirSync(backupsDir());
    expect(names).toContain(made.fileName);
    // 31 real backups: only the oldest one goes.
    expect(names).not.toContain(real[0]);
    for (const name of real.slice(1)) expect(names).toContain(name);
  }, 60_000);

  it('a backup stamped in the future from inside is reported and not counted; the new backup survives', async () => {
    const [future] = await realBackups(['2099-06-01']);
    const made = await t.call('backups/create', {});
    const listed = listBackups(t.dir, NOW);
    expect(listed.find((b) => b.fileName === future)!.doubt).toBe('daté du 01/06/2099, dans le futur : date non fiable');
    expect(listed.find((b) => b.fileName === made.fileName)!.doubt).toBeNull();
    expect(pruneBackups(t.dir, NOW, null, 1)).toEqual([]);
  });

  it('never deletes the backup just made, nor the copy made before a restore', async () => {
    const real = await realBackups(['2026-11-01', '2026-11-02', '2026-11-03']);
    copyFileSync(join(backupsDir(), real[0]!), join(backupsDir(), 'feuillet-2026-10-01-080000-avant-restauration.sqlite'));
    // Keep only 1 date: the newest real backup; but the one just made (an older date, e.g. a clock set back) stays.
    const removed = pruneBackups(t.dir, NOW, real[0]!, 1);
    expect(removed).toEqual([real[1]]);
    expect(readdirSync(backupsDir()).sort()).toEqual(['feuillet-2026-10-01-080000-avant-restauration.sqlite', real[0], real[2]].sort());
  });
});
