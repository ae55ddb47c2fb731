/**
 * What every Feuillet PDF shares: an A4 pdfkit document with the embedded fonts and fixed metadata
 * (the same model gives the same file), rendered to a Buffer; and the footer of each page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_WIDTH, MUTED, PAGE, registerFonts, textLine, type Doc, type Fonts } from './pdf-helpers.ts';

type PdfKit = typeof import('pdfkit');
let pdfkit: PdfKit | null = null;

/** pdfkit is loaded the first time something is printed, not when the backend starts. */
async function loadPdfKit(): Promise<PdfKit> {
  if (!pdfkit) pdfkit = ((await import('pdfkit')) as unknown as { default: PdfKit }).default;
  return pdfkit;
}

const parsedFonts = new Map<string, Fonts>();

/**
 * DejaVu Sans regular and bold, read and parsed once per process and folder (the build has already
 * stripped the tables pdfkit never uses: scripts/prepare-fonts.mjs). Documents share the parsed fonts;
 * each one still embeds its own subset of the glyphs it uses.
 */
async function loadFonts(fontsDir: string): Promise<Fonts> {
  const cached = parsedFonts.get(fontsDir);
  if (cached) return cached;
  const fontkit = await import('fontkit');
  const open = (file: string) => fontkit.create(readFileSync(join(fontsDir, file)));
  const fonts = { regular: open('DejaVuSans.ttf'), bold: open('DejaVuSans-Bold.ttf') };
  parsedFonts.set(fontsDir, fonts);
  return fonts;
}

/** Pages [start, start + count) of one document inside a buffered PDF (a batch holds several). */
export interface PageRange {
  start: number;
  count: number;
}

export interface PdfMeta {
  title: string;
  author: string;
  /** ISO timestamp written as creation and modification date. */
  createdAt: string;
}

/** Lays out with `draw` on a fresh A4 document (pages buffered, so footers can be added last). */
export async function renderPdf(meta: PdfMeta, fontsDir: string, draw: (doc: Doc) => void): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const fonts = await loadFonts(fontsDir);
  const created = new Date(meta.createdAt);
  const doc = new PDFDocument({
    // No default font: pdfkit would parse Helvetica's metrics for every document; DejaVu is set below.
    font: null as unknown as string,
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: meta.title, Author: meta.author, Creator: 'Feuillet', Producer: 'Feuillet', CreationDate: created, ModDate: created },
    lang: 'fr-FR',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc, fonts);
  draw(doc);
  doc.end();
  return done;
}

/** Space kept at the bottom of each page for the footer. */
export const FOOTER_SPACE = 46;
export const BOTTOM_LIMIT = PAGE.height - PAGE.margin - FOOTER_SPACE;

/** The notice (paper only, no télétransmission) and « page n/N » at the foot of every page. */
export function drawFooters(doc: Doc, notice: string, range: PageRange = doc.bufferedPageRange()): void {
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = PAGE.height - PAGE.margin - 30;
    doc.font('regular').fontSize(7).fillColor(MUTED);
    doc.text(notice, PAGE.margin, y, { width: CONTENT_WIDTH - 70, height: 30, lineGap: 0.5 });
    textLine(doc, `page ${i + 1}/${range.count}`, PAGE.width - PAGE.margin - 60, y, 60, { size: 8, align: 'right', color: MUTED });
  }
}

/** A big diagonal « ANNULÉE » (or other word) and the reason, on every page. */
/**
 * « DUPLICATA » as a large framed stamp across every page of a reprint (issue #19 item 13): unmistakable at a
 * glance, light enough to read the data under it. Above the middle when the feuille is also stamped ANNULÉE.
 */
export function drawDuplicataStamp(doc: Doc, range: PageRange = doc.bufferedPageRange(), opts: { high?: boolean } = {}): void {
  const cy = opts.high ? PAGE.height * 0.3 : PAGE.height / 2;
  const w = 360;
  const h = 84;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.save();
    doc.rotate(-20, { origin: [PAGE.width / 2, cy] });
    doc.opacity(0.28).lineWidth(5).strokeColor('#1d3f8f');
    doc.roundedRect(PAGE.width / 2 - w / 2, cy - h / 2, w, h, 10).stroke();
    doc.font('bold').fontSize(58).fillColor('#1d3f8f');
    doc.text('DUPLICATA', PAGE.width / 2 - w / 2, cy - 30, { width: w, align: 'center', lineBreak: false });
    doc.restore();
    doc.opacity(1);
  }
}

export function drawCancelledStamp(doc: Doc, word: string, reasonLine: string, range: PageRange = doc.bufferedPageRange()): void {
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.save();
    doc.rotate(-28, { origin: [PAGE.width / 2, PAGE.height / 2] });
    doc.font('bold').fontSize(64).fillColor('#b3261e').opacity(0.22);
    doc.text(word, 0, PAGE.height / 2 - 40, { width: PAGE.width, align: 'center', lineBreak: false });
    doc.restore();
    doc.opacity(1);
    textLine(doc, reasonLine, PAGE.margin, PAGE.margin + 38, CONTENT_WIDTH, { font: 'bold', size: 9, color: '#b3261e' });
  }
}
