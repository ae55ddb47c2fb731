/** The check every follow-up test ends with. */
import { expect } from 'vitest';
import { followUpStateDrift } from '../../db/follow-up-repo.ts';
import type { TestBackend } from './test-backend.ts';

/** Whatever a test did, the stored follow-up state of every invoice must be the view's (triggers keep it in step); then the backend is disposed. */
export function disposeCheckingFollowUp(t: TestBackend): void {
  try {
    expect(followUpStateDrift(t.ctx.db)).toEqual([]);
  } finally {
    t.dispose();
  }
}
