/**
 * Reading a bank statement: the records a maintained parser produced (CSV rows, OFX or CAMT.053 objects)
 * checked with zod and turned into credit lines, or refused with a French reason. Nothing here parses a
 * format: csv-parse, ofx-js and fast-xml-parser do (electron/statements/parse-off-thread.ts).
 *
 * Sources for the fields read:
 * - OFX 2.x / 1.0.2 (SGML), « Open Financial Exchange Specification », §11.4 Bank statement download:
 *   STMTRS › BANKACCTFROM › ACCTID, BANKTRANLIST › STMTTRN (TRNTYPE, DTPOSTED, TRNAMT, FITID, NAME, MEMO);
 *   FITID is the bank's unique id of a transaction (§3.2.1).
 * - ISO 20022 camt.053.001.xx (BankToCustomerStatement): Document › BkToCstmrStmt › Stmt › Acct › Id › IBAN,
 *   Ntry (Amt@Ccy, CdtDbtInd CRDT/DBIT, BookgDt › Dt|DtTm, AcctSvcrRef, NtryDtls › TxDtls › Refs › EndToEndId,
 *   RmtInf › Ustrd, AddtlNtryInf).
 */
import * as z from 'zod';
import { isValidIsoDate, parseFrDate } from './dates.ts';
import type { Cents } from './money.ts';

export type StatementSource = 'csv' | 'ofx' | 'camt';

/** One credit of the statement (debits are not the practice's receipts and are skipped). */
export interface StatementLine {
  account: string;
  bookedOn: string;
  amountCents: Cents;
  label: string;
  /** The bank's own id of the line (OFX FITID, CAMT AcctSvcrRef or EndToEndId), when it gives one. */
  bankRef: string | null;
}

export type StatementRead =
  | { ok: true; source: StatementSource; lines: StatementLine[]; debitsSkipped: number }
  | { ok: false; message_fr: string; columns?: string[]; /** A CSV naming no account, read without one. */ needsAccount?: true };

export interface CsvMapping {
  date: number;
  label: number;
  amount?: number | undefined;
  debit?: number | undefined;
  credit?: number | undefined;
}

/** Which format a file is, from its first bytes (the extension is only a hint). */
export function detectFormat(text: string): StatementSource {
  const head = text.slice(0, 4000);
  if (/OFXHEADER|<OFX>/i.test(head)) return 'ofx';
  if (/camt\.05[23]|<(\w+:)?BkToCstmrStmt/i.test(head)) return 'camt';
  return 'csv';
}

/** The field separator of a French bank CSV: `;` most often, else tab or comma. */
export function csvDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 10).join('\n');
  const count = (c: string) => lines.split(c).length - 1;
  const candidates: [string, number][] = [[';', count(';')], ['\t', count('\t')], [',', count(',')]];
  return candidates.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * A bank amount into signed cents: `1 234,56`, `-12.30`, `+45,00`, `1.234,56`, `12,30-`; null otherwise.
 * Integer arithmetic on the digits: no float is ever involved.
 */
