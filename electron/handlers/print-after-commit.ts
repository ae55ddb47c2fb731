import type { DocumentRef } from '../../core/domain/types.ts';

/**
 * Prints once the write is committed. A PDF that fails (disk full, font missing) must not hide that the
 * invoice or bordereau now exists: the caller gets null and tells the user to print it again.
 */
export async function printAfterCommit(what: string, print: () => Promise<DocumentRef>): Promise<DocumentRef | null> {
  try {
    return await print();
  } catch (err) {
    console.error(`[feuillet] printing ${what} failed after it was saved`, err);
    return null;
  }
}
