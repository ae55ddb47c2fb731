/** A one-line-per-row table spanning the content width: header band, rows, thin separators. */
import { CONTENT_WIDTH, FILL, LINE, PAGE, textLine, type Doc } from './pdf-helpers.ts';

export interface Column {
  title: string;
  width: number;
  align: 'left' | 'right' | 'center';
}

export const TABLE_HEADER_HEIGHT = 18;

export function drawTableHeader(doc: Doc, columns: readonly Column[], y: number, size = 8.5): number {
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, TABLE_HEADER_HEIGHT).fillColor(FILL).fill();
  let x = PAGE.margin;
  for (const c of columns) {
    textLine(doc, c.title, x + 5, y + 5, c.width - 10, { font: 'bold', size, align: c.align });
    x += c.width;
  }
  doc.lineWidth(0.7).strokeColor(LINE).moveTo(PAGE.margin, y + TABLE_HEADER_HEIGHT).lineTo(PAGE.margin + CONTENT_WIDTH, y + TABLE_HEADER_HEIGHT).stroke();
  return y + TABLE_HEADER_HEIGHT;
}

/** One row; `bold` lists the indexes of cells printed in bold. Returns the y below the row. */
export function drawTableRow(
  doc: Doc,
  columns: readonly Column[],
  cells: readonly string[],
  y: number,
  opts: { height: number; size?: number; bold?: readonly number[] },
): number {
  let x = PAGE.margin;
  columns.forEach((c, i) => {
    const font = opts.bold?.includes(i) && cells[i] ? 'bold' : 'regular';
    textLine(doc, cells[i] ?? '', x + 5, y + (opts.height - 8) / 2, c.width - 10, { size: opts.size ?? 9, align: c.align, font });
    x += c.width;
  });
  doc.lineWidth(0.4).strokeColor('#c9ced6').moveTo(PAGE.margin, y + opts.height).lineTo(PAGE.margin + CONTENT_WIDTH, y + opts.height).stroke();
  return y + opts.height;
}
