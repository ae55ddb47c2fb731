/**
 * CSV for French spreadsheets (the accountant's Excel or LibreOffice): `;` between fields, decimal
 * comma, dates jj/mm/aaaa, CRLF line ends, and a BOM so accents open right.
 */
export type CsvCell = string | number | null;

const needsQuotes = /[";\r\n]/;

/**
 * A cell a spreadsheet would run as a formula: it begins (maybe after spaces or invisible characters) with
 * = + - @ or their fullwidth forms ＝ ＋ － ＠ (which some spreadsheets read as the ASCII ones), with a tab or
 * CR, or with an invisible Unicode format character (zero-width space, bidi override, BOM…) or a line or
 * paragraph separator that hides what follows.
 */
const formulaLike = /^(?:[\t\r]|[\s\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\p{Cf}\u2028\u2029])/u;
/** A plain number (`-12,34`, `+5`) is data, not a formula: it stays a number. */
const plainNumber = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * CSV injection: a cell such as `=HYPERLINK(…)` in a name or a reference would run in the accountant's
 * spreadsheet. Such cells are neutralised as OWASP recommends: a leading apostrophe makes them text.
 */
export function neutraliseFormula(text: string): string {
  return formulaLike.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return needsQuotes.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** 123456 → `1234,56` (no thousands separator: spreadsheets read it as a number). */
export const csvEuros = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
};
