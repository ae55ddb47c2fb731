/** What a refused restore must leave behind in the data folder: nothing staged, no temporary file. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TEMP_PREFIX } from '../../electron/durable-files.ts';
import { openBackendAt } from './test-backend.ts';

export function expectNothingStaged(dataDir: string): void {
  expect(existsSync(join(dataDir, 'restauration-en-attente.json'))).toBe(false);
  expect(existsSync(join(dataDir, 'restauration-en-attente.sqlite'))).toBe(false);
  expect(readdirSync(dataDir).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([]);
}

/** The patients' last names the app shows at the next start of this data folder (a pending restore applied). */
export async function lastNamesAtNextStart(dataDir: string): Promise<string[]> {
  const next = openBackendAt(dataDir);
  try {
    const r = await next.dispatch('patients/search', { query: '' });
    if (!r.ok) throw new Error(r.error.message_fr);
    return (r.value as { lastName: string }[]).map((p) => p.lastName);
  } finally {
    next.close();
  }
}
