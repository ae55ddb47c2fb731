/** What a refused restore must leave behind in the data folder: nothing staged, no temporary file. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TEMP_PREFIX } from '../../electron/durable-files.ts';

export function expectNothingStaged(dataDir: string): void {
  expect(existsSync(join(dataDir, 'restauration-en-attente.json'))).toBe(false);
  expect(existsSync(join(dataDir, 'restauration-en-attente.sqlite'))).toBe(false);
  expect(readdirSync(dataDir).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([]);
}