export function parseBankAmount(text: string): Cents | null {
  let t = text.replace(/[\s\u00a0\u202f€]|EUR/g, '');
  let negative = false;
  if (/^[-−]/.test(t)) (negative = true), (t = t.slice(1));
  else if (t.startsWith('+')) t = t.slice(1);
  else if (t.endsWith('-')) (negative = true), (t = t.slice(0, -1));
  const lastSep = Math.max(t.lastIndexOf(','), t.lastIndexOf('.'));
  let whole = t;
  let frac = '';
  if (lastSep >= 0 && t.length - lastSep - 1 <= 2) {
    whole = t.slice(0, lastSep);
    frac = t.slice(lastSep + 1);
  }
  whole = whole.replace(/[.,'](?=\d{3}(\D|$))/g, '');
  if (!/^\d{1,10}$/.test(whole) || !/^\d{0,2}$/.test(frac)) return null;
  const cents = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  return negative ? -cents : cents;
}

/** `jj/mm/aaaa`, `jj/mm/aa`, ISO, or OFX/compact `YYYYMMDD[HHMMSS…]` into an ISO date; null otherwise. */
export function parseBankDate(text: string): string | null {
  const t = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})/.exec(t);
  if (compact) {
    const iso = `${compact[1]}-${compact[2]}-${compact[3]}`;
    return isValidIsoDate(iso) ? iso : null;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(t);
  if (iso) return isValidIsoDate(iso[1]!) ? iso[1]! : null;
  const short = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/.exec(t);
  if (short) return parseFrDate(`${short[1]}/${short[2]}/20${short[3]}`);
  return parseFrDate(t);
}

const normaliseHeader = (cell: string) =>
  cell.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The usual headers of French bank exports (Crédit Agricole, BNP, Société Générale, LCL, Banque Postale…). */
const HEADER_WORDS: Record<keyof CsvMapping, RegExp> = {
  date: /^date( (de l )?(operation|comptabilisation|comptable|op))?$/,
  label: /^(libelle|detail|description|intitule|nature)/,
  debit: /^(montant )?debit/,
  credit: /^(montant )?credit/,
  amount: /^montant( eur| euros| en euros)?$/,
};

/** The layout's identity, to remember the mapping the desk gave for it. */
export const csvSignature = (header: readonly string[]): string => header.map(normaliseHeader).join('|');

/** The header row (among the first 20: banks put the account and period above) and the columns it names. */
export function guessCsvLayout(rows: readonly (readonly string[])[]): { headerRow: number; mapping: CsvMapping | null } | null {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const cells = rows[r]!.map(normaliseHeader);
    const find = (key: keyof CsvMapping) => {
      const i = cells.findIndex((c) => HEADER_WORDS[key].test(c));
      return i < 0 ? undefined : i;
    };
    const date = find('date');
    if (date === undefined) continue;
    const label = find('label');
    const credit = find('credit');
    const amount = find('amount');
    const mapping = label !== undefined && (credit !== undefined || amount !== undefined)
      ? { date, label, credit, debit: find('debit'), amount: credit === undefined ? amount : undefined }
      : null;
    return { headerRow: r, mapping };
  }
  return null;
}

export interface ReadContext {
  today: string;
  /** The account when the file does not name it; for a CSV, '' when the desk has not said (then it is asked). */
  account: string;
}

/** An IBAN (ISO 13616: country, 2 check digits, up to 30 letters or digits) as banks print it, spaced or not. */
const IBAN = /\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b/;
/** « Compte courant n° 00012345678 », « Numéro de compte ; 123 456 789 01 »: digits after the word compte. */
const ACCOUNT_NUMBER = /compte\D{0,40}?(\d[\d ]{4,}\d)/i;

/** The account a CSV names in the lines above its header (an IBAN, else « compte … n° digits »), if any. */
export function csvNamedAccount(rows: readonly (readonly string[])[], headerRow: number): string | null {
  const above = rows.slice(0, headerRow).map((r) => r.join(' '));
  for (const text of above) {
    const iban = IBAN.exec(text.toUpperCase());
    if (iban) return iban[1]!.replace(/ /g, '');
  }
  for (const text of above) {
    const number = ACCOUNT_NUMBER.exec(text);
    if (number) return number[1]!.replace(/ /g, '');
  }
  return null;
}

/**
 * The account as the desk types it, written as csvNamedAccount reads it from a file, so the same account typed
 * « fr76 3000 … » or « 000 1234 5678 » names the same lines as the file that prints it: an IBAN or a number
 * loses its spaces (an IBAN in capitals); a name keeps its case, its spaces collapsed.
 */
export function normaliseAccount(typed: string): string {
  const text = typed.replace(/\s+/g, ' ').trim();
  const compact = text.replace(/ /g, '').toUpperCase();
  const digits = /^\d[\d ]{4,}\d$/.test(text);
  const iban = /^[A-Za-z0-9 ]+$/.test(text) && /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact);
  if (digits || iban) return compact;
  return text;
}

