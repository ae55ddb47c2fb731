/**
 * Bank statements: a file read off the main thread by maintained parsers, checked, its credits stored under
 * their stable identity (a second import changes nothing), then matched against what is owed. The desk
 * confirms a suggestion (or points by hand): that records a transfer pointing the bank line.
 */
import { createHash } from 'node:crypto';
import { DomainError, notFound } from '../../core/api/result.ts';
import { STATEMENT_MAX_BYTES } from '../../core/api/schemas/money-in.ts';
import { indexCandidates, suggestMatch } from '../../core/domain/bank-matching.ts';
import { csvDelimiter, detectFormat, lineIdentities, normaliseAccount, readCamt, readCsv, readOfx, type CsvMapping, type StatementRead } from '../../core/domain/bank-statement.ts';
import type { BankLineView, StatementImport } from '../../core/domain/money-in.ts';
import { inTransaction } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { getBankLine, getCsvLayout, insertBankLines, lastCsvAccount, listBankLines, matchCandidates, saveCsvAccount, saveCsvLayout, type BankLineRow } from '../../db/bank-lines-repo.ts';
import type { HandlerContext } from '../context.ts';
import { parseOffThread } from '../statements/parse-off-thread.ts';
import { recordTransfer } from './transfers.ts';
import type { AreaHandlers } from './types.ts';

const refused = (message: string, field = 'contentBase64') => new DomainError('invalid-input', message, field);

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what French banks' CSV exports mostly are). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Credits with their suggestions, matched against everything owed now (one pass over an index). */
export function withSuggestions(ctx: HandlerContext, rows: readonly BankLineRow[]): BankLineView[] {
  const open = rows.filter((r) => r.transferId === null);
  const index = open.length === 0 ? null : indexCandidates(matchCandidates(ctx.db));
  return rows.map((r) => ({ ...r, suggestion: r.transferId === null && index ? suggestMatch(r, index) : null }));
}

/** The account CSV lines carried before it was asked for: only found again, never given to a new line. */
const LEGACY_CSV_ACCOUNT = 'compte';

/** A CSV naming no account: the « Compte » field is asked, offered with the last one named for this layout. */
function accountAsked(ctx: HandlerContext, message: string, signature: string | undefined): DomainError {
  const last = signature === undefined ? null : lastCsvAccount(ctx.db, signature);
  return new DomainError('invalid-input', message, 'account', last === null ? undefined : [{ field: 'account', message_fr: message }, { field: 'account.last', message_fr: last }]);
}

async function readStatement(ctx: HandlerContext, bytes: Uint8Array, mapping: CsvMapping | null, account: string): Promise<StatementRead & { signature?: string | undefined }> {
  const text = decodeText(bytes);
  if (text.trim() === '') throw refused("Le fichier est vide : rien n'a été importé.");
  const format = detectFormat(text);
  // A bank's CAMT.053 never declares a DOCTYPE: one is the sign of an entity bomb or an external entity.
  if (format === 'camt' && /<!DOCTYPE/i.test(text)) {
    throw refused("Ce fichier XML déclare un DOCTYPE, ce qu'un relevé CAMT.053 ne fait jamais : fichier refusé, rien n'a été importé.");
  }
  const raw = await parseOffThread(format, text, { delimiter: format === 'csv' ? csvDelimiter(text) : undefined });
  if (!raw.ok) {
    throw refused(
      raw.reason === 'timeout'
        ? "La lecture du relevé a pris trop de temps : le fichier a été abandonné, rien n'a été importé."
        : `Ce fichier ${format === 'csv' ? 'CSV' : format === 'ofx' ? 'OFX' : 'CAMT.053'} est illisible (${raw.detail.slice(0, 120)}). Rien n'a été importé.`,
    );
  }
  // OFX and CAMT.053 name their account; the rare one that does not keeps the former default.
  const readCtx = { today: ctx.clock.today(), account: format === 'csv' ? account : account || LEGACY_CSV_ACCOUNT };
  if (format === 'ofx') return readOfx(raw.value, readCtx);
  if (format === 'camt') return readCamt(raw.value, readCtx);
  const rows = Array.isArray(raw.value) ? (raw.value as unknown[][]).map((r) => r.map((c) => String(c ?? ''))) : [];
  return readCsv(rows, mapping, (signature) => getCsvLayout(ctx.db, signature), readCtx);
}

