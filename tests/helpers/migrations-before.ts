/** An older schema for upgrade tests: the migrations that came before a given one. */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './test-backend.ts';

export const MIGRATIONS = join(ROOT, 'db', 'migrations');

/**
 * Copies into `dir/migrations` every migration before the one whose file name ends with `suffix`
 * (`-desk.sql`, whatever number it has) and returns that folder, for `openDatabase(…, { migrationsDir })`.
 */
export function migrationsBefore(dir: string, suffix: string): string {
  const before = join(dir, 'migrations');
  mkdirSync(before);
  const files = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort();
  const upTo = files.findIndex((f) => f.endsWith(suffix));
  if (upTo < 0) throw new Error(`no migration ends with ${suffix}`);
  for (const f of files.slice(0, upTo)) copyFileSync(join(MIGRATIONS, f), join(before, f));
  // The catalogue files some migrations apply (`-- feuillet:apply-catalogue`).
  for (const f of readdirSync(MIGRATIONS).filter((x) => x.endsWith('.json'))) copyFileSync(join(MIGRATIONS, f), join(before, f));
  return before;
}
