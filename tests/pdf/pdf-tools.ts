/**
 * Reading generated PDFs back, and rendering their pages to PNG for people to look at — with MuPDF.js
 * (npm `mupdf`, WebAssembly): no system PDF tool is needed, `npm install` brings it.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import { ROOT } from '../helpers/test-backend.ts';

const OUT = join(ROOT, 'test-results', 'pdf');

function withDocument<T>(file: string, read: (doc: mupdf.Document) => T): T {
  const doc = mupdf.Document.openDocument(readFileSync(file), 'application/pdf');
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/** Poppler writes no-break spaces (amounts: « 12,92 € ») as plain spaces; so do we. */
const NO_BREAK_SPACES = /[\u00a0\u202f]/g;

/** One glyph as MuPDF places it: baseline origin, advance box, font size. */
interface Glyph {
  c: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** The page's characters: horizontal runs as glyphs, rotated runs (stamps) as whole strings. */
function pageGlyphs(page: mupdf.Page): { glyphs: Glyph[]; rotated: string[] } {
  const stext = page.toStructuredText('preserve-whitespace');
  const glyphs: Glyph[] = [];
  const rotated: string[] = [];
  let horizontal = true;
  let run = '';
  stext.walk({
    beginLine(_bbox, _wmode, dir) {
      horizontal = Math.abs(dir[1]) < 1e-3 && dir[0] > 0;
      run = '';
    },
    onChar(c, origin, _font, size, quad) {
      c = c.replace(NO_BREAK_SPACES, ' ');
      if (horizontal) glyphs.push({ c, x: origin[0], right: Math.max(quad[2], quad[6]), y: origin[1], size });
      else run += c;
    },
    endLine() {
      if (!horizontal && run.trim()) rotated.push(run);
    },
  });
  stext.destroy();
  return { glyphs, rotated };
}

/**
 * A page laid out as lines of text the way `pdftotext -layout` does it: glyphs sharing a baseline form
 * one line, read left to right; a small gap becomes one space, a column gap at least two.
 */
function layoutPage(page: mupdf.Page): string {
  const { glyphs, rotated } = pageGlyphs(page);
  glyphs.sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Glyph[][] = [];
  for (const g of glyphs) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - g.y) <= Math.max(1, row[0]!.size * 0.3)) row.push(g);
    else rows.push([g]);
  }
  const lines = rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let prev: Glyph | null = null;
    for (const g of row) {
      if (prev) {
        const gap = g.x - prev.right;
        const em = Math.max(prev.size, g.size);
        const spaced = prev.c === ' ' || g.c === ' ';
        if (gap > em * 1.2) line += spaced ? ' ' : '  ';
        else if (gap > em * 0.15 && !spaced) line += ' ';
      }
      line += g.c;
      prev = g;
    }
    return line.trimEnd();
  });
  return [...lines, ...rotated].join('\n');
}

/** One word of a page with its box in points from the top-left corner (as `pdftotext -bbox` gives it). */
export interface WordBox {
  page: number; // 0-based
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Every word of the PDF with its position, page by page: the characters of a horizontal line between
 * spaces (or gaps wider than a third of the font size), boxed by their glyph quads.
 */
export function wordBoxes(file: string): WordBox[] {
  return withDocument(file, (doc) => {
    const words: WordBox[] = [];
    for (let page = 0; page < doc.countPages(); page++) {
      const p = doc.loadPage(page);
      const stext = p.toStructuredText('preserve-whitespace');
      let word: WordBox | null = null;
      let lastRight = 0;
      let horizontal = true;
      const flush = () => {
        if (word) words.push(word);
        word = null;
      };
      stext.walk({
        beginLine(_bbox, _wmode, dir) {
          flush();
          horizontal = Math.abs(dir[1]) < 1e-3 && dir[0] > 0;
        },
        onChar(c, origin, _font, size, quad) {
          if (!horizontal) return;
          if (/\s/.test(c)) return flush();
          const xs = [quad[0], quad[2], quad[4], quad[6]];
          const ys = [quad[1], quad[3], quad[5], quad[7]];
          if (word && origin[0] - lastRight > size / 3) flush();
          const box = { xMin: Math.min(...xs), yMin: Math.min(...ys), xMax: Math.max(...xs), yMax: Math.max(...ys) };
          if (!word) word = { page, text: c, ...box };
          else {
            const w: WordBox = word;
            w.text += c;
            w.xMin = Math.min(w.xMin, box.xMin);
            w.yMin = Math.min(w.yMin, box.yMin);
            w.xMax = Math.max(w.xMax, box.xMax);
            w.yMax = Math.max(w.yMax, box.yMax);
          }
          lastRight = box.xMax;
        },
        endLine() {
          flush();
        },
      });
      stext.destroy();
      p.destroy();
    }
    return words;
  });
}

/** The text with its layout (columns stay on one line, a form feed between pages). */
export const text = (file: string): string =>
  withDocument(file, (doc) => {
    const out: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      out.push(layoutPage(page) + '\n');
      page.destroy();
    }
    return out.join('\f');
  });

/** The raw text runs in content order (a rotated stamp comes out whole). */
export const rawText = (file: string): string =>
  withDocument(file, (doc) => {
    const out: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const stext = page.toStructuredText('preserve-whitespace');
      out.push(stext.asText().replace(NO_BREAK_SPACES, ' '));
      stext.destroy();
      page.destroy();
    }
    return out.join('\f');
  });

export const pages = (file: string): number => withDocument(file, (doc) => doc.countPages());

export interface PdfFont {
  /** BaseFont without the subset tag, e.g. `DejaVuSans`. */
  name: string;
  subset: boolean;
  /** A font program (FontFile, FontFile2 or FontFile3) is in the file. */
  embedded: boolean;
}

/** The fonts the pages use (as `pdffonts` lists them), each once. */
export const fonts = (file: string): PdfFont[] =>
  withDocument(file, (doc) => {
    const pdf = doc.asPDF();
    if (!pdf) throw new Error(`${file} is not a PDF`);
    const found = new Map<string, PdfFont>();
    for (let i = 0; i < pdf.countPages(); i++) {
      const dict = (pdf.loadPage(i) as mupdf.PDFPage).getObject().get('Resources').get('Font');
      if (dict.isNull()) continue;
      dict.forEach((font) => {
        const f = font.resolve();
        const descendant = f.get('DescendantFonts');
        const described = descendant.isArray() ? descendant.get(0).resolve() : f;
        const descriptor = described.get('FontDescriptor');
        const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => !descriptor.isNull() && !descriptor.get(k).isNull());
        const base = f.get('BaseFont').asName();
        const subset = /^[A-Z]{6}\+/.test(base);
        const name = subset ? base.slice(7) : base;
        found.set(`${base}/${embedded}`, { name, subset, embedded });
      });
    }
    return [...found.values()];
  });

/** Copies the PDF and its pages as PNG (60 dpi) under test-results/pdf/<name>-<page>.png. */
export function renderPng(file: string, name: string): void {
  mkdirSync(OUT, { recursive: true });
  copyFileSync(file, join(OUT, `${name}.pdf`));
  withDocument(file, (doc) => {
    const count = doc.countPages();
    const digits = String(count).length;
    for (let i = 0; i < count; i++) {
      const page = doc.loadPage(i);
      const pixmap = page.toPixmap(mupdf.Matrix.scale(60 / 72, 60 / 72), mupdf.ColorSpace.DeviceRGB, false);
      writeFileSync(join(OUT, `${name}-${String(i + 1).padStart(digits, '0')}.png`), pixmap.asPNG());
      pixmap.destroy();
      page.destroy();
    }
  });
}

