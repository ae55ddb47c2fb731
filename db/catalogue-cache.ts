/**
 * The catalogue a validation prices with (tariffs, NGAP acts, coefficient steps of one profession), read
 * once per connection instead of twice at every validation (~40 tariff and ~15 act rows marshalled into
 * objects: more than half of the time a validation's statements took, ~0.25 of ~0.4 ms).
 *
 * Kept only while provably unchanged, without any schema change:
 * - writes through this connection: TEMP triggers on the three tables stamp a TEMP row with a number
 *   never given before (a JS counter), on every insert, update or delete. The row is transactional: a
 *   rolled-back write puts the old stamp back, and the next write gets yet another number — so a cache
 *   entry is used only when the stamp is the one it was read under;
 * - writes through any other connection or process: `PRAGMA data_version` changes, the cache is dropped.
 * The triggers are checked at each call (a rolled-back transaction takes their creation with it): when
 * they are missing the catalogue is read from the tables and they are created again.
 * The cached objects are frozen: a caller cannot alter what the next validation prices with.
 */
import type { Catalogue } from '../core/cotation/types.ts';
import type { Profession } from '../core/domain/types.ts';
import { loadCatalogue } from './catalogue-repo.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

const TABLES = ['tariffs', 'ngap_acts', 'coefficient_steps'] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;
const TRIGGER_PREFIX = 'feuillet_catalogue_watch_';
const STAMP_TABLE = 'feuillet_catalogue_stamp';
const NEXT_STAMP = 'feuillet_catalogue_next_stamp';

interface ConnectionCache {
  lastStamp: number;
  functionRegistered: boolean;
  entries: Map<Profession, { stamp: number; dataVersion: number; catalogue: Catalogue }>;
}

const caches = new WeakMap<Db, ConnectionCache>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** True when the watching triggers exist on this connection; else creates them (in the caller's transaction, if any). */
function watching(db: Db, cache: ConnectionCache): boolean {
  // Each trigger on the table its name says (a table renamed away keeps its triggers), and the stamp row there.
  const placed = cached(
    db,
    `SELECT count(*) FROM temp.sqlite_schema WHERE type = 'trigger'
       AND substr(name, 1, ${TRIGGER_PREFIX.length} + length(tbl_name) + 1) = '${TRIGGER_PREFIX}' || tbl_name || '_'`,
  ).pluck().get();
  const stamped = placed === TABLES.length * EVENTS.length && cached(db, `SELECT count(*) FROM temp.sqlite_schema WHERE name = '${STAMP_TABLE}'`).pluck().get() === 1;
  if (stamped && cached(db, `SELECT count(*) FROM temp.${STAMP_TABLE}`).pluck().get() === 1) return true;
  for (const name of cached(db, `SELECT name FROM temp.sqlite_schema WHERE type = 'trigger' AND substr(name, 1, ${TRIGGER_PREFIX.length}) = '${TRIGGER_PREFIX}'`).pluck().all() as string[]) {
    db.exec(`DROP TRIGGER temp."${name}"`);
  }
  db.exec(`DROP TABLE IF EXISTS temp.${STAMP_TABLE}`);
  if (!cache.functionRegistered) {
    db.function(NEXT_STAMP, { deterministic: false }, () => ++cache.lastStamp);
    cache.functionRegistered = true;
  }
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${STAMP_TABLE} (n INTEGER NOT NULL);
           INSERT INTO temp.${STAMP_TABLE} (n) SELECT ${NEXT_STAMP}() WHERE NOT EXISTS (SELECT 1 FROM temp.${STAMP_TABLE})`);
  for (const table of TABLES) {
    for (const event of EVENTS) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${TRIGGER_PREFIX}${table}_${event} AFTER ${event.toUpperCase()} ON main.${table}
               BEGIN UPDATE temp.${STAMP_TABLE} SET n = ${NEXT_STAMP}(); END`);
    }
  }
  return false;
}

/** The catalogue of `profession`, as loadCatalogue reads it, from this connection's cache when unchanged. Frozen. */
export function currentCatalogue(db: Db, profession: Profession): Catalogue {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { lastStamp: 0, functionRegistered: false, entries: new Map() }));
  if (!watching(db, cache)) cache.entries.clear();
  const dataVersion = cached(db, 'PRAGMA data_version').pluck().get() as number;
  const stamp = cached(db, `SELECT n FROM temp.${STAMP_TABLE}`).pluck().get() as number;
  const entry = cache.entries.get(profession);
  if (entry && entry.stamp === stamp && entry.dataVersion === dataVersion) return entry.catalogue;
  const catalogue = deepFreeze(loadCatalogue(db, profession));
  cache.entries.set(profession, { stamp, dataVersion, catalogue });
  return catalogue;
}
