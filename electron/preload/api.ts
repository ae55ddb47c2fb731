import type { Result } from '../../core/api/result.ts';

/** The one IPC channel. */
export const INVOKE_CHANNEL = 'feuillet:invoke';

/** What the preload exposes as `window.feuillet`: one function, nothing else. */
export interface FeuilletBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}
