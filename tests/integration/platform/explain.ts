/**
 * EXPLAIN QUERY PLAN helpers: `explain()` for one statement, and `capturePlans()` to get the plan of
 * every statement a function really ran (so a test checks the SQL the repository uses, not a copy).
 */
import type { Db } from '../../../db/connection.ts';

export interface Plan {
  sql: string;
  /** The `detail` column of each plan row, joined with ' | '. */
  detail: string;
}

/** The query plan of `sql` with `params`, as one string (`SEARCH p USING INDEX … | …`). */
export function explain(db: Db, sql: string, ...params: unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

/**
 * Runs `fn`, recording every SELECT it runs on `db` and the parameters it ran them with; returns their
 * plans. Statements prepared earlier (the per-connection cache of db/statements.ts) are recorded too: the
 * methods are watched on the statements' prototype, for the statements of this connection.
 */
export function capturePlans<T>(db: Db, fn: () => T): { result: T; plans: Plan[] } {
  const ran: { sql: string; params: unknown[] }[] = [];
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'all' | 'get' | 'iterate', (...args: unknown[]) => unknown>;
  const originals = { all: proto.all, get: proto.get, iterate: proto.iterate };
  for (const method of ['all', 'get', 'iterate'] as const) {
    const original = originals[method];
    proto[method] = function (this: { source: string; database: Db }, ...params: unknown[]) {
      if (this.database === db && /^\s*SELECT/i.test(this.source)) ran.push({ sql: this.source, params });
      return original.apply(this, params);
    };
  }
  try {
    const result = fn();
    return { result, plans: ran.map(({ sql, params }) => ({ sql, detail: explain(db, sql, ...params) })) };
  } finally {
    Object.assign(proto, originals);
  }
}