const tooFarAhead = (date: string, today: string) => date > today;

/** Checks shared by every format: something to read, no date in the future. */
function finish(source: StatementSource, lines: StatementLine[], debitsSkipped: number, ctx: ReadContext, where: (i: number) => string): StatementRead {
  if (lines.length === 0 && debitsSkipped === 0) return { ok: false, message_fr: 'Ce relevé ne contient aucune opération : rien n\'a été importé.' };
  const future = lines.findIndex((l) => tooFarAhead(l.bookedOn, ctx.today));
  if (future >= 0) {
    const [y, m, d] = lines[future]!.bookedOn.split('-');
    return { ok: false, message_fr: `${where(future)} : la date (${d}/${m}/${y}) est dans le futur. Fichier refusé, rien n'a été importé.` };
  }
  return { ok: true, source, lines, debitsSkipped };
}

export function readCsv(rows: readonly (readonly string[])[], given: CsvMapping | null, remembered: (signature: string) => CsvMapping | null, ctx: ReadContext): StatementRead & { signature?: string } {
  if (rows.length === 0) return { ok: false, message_fr: 'Le fichier est vide : rien n\'a été importé.' };
  const layout = guessCsvLayout(rows);
  // An unknown layout: its header is the first row of three named columns or more (banks put the account above).
  const headerRow = layout?.headerRow ?? Math.max(0, rows.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 3));
  const columns = [...rows[headerRow]!];
  const signature = csvSignature(columns);
  const mapping = given ?? remembered(signature) ?? layout?.mapping ?? null;
  if (!mapping) {
    return {
      ok: false,
      columns,
      message_fr: 'La disposition de ce fichier CSV n\'est pas reconnue (colonnes date, libellé, débit, crédit introuvables) : indiquez les colonnes, elles seront retenues pour cette banque. Rien n\'a été importé.',
    };
  }
  // Two accounts' files may hold the same line (date, amount, label): the account is part of its identity.
  const account = csvNamedAccount(rows, headerRow) ?? ctx.account;
  const lines: StatementLine[] = [];
  const lineNumbers: number[] = [];
  let debitsSkipped = 0;
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const at = `Ligne ${r + 1}`;
    if (row.every((c) => c.trim() === '')) continue;
    const cell = (i: number | undefined) => (i === undefined ? '' : (row[i] ?? '').trim());
    const bookedOn = parseBankDate(cell(mapping.date));
    if (!bookedOn) return { ok: false, message_fr: `${at} : date illisible (« ${cell(mapping.date).slice(0, 30)} »). Vérifiez les colonnes choisies ; rien n'a été importé.` };
    let amount: number | null;
    if (mapping.credit !== undefined && cell(mapping.credit) !== '') {
      amount = parseBankAmount(cell(mapping.credit));
      if (amount === null) return { ok: false, message_fr: `${at} : crédit illisible (« ${cell(mapping.credit).slice(0, 30)} »). Rien n'a été importé.` };
      if (amount < 0) return { ok: false, message_fr: `${at} : crédit négatif (${cell(mapping.credit)}), ce n'est pas un relevé valable. Rien n'a été importé.` };
    } else if (mapping.amount !== undefined && cell(mapping.amount) !== '') {
      amount = parseBankAmount(cell(mapping.amount));
      if (amount === null) return { ok: false, message_fr: `${at} : montant illisible (« ${cell(mapping.amount).slice(0, 30)} »). Rien n'a été importé.` };
    } else if (mapping.debit !== undefined && cell(mapping.debit) !== '') {
      if (parseBankAmount(cell(mapping.debit)) === null) return { ok: false, message_fr: `${at} : débit illisible (« ${cell(mapping.debit).slice(0, 30)} »). Rien n'a été importé.` };
      amount = -1;
    } else {
      return { ok: false, message_fr: `${at} : ni débit ni crédit. Vérifiez les colonnes choisies ; rien n'a été importé.` };
    }
    if (amount <= 0) {
      debitsSkipped++;
      continue;
    }
    lines.push({ account, bookedOn, amountCents: amount, label: cell(mapping.label).replace(/\s+/g, ' '), bankRef: null });
    lineNumbers.push(r + 1);
  }
  const read = finish('csv', lines, debitsSkipped, ctx, (i) => `Ligne ${lineNumbers[i]}`);
  if (read.ok && account === '') {
    return {
      ok: false,
      needsAccount: true,
      signature,
      message_fr: "Ce fichier CSV ne dit pas de quel compte il vient : indiquez le compte (son numéro ou un nom), pour qu'une opération identique sur un autre compte ne soit pas confondue avec celle-ci. Rien n'a été importé.",
    };
  }
  return { ...read, signature };
}

