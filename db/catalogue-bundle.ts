/**
 * The shipped catalogue as one file: db/catalogue/manifest.json (format, version, date, title) and the rows of
 * tariffs.json, acts.json and coefficient-steps.json, with the checksum over them. `npm run catalogue:build`
 * writes it to db/migrations/catalogue-ngap-v<version>.json, which a migration applies through
 * `applyCatalogue` (the same function as an update read in Réglages); a test fails when it is stale.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueFile } from '../core/cotation/catalogue-file.ts';
import { checksumOf } from './catalogue-apply.ts';

export const CATALOGUE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'catalogue');

const read = (file: string): unknown => JSON.parse(readFileSync(join(CATALOGUE_DIR, file), 'utf8'));

/** The catalogue file built from db/catalogue (rows kept as written, header from the manifest). */
export function shippedCatalogue(): CatalogueFile {
  const content = {
    ...(read('manifest.json') as Pick<CatalogueFile, 'format' | 'formatVersion' | 'version' | 'published' | 'title'>),
    tariffs: read('tariffs.json') as CatalogueFile['tariffs'],
    acts: read('acts.json') as CatalogueFile['acts'],
    steps: read('coefficient-steps.json') as CatalogueFile['steps'],
  };
  return { ...content, checksum: checksumOf(content) };
}

/** Its text as written in db/migrations/: header first, one row per line (reviewable diffs). */
export function catalogueFileText(file: CatalogueFile): string {
  const rows = (list: readonly unknown[]) => (list.length === 0 ? '[]' : `[\n${list.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`);
  const { tariffs, acts, steps, ...header } = file;
  const head = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${[...head, `  "tariffs": ${rows(tariffs)}`, `  "acts": ${rows(acts)}`, `  "steps": ${rows(steps)}`].join(',\n')}\n}\n`;
}

export const shippedFileName = (version: number): string => `catalogue-ngap-v${version}.json`;
