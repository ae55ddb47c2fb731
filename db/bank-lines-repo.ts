/**
 * Bank statement lines (credits) and what they can be matched against. The unique identity makes a
 * second import of the same file insert nothing.
 */
import type { MatchCandidate } from '../core/domain/bank-matching.ts';
import type { CsvMapping, StatementLine, StatementSource } from '../core/domain/bank-statement.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export interface BankLineRow {
  id: number;
  account: string;
  bookedOn: string;
  amountCents: number;
  label: string;
  source: StatementSource;
  transferId: number | null;
}

/** Inserts the lines not known yet; returns the ids of the lines of the file (new or already there). */
export function insertBankLines(db: Db, source: StatementSource, lines: readonly (StatementLine & { identity: string })[], now: string): { ids: number[]; inserted: number } {
  const insert = cached(
    db,
    `INSERT INTO bank_lines (identity, account, booked_on, amount_cents, label, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (identity) DO NOTHING`,
  );
  const find = cached(db, 'SELECT id FROM bank_lines WHERE identity = ?').pluck();
  let inserted = 0;
  const ids = lines.map((l) => {
    inserted += insert.run(l.identity, l.account, l.bookedOn, l.amountCents, l.label, source, now).changes;
    return find.get(l.identity) as number;
  });
  return { ids, inserted };
}

const LINE_SQL = `SELECT l.id, l.account, l.booked_on AS bookedOn, l.amount_cents AS amountCents, l.label, l.source,
  (SELECT t.id FROM transfers t WHERE t.bank_line_id = l.id AND t.cancelled_at IS NULL) AS transferId
  FROM bank_lines l`;

export function getBankLine(db: Db, id: number): BankLineRow | null {
  return (cached(db, `${LINE_SQL} WHERE l.id = ?`).get(id) as BankLineRow | undefined) ?? null;
}

/** Latest first; `openOnly`: the credits no live transfer points yet. */
export function listBankLines(db: Db, f: { openOnly: boolean; limit: number; ids?: readonly number[] }): BankLineRow[] {
  const where: string[] = [];
  if (f.openOnly) where.push('NOT EXISTS (SELECT 1 FROM transfers t WHERE t.bank_line_id = l.id AND t.cancelled_at IS NULL)');
  if (f.ids) where.push(`l.id IN (SELECT value FROM json_each(?))`);
  return db
    .prepare(`${LINE_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.booked_on DESC, l.id DESC LIMIT ?`)
    .all(...(f.ids ? [JSON.stringify(f.ids)] : []), f.limit) as BankLineRow[];
}

export function getCsvLayout(db: Db, signature: string): CsvMapping | null {
  const json = cached(db, 'SELECT mapping_json FROM bank_csv_layouts WHERE signature = ?').pluck().get(signature) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as CsvMapping);
}

export function saveCsvLayout(db: Db, signature: string, mapping: CsvMapping, now: string): void {
  cached(db, 'INSERT OR REPLACE INTO bank_csv_layouts (signature, mapping_json, saved_at) VALUES (?, ?, ?)').run(signature, JSON.stringify(mapping), now);
}

/**
 * What a credit can pay: live bordereaux with money still awaited (summed over their invoices), and the
 * open invoices one by one. Read from the follow-up view through the stored open states.
 */
export function matchCandidates(db: Db): MatchCandidate[] {
  const open = `SELECT f.invoice_id, f.expected_cents - f.paid_cents AS owed, f.bordereau_id, f.number, f.practitioner_id
    FROM follow_up_states s JOIN invoice_follow_up f ON f.invoice_id = s.invoice_id
    WHERE s.state IN ('a-envoyer', 'envoyee', 'payee-partiellement')`;
  const invoices = db
    .prepare(
      `SELECT 'invoice' AS kind, o.invoice_id AS id, o.number, o.practitioner_id AS practitionerId, NULL AS caisse,
         coalesce(b.sent_on, substr(i.validated_at, 1, 10)) AS since, o.owed AS owedCents, i.ame
       FROM (${open}) o JOIN invoices i ON i.id = o.invoice_id LEFT JOIN bordereaux b ON b.id = o.bordereau_id
       WHERE o.owed > 0`,
    )
    .all() as (Omit<MatchCandidate, 'ame'> & { ame: number })[];
  const bordereaux = db
    .prepare(
      `SELECT 'bordereau' AS kind, b.id, b.number, b.practitioner_id AS practitionerId, b.caisse, b.sent_on AS since,
         sum(o.owed) AS owedCents, max(i.ame) AS ame
       FROM (${open}) o JOIN bordereaux b ON b.id = o.bordereau_id JOIN invoices i ON i.id = o.invoice_id
       WHERE o.owed > 0 GROUP BY b.id`,
    )
    .all() as (Omit<MatchCandidate, 'ame'> & { ame: number })[];
  return [...bordereaux, ...invoices].map((c) => ({ ...c, ame: c.ame === 1 }));
}
