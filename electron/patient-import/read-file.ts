/**
 * A patient list file from another software, read into rows of text: CSV (csv-parse; `;`, `,` or tab,
 * UTF-8 with or without BOM, else Windows-1252 as older French software writes it) or XLSX (read-excel-file,
 * first sheet; dates as ISO). Bounded: 10 MB and 50,000 rows, a French refusal beyond.
 */
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { DomainError } from '../../core/api/result.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export interface ImportTable {
  headers: string[];
  rows: string[][];
}

const refuse = (text: string) => new DomainError('invalid-input', text, 'file');

function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(bytes) : utf8;
}

function csvRows(bytes: Buffer): string[][] {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, to: MAX_IMPORT_ROWS + 2 }) as string[][];
  } catch (err) {
    throw refuse(`Ce fichier CSV ne peut pas être lu (${err instanceof Error ? err.message.slice(0, 120) : 'format inattendu'}).`);
  }
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
};

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  try {
    const data = await readSheet(bytes);
    return data.slice(0, MAX_IMPORT_ROWS + 2).map((row) => row.map(cellText));
  } catch (err) {
    throw refuse(`Ce classeur Excel ne peut pas être lu (${err instanceof Error ? err.message.slice(0, 120) : 'format inattendu'}).`);
  }
}

export async function readImportFile(fileName: string, bytes: Buffer): Promise<ImportTable> {
  if (bytes.length > MAX_IMPORT_BYTES) throw refuse('Fichier trop gros : 10 Mo au maximum. Coupez la liste en plusieurs fichiers.');
  const lower = fileName.toLowerCase();
  const isXlsx = lower.endsWith('.xlsx') || bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'));
  if (!isXlsx && !/\.(csv|txt)$/.test(lower)) throw refuse('Format non reconnu : choisissez un fichier CSV (.csv) ou Excel (.xlsx).');
  const all = (isXlsx ? await xlsxRows(bytes) : csvRows(bytes)).filter((r) => r.some((c) => c.trim() !== ''));
  if (all.length > MAX_IMPORT_ROWS + 1) throw refuse(`Trop de lignes : ${MAX_IMPORT_ROWS.toLocaleString('fr-FR')} patients au maximum par fichier.`);
  if (all.length < 2) throw refuse("Le fichier ne contient pas de patients : la première ligne doit porter les noms des colonnes, les suivantes un patient chacune.");
  const width = Math.max(...all.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  const headers = pad(all[0]!).map((h, i) => h.trim() || `Colonne ${i + 1}`);
  return { headers, rows: all.slice(1).map(pad) };
}
