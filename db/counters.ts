import type { Db } from './connection.ts';
import { cached } from './statements.ts';

/** The gapless sequences, one row per practitioner in each table. */
export type Sequence = 'invoice_counters' | 'bordereau_counters';

/**
 * Takes the next number of a practitioner's gapless sequence. MUST run in the same transaction as
 * the write that uses it: a rollback gives the number back.
 */
export function takeNext(db: Db, sequence: Sequence, practitionerId: number): number {
  cached(db, `INSERT OR IGNORE INTO ${sequence} (practitioner_id, last_number) VALUES (?, 0)`).run(practitionerId);
  const row = cached(db, `UPDATE ${sequence} SET last_number = last_number + 1 WHERE practitioner_id = ? RETURNING last_number`)
    .get(practitionerId) as { last_number: number };
  return row.last_number;
}
