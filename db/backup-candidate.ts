/**
 * A file offered for a restore is hostile until proven otherwise (DESIGN.md §7, docs/DESIGN.md): it is
 * checked in a worker thread with a time limit, so a file built to hang SQLite cannot stall the desk.
 *
 * The worker (1) reads the 100-byte header without SQLite and refuses a file whose size is not its page
 * count × page size (a file padded to 2 GB is refused before a byte of it is copied); (2) copies it to a
 * private file and opens that copy read-only with `trusted_schema` off; (3) compares its schema (every
 * table, index, trigger and view of `sqlite_schema` with its SQL) to the one Feuillet's own migrations
 * produce for its `user_version`, built on an empty in-memory database; (4) runs `quick_check`; (5) opens
 * the copy read-write and applies the pending migrations, so a restore that could not start is refused
 * now, not at the next start. The migrated copy is what the caller stages for the next start.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Migration } from './migrate.ts';

export type CandidateCheck =
  | { ok: true; schemaVersion: number; patients: number; invoices: number }
  | { ok: false; reason_fr: string };

/** Seconds a check may take before it is stopped (a 100,000-patient file takes a few). */
export const CANDIDATE_TIME_LIMIT_MS = 120_000;

/**
 * Checks `file` and, when it is sound, leaves at `stagedCopy` a copy migrated to the latest version.
 * Never throws: a refusal carries its French reason. `stagedCopy` is removed unless the check passed.
 */
export function checkBackupCandidate(
  file: string,
  stagedCopy: string,
  migrations: readonly Migration[],
  opts: { timeLimitMs?: number } = {},
): Promise<CandidateCheck> {
  const timeLimitMs = opts.timeLimitMs ?? CANDIDATE_TIME_LIMIT_MS;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const cleanUp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(stagedCopy + suffix, { force: true });
  };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (check: CandidateCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!check.ok) cleanUp();
      resolve(check);
    };
    const worker = new Worker(CANDIDATE_WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file, stagedCopy, migrations: migrations.map((m) => ({ version: m.version, sql: m.sql })) },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    const timer = setTimeout(() => {
      settle({ ok: false, reason_fr: `La vérification de ce fichier a dépassé ${Math.ceil(timeLimitMs / 1000)} s : il a été écarté sans être restauré.` });
      // Removed once the worker has really stopped (it may hold the copy open).
      void worker.terminate().then(cleanUp, cleanUp);
    }, timeLimitMs);
    worker.once('message', (check: CandidateCheck) => settle(check));
    worker.once('error', (err) => settle({ ok: false, reason_fr: `Ce fichier n'a pas pu être vérifié (${err.message}) : il n'a pas été restauré.` }));
    worker.once('exit', () => settle({ ok: false, reason_fr: "Ce fichier n'a pas pu être vérifié : il n'a pas été restauré." }));
  });
}

/**
 * Plain CommonJS run by the worker (the bundle and the tests load it alike). Every refusal is a French
 * sentence; `fail` is thrown to reach the single reply at the end.
 */
const CANDIDATE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const { file, stagedCopy, migrations } = workerData;
const latest = migrations.length;
class Refusal extends Error {}
const fail = (text) => { throw new Refusal(text); };
const NOT_FEUILLET = "Ce fichier n'est pas une sauvegarde de Feuillet";

function header(path) {
  const fd = fs.openSync(path, 'r');
  try {
    const b = Buffer.alloc(100);
    const n = fs.readSync(fd, b, 0, 100, 0);
    if (n < 100 || b.toString('latin1', 0, 16) !== 'SQLite format 3\\0') fail('Cette sauvegarde est abîmée ou n\\'est pas un fichier de base de données : elle ne peut pas être restaurée.');
    const raw = b.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    const pageCount = b.readUInt32BE(28);
    const countValid = b.readUInt32BE(24) === b.readUInt32BE(92) && pageCount > 0;
    // Feuillet's files are UTF-8 (text encoding 1 at offset 56) with no reserved bytes per page (offset 20).
    const ownFormat = b.readUInt32BE(56) === 1 && b.readUInt8(20) === 0;
    return { pageSize, pageCount, countValid, ownFormat, size: fs.fstatSync(fd).size };
  } finally {
    fs.closeSync(fd);
  }
}

function checkSize(h) {
  if (!h.countValid) fail(NOT_FEUILLET + " : son en-tête ne donne pas sa taille. Il n'a pas été restauré.");
  if (!h.ownFormat) fail(NOT_FEUILLET + " : son format interne (encodage du texte, octets réservés) n'est pas celui de Feuillet. Il n'a pas été restauré.");
  if (h.size !== h.pageSize * h.pageCount) {
    fail('Ce fichier a une taille anormale (' + h.size + ' octets au lieu de ' + h.pageSize * h.pageCount + ' pour ses ' + h.pageCount + " pages) : ce n'est pas une sauvegarde intacte de Feuillet. Il n'a pas été restauré.");
  }
}

const SCHEMA_SQL = "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema ORDER BY type, name";
const key = (r) => r.type + ' ' + r.name;

function referenceSchema(version) {
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = ON');
    for (const m of migrations.slice(0, version)) db.exec(m.sql);
    return db.prepare(SCHEMA_SQL).all();
  } finally {
    db.close();
  }
}

