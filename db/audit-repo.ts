import type { AuditEntry } from '../core/domain/types.ts';
import type { Db } from './connection.ts';

/** Appends one audit entry. Call it inside the transaction of the change it records. */
export function recordAudit(
  db: Db,
  at: string,
  entity: string,
  entityId: number,
  action: string,
  before: unknown,
  after: unknown,
): void {
  db.prepare(
    'INSERT INTO audit_log (at, entity, entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(at, entity, entityId, action, before === null || before === undefined ? null : JSON.stringify(before), after === null || after === undefined ? null : JSON.stringify(after));
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
