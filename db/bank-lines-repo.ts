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

/**
 * Inserts the lines not known yet; returns the ids of the lines of the file (new or already there). A line
 * with a `legacyIdentity` (a CSV line as identified before the account was asked: account « compte ») is
 * known when a line was stored under it, so a file imported before the upgrade is not imported twice.
 */
export function insertBankLines(
  db: Db,
  source: StatementSource,
  lines: readonly (StatementLine & { identity: string; legacyIdentity?: string | undefined })[],
  now: string,
): { ids: number[]; inserted: number } {
  const insert = cached(
    db,
    `INSERT INTO bank_lines (identity, account, booked_on, amount_cents, label, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (identity) DO NOTHING`,
  );
  const find = cached(db, 'SELECT id FROM bank_lines WHERE identity = ?').pluck();
  let inserted = 0;
  const ids = lines.map((l) => {
    const legacy = l.legacyIdentity === undefined ? undefined : (find.get(l.legacyIdentity) as number | undefined);
    if (legacy !== undefined) return legacy;
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

/** The account last named for a CSV layout that does not name its own, offered again. */
export function lastCsvAccount(db: Db, signature: string): string | null {
  return (cached(db, 'SELECT account FROM bank_csv_accounts WHERE signature = ?').pluck().get(signature) as string | undefined) ?? null;
}

export function saveCsvAccount(db: Db, signature: string, account: string, now: string): void {
  cached(db, 'INSERT OR REPLACE INTO bank_csv_accounts (signature, account, used_at) VALUES (?, ?, ?)').run(signature, account, now);
}

export function getCsvLayout(db: Db, signature: string): CsvMapping | null {
  const json = cached(db, 'SELECT mapping_json FROM bank_csv_layouts WHERE signature = ?').pluck().get(signature) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as CsvMapping);
}

export function saveCsvLayout(db: Db, signature: string, mapping: CsvMapping, now: string): void {
  cached(db, 'INSERT OR REPLACE INTO bank_csv_layouts (signature, mapping_json, saved_at) VALUES (?, ?, ?)').run(signature, JSON.stringify(mapping), now);
}

/**
 * What a credit can pay: the open invoices one by one (the stored follow-up states: « à envoyer », « envoyée »,
 * « payée en partie »), and their live bordereaux with the money still awaited summed over their invoices.
 * What is awaited is the view's (tiers-payant shares less the live allocations of the caisse and the AME),
 * read in one pass: the view itself computes much more per invoice than matching needs.
 */
export function matchCandidates(db: Db): MatchCandidate[] {
  // The live bordereau of each invoice by a lookup per row (a join would materialise every bordereau line).
  const rows = db
    .prepare(
      `SELECT i.id, i.number, i.practitioner_id AS practitionerId, i.ame,
         (SELECT b.id FROM bordereau_invoices bi JOIN bordereaux b ON b.id = bi.bordereau_id WHERE bi.invoice_id = i.id AND b.cancelled_at IS NULL) AS bordereauId,
         substr(i.validated_at, 1, 10) AS validatedOn,
         (CASE WHEN i.tiers_payant_amo = 1 THEN i.amo_cents ELSE 0 END) + (CASE WHEN i.tiers_payant_amc = 1 THEN i.amc_cents ELSE 0 END)
           - coalesce((SELECT sum(pay.amount_cents) FROM payments pay WHERE pay.invoice_id = i.id AND pay.cancelled_at IS NULL AND pay.payer <> 'patient'), 0) AS owed
       FROM follow_up_states s JOIN invoices i ON i.id = s.invoice_id
       WHERE s.state IN ('a-envoyer', 'envoyee', 'payee-partiellement')`,
    )
    .all() as { id: number; number: number; practitionerId: number; ame: number; bordereauId: number | null; validatedOn: string; owed: number }[];
  const ids = [...new Set(rows.flatMap((r) => (r.bordereauId === null ? [] : [r.bordereauId])))];
  const sent = new Map(
    (db.prepare('SELECT id, number, caisse, sent_on AS sentOn FROM bordereaux WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
      id: number;
      number: number;
      caisse: string;
      sentOn: string;
    }[]).map((b) => [b.id, b]),
  );
  const candidates: MatchCandidate[] = [];
  const bordereaux = new Map<number, MatchCandidate>();
  for (const r of rows) {
    if (r.owed <= 0) continue;
    const sentIn = r.bordereauId === null ? undefined : sent.get(r.bordereauId);
    candidates.push({ kind: 'invoice', id: r.id, number: r.number, practitionerId: r.practitionerId, caisse: null, since: sentIn?.sentOn ?? r.validatedOn, owedCents: r.owed, ame: r.ame === 1 });
    if (!sentIn) continue;
    const b = bordereaux.get(sentIn.id);
    if (b) (b.owedCents += r.owed), (b.ame ||= r.ame === 1);
    else bordereaux.set(sentIn.id, { kind: 'bordereau', id: sentIn.id, number: sentIn.number, practitionerId: r.practitionerId, caisse: sentIn.caisse, since: sentIn.sentOn, owedCents: r.owed, ame: r.ame === 1 });
  }
  return [...bordereaux.values(), ...candidates];
}
