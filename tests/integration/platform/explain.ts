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

/** Runs `fn`, recording every SELECT it prepares and the parameters it ran them with; returns their plans. */
export function capturePlans<T>(db: Db, fn: () => T): { result: T; plans: Plan[] } {
  const ran: { sql: string; params: unknown[] }[] = [];
  const originalPrepare = db.prepare;
  db.prepare = function (this: Db, sql: string) {
    const stmt = originalPrepare.call(this, sql);
    if (!/^\s*SELECT/i.test(sql)) return stmt;
    for (const method of ['all', 'get', 'iterate'] as const) {
      const original = stmt[method] as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        ran.push({ sql, params });
        return original.apply(stmt, params);
      };
    }
    return stmt;
  } as Db['prepare'];
  try {
    const result = fn();
    return { result, plans: ran.map(({ sql, params }) => ({ sql, detail: explain(db, sql, ...params) })) };
  } finally {
    db.prepare = originalPrepare;
  }
}
