/**
 * CSV for French spreadsheets (the accountant's Excel or LibreOffice): `;` between fields, decimal
 * comma, dates jj/mm/aaaa, CRLF line ends, and a BOM so accents open right.
 */
export type CsvCell = string | number | null;

const needsQuotes = /[";\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
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