const text = () => z.union([z.string(), z.number().transform(String)]);
const oneOrMany = <T extends z.ZodType>(s: T) => z.union([z.array(s), s.transform((v) => [v])]);

const OfxTransaction = z.object({ TRNTYPE: text().optional(), DTPOSTED: text(), TRNAMT: text(), FITID: text().optional(), NAME: text().optional(), MEMO: text().optional() });
const OfxStatement = z.object({
  BANKACCTFROM: z.object({ ACCTID: text() }).optional(),
  BANKTRANLIST: z.union([z.object({ STMTTRN: oneOrMany(OfxTransaction).optional() }), z.literal('')]).optional(),
});
const OfxDocument = z.object({
  OFX: z.object({
    BANKMSGSRSV1: z.object({ STMTTRNRS: oneOrMany(z.object({ STMTRS: OfxStatement })) }),
  }),
});

export function readOfx(raw: unknown, ctx: ReadContext): StatementRead {
  const parsed = OfxDocument.safeParse(raw);
  if (!parsed.success) return { ok: false, message_fr: 'Ce fichier OFX ne contient pas de relevé bancaire lisible (BANKMSGSRSV1 › STMTRS attendu). Rien n\'a été importé.' };
  const lines: StatementLine[] = [];
  let debitsSkipped = 0;
  let n = 0;
  for (const rs of parsed.data.OFX.BANKMSGSRSV1.STMTTRNRS) {
    const account = rs.STMTRS.BANKACCTFROM?.ACCTID ?? ctx.account;
    const list = rs.STMTRS.BANKTRANLIST;
    for (const trn of typeof list === 'object' ? (list.STMTTRN ?? []) : []) {
      n++;
      const bookedOn = parseBankDate(trn.DTPOSTED);
      const amount = parseBankAmount(trn.TRNAMT);
      if (!bookedOn || amount === null) return { ok: false, message_fr: `Opération ${n} : date ou montant illisible. Rien n'a été importé.` };
      if (trn.TRNTYPE === 'CREDIT' && amount < 0) return { ok: false, message_fr: `Opération ${n} : crédit négatif (${trn.TRNAMT}). Rien n'a été importé.` };
      if (amount <= 0) {
        debitsSkipped++;
        continue;
      }
      const label = [trn.NAME, trn.MEMO].filter((v) => v && v.trim() !== '').join(' ').replace(/\s+/g, ' ').trim();
      lines.push({ account, bookedOn, amountCents: amount, label, bankRef: trn.FITID?.trim() || null });
    }
  }
  return finish('ofx', lines, debitsSkipped, ctx, (i) => `Opération du relevé n° ${i + 1}`);
}

