/** The frozen print model of validated invoices (invoice_print_models): insert once, read many, never change. */
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export interface StoredPrintModel {
  invoiceId: number;
  version: number;
  model: unknown;
  source: 'validation' | 'migration';
  createdAt: string;
}

/** Stores the model; call it in the validation's transaction. Triggers refuse drafts, updates and deletes. */
export function insertPrintModel(db: Db, invoiceId: number, version: number, model: unknown, now: string): void {
  cached(db,
    "INSERT INTO invoice_print_models (invoice_id, model_version, model_json, source, created_at) VALUES (?, ?, ?, 'validation', ?)",
  ).run(invoiceId, version, JSON.stringify(model), now);
}

export function getPrintModel(db: Db, invoiceId: number): StoredPrintModel | null {
  const r = cached(db, 'SELECT * FROM invoice_print_models WHERE invoice_id = ?').get(invoiceId) as
    | { invoice_id: number; model_version: number; model_json: string; source: 'validation' | 'migration'; created_at: string }
    | undefined;
  if (!r) return null;
  return { invoiceId: r.invoice_id, version: r.model_version, model: JSON.parse(r.model_json), source: r.source, createdAt: r.created_at };
}

/**
 * Kiné sessions billed under a prescription before `invoiceId`: on its other validated (not cancelled, not
 * draft) invoices whose first act is dated before this invoice's first act — the same date: the lower invoice
 * id first. A reissued invoice thus takes the numbers of the sessions it bills, not those after later invoices.
 */
export function sessionsBilledBefore(db: Db, prescriptionId: number, invoiceId: number, isSession: (code: string) => boolean): number {
  const rows = cached(
      db,
      `WITH firsts AS (
         SELECT i.id, (SELECT min(act_date) FROM invoice_lines WHERE invoice_id = i.id) AS first_act
         FROM invoices i WHERE i.prescription_id = @prescription AND (i.status = 'validated' OR i.id = @invoice)
       ),
       me AS (SELECT first_act FROM firsts WHERE id = @invoice)
       SELECT l.code, l.quantity FROM invoice_lines l JOIN firsts f ON f.id = l.invoice_id, me
       WHERE f.id <> @invoice AND (f.first_act < me.first_act OR (f.first_act = me.first_act AND f.id < @invoice))`,
    )
    .all({ prescription: prescriptionId, invoice: invoiceId }) as { code: string; quantity: number }[];
  return rows.filter((r) => isSession(r.code)).reduce((n, r) => n + r.quantity, 0);
}