export const statementHandlers: AreaHandlers<'statements/import' | 'statements/lines' | 'statements/confirm'> = {
  'statements/import': async (input, ctx): Promise<StatementImport> => {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw refused("Le fichier est vide : rien n'a été importé.");
    if (bytes.length > STATEMENT_MAX_BYTES) throw refused('Fichier trop volumineux : un relevé fait 10 Mo au maximum. Exportez une période plus courte.');
    // The account typed as the file would print it (an IBAN or number without its spaces), so both name the same lines.
    const account = normaliseAccount(input.account ?? '');
    const read = await readStatement(ctx, bytes, input.mapping ?? null, account);
    if (!read.ok) {
      if (read.needsAccount) throw accountAsked(ctx, read.message_fr, read.signature);
      throw new DomainError('invalid-input', read.message_fr, read.columns ? 'mapping' : 'contentBase64', read.columns?.map((c, i) => ({ field: `column.${i}`, message_fr: c })));
    }
    const hash = (key: string) => createHash('sha256').update(key).digest('hex');
    const identities = lineIdentities(read.source, read.lines).map(hash);
    // CSV lines stored before the account was asked were identified under « compte »: found again, not doubled.
    const legacy = read.source === 'csv' ? lineIdentities('csv', read.lines.map((l) => ({ ...l, account: LEGACY_CSV_ACCOUNT }))).map(hash) : null;
    const now = ctx.clock.nowIso();
    const { ids, inserted } = inTransaction(ctx.db, () => {
      const stored = insertBankLines(ctx.db, read.source, read.lines.map((l, i) => ({ ...l, identity: identities[i]!, legacyIdentity: legacy?.[i] })), now);
      if (read.source === 'csv' && input.mapping && read.signature) saveCsvLayout(ctx.db, read.signature, input.mapping, now);
      if (read.source === 'csv' && account && read.signature && read.lines[0]?.account === account) saveCsvAccount(ctx.db, read.signature, account, now);
      if (stored.inserted > 0) recordAudit(ctx.db, now, 'statement', stored.ids[0]!, 'import', null, { fileName: input.fileName, source: read.source, inserted: stored.inserted });
      return stored;
    });
    const unique = [...new Set(ids)];
    const lines = withSuggestions(ctx, listBankLines(ctx.db, { openOnly: true, limit: unique.length, ids: unique }));
    const known = read.lines.length - inserted;
    const parts = [`${inserted} crédit${inserted > 1 ? 's' : ''} importé${inserted > 1 ? 's' : ''}`];
    if (known > 0) parts.push(`${known} déjà connu${known > 1 ? 's' : ''} (inchangé${known > 1 ? 's' : ''})`);
    if (read.debitsSkipped > 0) parts.push(`${read.debitsSkipped} débit${read.debitsSkipped > 1 ? 's' : ''} ignoré${read.debitsSkipped > 1 ? 's' : ''}`);
    return { source: read.source, imported: inserted, alreadyKnown: known, debitsSkipped: read.debitsSkipped, lines, message_fr: `${parts.join(', ')}.` };
  },

  'statements/lines': (input, ctx) => withSuggestions(ctx, listBankLines(ctx.db, input)),

  'statements/confirm': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const line = getBankLine(ctx.db, input.bankLineId);
      if (!line) throw notFound('Ligne de relevé');
      if (line.transferId !== null) throw new DomainError('conflict', 'Ce crédit est déjà pointé : annulez d\'abord le virement enregistré.');
      return recordTransfer(
        ctx,
        {
          practitionerId: input.practitionerId,
          receivedOn: line.bookedOn,
          payer: input.payer,
          amountCents: line.amountCents,
          mode: 'virement',
          reference: line.label.slice(0, 120) || null,
          target: input.target,
        },
        line.id,
      );
    }),
};
