import type { AuditEntry } from '../core/domain/types.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What changed between two states of a record: only the top-level fields whose value differs, on both
 * sides (an update of one field of an invoice stores that field, not the whole invoice twice).
 * Anything that is not a pair of objects is kept as it is.
 */
export function auditDiff(before: unknown, after: unknown): [unknown, unknown] {
  if (!isRecord(before) || !isRecord(after)) return [before, after];
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in before) b[key] = before[key];
    if (key in after) a[key] = after[key];
  }
  return [b, a];
}

/** Appends one audit entry (for an update: only what changed). Call it inside the transaction of the change it records. */
export function recordAudit(
  db: Db,
  at: string,
  entity: string,
  entityId: number,
  action: string,
  before: unknown,
  after: unknown,
): void {
  const [b, a] = auditDiff(before, after);
  cached(db, 'INSERT INTO audit_log (at, entity, entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    at, entity, entityId, action, b === null || b === undefined ? null : JSON.stringify(b), a === null || a === undefined ? null : JSON.stringify(a),
  );
}

interface AuditRow {
  id: number;
  at: string;
  entity: string;
  entity_id: number;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  entity: r.entity,
  entityId: r.entity_id,
  action: r.action,
  before: r.before_json === null ? null : JSON.parse(r.before_json),
  after: r.after_json === null ? null : JSON.parse(r.after_json),
});

export function listAudit(db: Db, entity: string, entityId: number): AuditEntry[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, entityId) as AuditRow[];
  return rows.map(toEntry);
}

/** The newest entry of one of `actions` about an entity, or null (without reading its whole history). */
export function latestAudit(db: Db, entity: string, entityId: number, actions: readonly string[]): AuditEntry | null {
  const row = db
    .prepare(
      `SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? AND action IN (${actions.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`,
    )
    .get(entity, entityId, ...actions) as AuditRow | undefined;
  return row ? toEntry(row) : null;
}
