import type PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';

export type Doc = InstanceType<typeof PDFDocument>;

export const PAGE = { width: 595.28, height: 841.89, margin: 36 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const INK = '#1d2330';
export const MUTED = '#5b6474';
export const LINE = '#9aa3b0';
export const FILL = '#eef2f6';

/** The two weights of DejaVu Sans, parsed once per process (see loadFonts in pdf-document.ts). */
export interface Fonts {
  regular: Font;
  bold: Font;
}

/** Embeds DejaVu Sans (TTF, subset by pdfkit): every French character renders, fonts travel with the PDF. */
export function registerFonts(doc: Doc, fonts: Fonts): void {
  // pdfkit takes a parsed fontkit font as a font source: no file is read or parsed per document.
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);
  doc.font('regular');
}

/** Shortens `text` with « … » until it fits `width` at the current font and size. */
export function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** One line of text, never wrapping, truncated to the width. */
export function textLine(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  opts: { font?: 'regular' | 'bold'; size?: number; align?: 'left' | 'right' | 'center'; color?: string } = {},
): void {
  doc.font(opts.font ?? 'regular').fontSize(opts.size ?? 9).fillColor(opts.color ?? INK);
  doc.text(fit(doc, text, width), x, y, { width, align: opts.align ?? 'left', lineBreak: false });
}

/** A titled box; returns the y where its content starts. */
export function box(doc: Doc, title: string, x: number, y: number, width: number, height: number): number {
  doc.lineWidth(0.7).strokeColor(LINE).rect(x, y, width, height).stroke();
  doc.rect(x, y, width, 15).fillColor(FILL).fill();
  doc.lineWidth(0.7).strokeColor(LINE).rect(x, y, width, 15).stroke();
  textLine(doc, title, x + 6, y + 3.5, width - 12, { font: 'bold', size: 8.5 });
  return y + 20;
}

/** Label: value on one line inside a box. */
export function labelled(doc: Doc, label: string, value: string, x: number, y: number, width: number): void {
  doc.font('regular').fontSize(8);
  const labelText = `${label} : `;
  const labelWidth = Math.min(doc.widthOfString(labelText), width * 0.55);
  textLine(doc, labelText, x, y, labelWidth + 1, { size: 8, color: MUTED });
  textLine(doc, value || '—', x + labelWidth, y, width - labelWidth, { size: 9 });
}

/** A square checkbox, ticked or not, with its label. */
export function checkbox(doc: Doc, label: string, checked: boolean, x: number, y: number, width: number): void {
  doc.lineWidth(0.8).strokeColor(INK).rect(x, y, 9, 9).stroke();
  if (checked) {
    doc.lineWidth(1.4).strokeColor(INK).moveTo(x + 1.8, y + 4.8).lineTo(x + 3.9, y + 7.2).lineTo(x + 7.4, y + 1.8).stroke();
  }
  textLine(doc, label, x + 14, y + 0.5, width - 14, { size: 8.5 });
}

/**
 * The top of a document: title and subtitle on the left, a framed box on the right with the number
 * (bold), a date line, and « DUPLICATA » when printed again. Returns the y below it.
 */
export function drawTitleBlock(
  doc: Doc,
  t: { title: string; subtitle: string; number: string; dateLine: string; duplicata: boolean; boxWidth: number },
): number {
  const x = PAGE.margin;
  const y = PAGE.margin;
  textLine(doc, t.title, x, y, CONTENT_WIDTH - t.boxWidth - 10, { font: 'bold', size: 15 });
  textLine(doc, t.subtitle, x, y + 20, CONTENT_WIDTH - t.boxWidth - 10, { size: 9, color: MUTED });
  const bx = PAGE.width - PAGE.margin - t.boxWidth;
  const inner = t.boxWidth - 16;
  doc.lineWidth(1).strokeColor(INK).rect(bx, y - 2, t.boxWidth, 38).stroke();
  textLine(doc, t.number, bx + 8, y + 3, t.duplicata ? inner - 66 : inner, { font: 'bold', size: 11 });
  textLine(doc, t.dateLine, bx + 8, y + 19, inner, { size: 9 });
  if (t.duplicata) textLine(doc, 'DUPLICATA', bx + t.boxWidth - 70, y + 5, 62, { font: 'bold', size: 9, align: 'right' });
  return y + 48;
}
