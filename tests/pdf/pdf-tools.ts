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