const CamtAmount = z.union([z.object({ '#text': text(), '@_Ccy': z.string().optional() }), text().transform((v) => ({ '#text': v, '@_Ccy': undefined }))]);
const CamtDate = z.object({ Dt: text().optional(), DtTm: text().optional() });
const CamtEntry = z.object({
  Amt: CamtAmount,
  CdtDbtInd: z.enum(['CRDT', 'DBIT']),
  BookgDt: CamtDate.optional(),
  ValDt: CamtDate.optional(),
  AcctSvcrRef: text().optional(),
  AddtlNtryInf: text().optional(),
  NtryDtls: z.unknown().optional(),
});
const CamtDocument = z.object({
  Document: z.object({
    BkToCstmrStmt: z.object({
      Stmt: z.array(z.object({ Acct: z.object({ Id: z.object({ IBAN: text().optional(), Othr: z.object({ Id: text() }).optional() }) }).optional(), Ntry: z.array(CamtEntry).optional() })),
    }),
  }),
});

/** The words and references of an entry's details (EndToEndId, unstructured remittance, debtor's name). */
function camtDetails(details: unknown): { endToEnd: string | null; words: string[] } {
  const words: string[] = [];
  let endToEnd: string | null = null;
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (key === 'EndToEndId' && v !== 'NOTPROVIDED') endToEnd ??= v;
      if (key === 'Ustrd' || key === 'Nm') words.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(details, '');
  return { endToEnd, words };
}

export function readCamt(raw: unknown, ctx: ReadContext): StatementRead {
  const parsed = CamtDocument.safeParse(raw);
  if (!parsed.success) return { ok: false, message_fr: 'Ce fichier XML n\'est pas un relevé CAMT.053 lisible (BkToCstmrStmt › Stmt › Ntry attendu). Rien n\'a été importé.' };
  const lines: StatementLine[] = [];
  let debitsSkipped = 0;
  let n = 0;
  for (const stmt of parsed.data.Document.BkToCstmrStmt.Stmt) {
    const account = stmt.Acct?.Id.IBAN ?? stmt.Acct?.Id.Othr?.Id ?? ctx.account;
    for (const e of stmt.Ntry ?? []) {
      n++;
      const date = e.BookgDt?.Dt ?? e.BookgDt?.DtTm ?? e.ValDt?.Dt ?? e.ValDt?.DtTm;
      const bookedOn = date ? parseBankDate(date) : null;
      const amount = parseBankAmount(e.Amt['#text']);
      if (!bookedOn || amount === null) return { ok: false, message_fr: `Écriture ${n} : date ou montant illisible. Rien n'a été importé.` };
      if (e.Amt['@_Ccy'] !== undefined && e.Amt['@_Ccy'] !== 'EUR') return { ok: false, message_fr: `Écriture ${n} : devise ${e.Amt['@_Ccy']}, seuls les euros sont pris. Rien n'a été importé.` };
      if (amount < 0) return { ok: false, message_fr: `Écriture ${n} : montant négatif (${e.Amt['#text']}), le sens se lit dans CdtDbtInd. Rien n'a été importé.` };
      if (e.CdtDbtInd === 'DBIT' || amount === 0) {
        debitsSkipped++;
        continue;
      }
      const details = camtDetails(e.NtryDtls);
      const label = [...details.words, e.AddtlNtryInf ?? ''].filter((w) => w.trim() !== '').join(' ').replace(/\s+/g, ' ').trim();
      lines.push({ account, bookedOn, amountCents: amount, label, bankRef: e.AcctSvcrRef?.trim() || details.endToEnd });
    }
  }
  return finish('camt', lines, debitsSkipped, ctx, (i) => `Écriture créditrice n° ${i + 1}`);
}

/**
 * The stable identity of each line (before hashing): the bank's id when it gives one, else account, date,
 * amount, label and the rank of the line among identical ones that day, so that two equal transfers the
 * same day stay two lines and a second import of the file finds both again.
 */
export function lineIdentities(source: StatementSource, lines: readonly StatementLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    if (l.bankRef) return `${source}|${l.account}|ref|${l.bankRef}`;
    const key = `${l.account}|${l.bookedOn}|${l.amountCents}|${l.label}`;
    const rank = (seen.get(key) ?? 0) + 1;
    seen.set(key, rank);
    return `${key}|${rank}`;
  });
}
