import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { applyCatalogue } from './catalogue-apply.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Catalogue files the migration applies after its SQL (`-- feuillet:apply-catalogue <file>`), with their text. */
  catalogues?: { file: string; text: string }[];
}

/** A migration line naming a catalogue file (beside the migrations) to apply through `applyCatalogue`. */
const APPLY_CATALOGUE = /^-- feuillet:apply-catalogue (\S+)$/gm;

const MIGRATION_FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** Folder of the numbered SQL files; the build copies it beside the bundle (FEUILLET_MIGRATIONS_DIR). */
export function migrationsDir(): string {
  const fromEnv = process.env.FEUILLET_MIGRATIONS_DIR;
  if (fromEnv) return fromEnv;
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, m: MIGRATION_FILE.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      const catalogues = [...sql.matchAll(APPLY_CATALOGUE)].map((c) => ({ file: c[1]!, text: readFileSync(join(dir, c[1]!), 'utf8') }));
      return { version: Number(m[1]), name: m[2]!, sql, ...(catalogues.length > 0 ? { catalogues } : {}) };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((mig, i) => {
    if (mig.version !== i + 1) throw new Error(`Migration numbering has a gap at ${mig.version} (expected ${i + 1})`);
  });
  return migrations;
}

/**
 * Applies pending migrations, each in its own transaction with `PRAGMA user_version` bumped inside it:
 * a migration that fails leaves the file exactly as it was. A database newer than the app is refused.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new Error(
      `Cette base de données (version ${current}) a été créée par une version plus récente de Feuillet (version ${latest} connue). Mettez Feuillet à jour.`,
    );
  }
  for (const mig of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(mig.sql);
      // The shipped catalogue enters the way an update does (DESIGN §7), inside the migration's transaction.
      for (const c of mig.catalogues ?? []) applyCatalogue(db, c.text, { origin: 'migration', now: new Date().toISOString() });
      db.pragma(`user_version = ${mig.version}`);
    }).immediate();
  }
  return latest;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
