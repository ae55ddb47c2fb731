/** Reading generated PDFs back with poppler, and rendering their pages to PNG for people to look at. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/test-backend.ts';

const OUT = join(ROOT, 'test-results', 'pdf');

/** The text with its layout (columns stay on one line). */
export const text = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The raw text runs (a rotated stamp comes out whole). */
export const rawText = (file: string): string => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

export const pages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** Copies the PDF and its pages as PNG under test-results/pdf/<name>… */
export function renderPng(file: string, name: string): void {
  mkdirSync(OUT, { recursive: true });
  copyFileSync(file, join(OUT, `${name}.pdf`));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, name)]);
}

/** One word of a page with its box in points from the top-left corner (pdftotext -bbox). */
export interface WordBox {
  page: number; // 0-based
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Every word of the PDF with its position, page by page. */
export function wordBoxes(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: WordBox[] = [];
  html.split('<page ').slice(1).forEach((pageHtml, page) => {
    for (const m of pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeEntities(m[5]!) });
    }
  });
  return words;
}