const KIND = { table: 'la table', index: "l'index", trigger: 'le déclencheur', view: 'la vue' };
const named = (r) => (KIND[r.type] || r.type) + ' « ' + String(r.name).slice(0, 60) + ' »';

function compareSchemas(found, wanted) {
  const want = new Map(wanted.map((r) => [key(r), r]));
  const have = new Map(found.map((r) => [key(r), r]));
  for (const r of found) {
    const w = want.get(key(r));
    if (!w) fail(NOT_FEUILLET + ' : il contient ' + named(r) + " que Feuillet ne crée pas. Il n'a pas été restauré.");
    if (w.sql !== r.sql || w.tbl !== r.tbl) fail(NOT_FEUILLET + ' : ' + named(r) + " n'a pas la définition de Feuillet. Il n'a pas été restauré.");
  }
  for (const w of wanted) if (!have.has(key(w))) fail(NOT_FEUILLET + ' : il lui manque ' + named(w) + ". Il n'a pas été restauré.");
}

let result;
let db = null;
try {
  checkSize(header(file));
  fs.copyFileSync(file, stagedCopy);
  // The private copy is what is checked and restored: nothing else writes it between the two.
  const h = header(stagedCopy);
  checkSize(h);
  {
    const fd = fs.openSync(stagedCopy, 'r+');
    try {
      // A copy of a live database (WAL mode) is read as a self-contained file: rollback mode.
      const modes = Buffer.alloc(2);
      fs.readSync(fd, modes, 0, 2, 18);
      if (modes[0] === 2 || modes[1] === 2) fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
    } finally {
      fs.closeSync(fd);
    }
  }
  db = new Database(stagedCopy, { readonly: true, fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  if (db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true }) !== h.size) fail(NOT_FEUILLET + " : sa taille ne correspond pas à son contenu. Il n'a pas été restauré.");
  const version = Number(db.pragma('user_version', { simple: true }));
  if (!(version >= 1)) fail(NOT_FEUILLET + " (aucune version de Feuillet n'y est inscrite). Il n'a pas été restauré.");
  if (version > latest) fail("Cette sauvegarde vient d'une version plus récente de Feuillet : mettez Feuillet à jour avant de la restaurer.");
  compareSchemas(db.prepare(SCHEMA_SQL).all(), referenceSchema(version));
  const integrity = String(db.pragma('quick_check', { simple: true }));
  if (integrity !== 'ok') fail('Cette sauvegarde est abîmée (' + integrity.slice(0, 200) + ') : elle ne peut pas être restaurée.');
  db.close();
  db = null;

  // The schema is Feuillet's: only Feuillet's own SQL runs from here. Migrate it as the next start would.
  db = new Database(stagedCopy, { fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = ON');
  try {
    for (const m of migrations.slice(version)) {
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma('user_version = ' + m.version);
      }).immediate();
    }
  } catch (err) {
    fail('Cette sauvegarde ne peut pas être mise à niveau pour cette version de Feuillet (' + String(err && err.message).slice(0, 200) + ') : elle n\\'a pas été restaurée.');
  }
  const after = String(db.pragma('quick_check', { simple: true }));
  if (after !== 'ok') fail('Cette sauvegarde est abîmée (' + after.slice(0, 200) + ') : elle ne peut pas être restaurée.');
  const hasStamp = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backup_stamp'").get();
  if (hasStamp) db.exec('DELETE FROM backup_stamp');
  const count = (t) => db.prepare('SELECT count(*) AS n FROM ' + t).get().n;
  result = { ok: true, schemaVersion: version, patients: count('patients'), invoices: count('invoices') };
} catch (err) {
  result = {
    ok: false,
    reason_fr: err instanceof Refusal ? err.message : 'Cette sauvegarde est abîmée (' + String(err && err.message).slice(0, 200) + ') : elle ne peut pas être restaurée.',
  };
} finally {
  if (db) db.close();
}
parentPort.postMessage(result);
`;
