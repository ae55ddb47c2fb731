import type { Result } from '../../core/api/result.ts';

/** The one IPC channel the page calls (renderer → main). */
export const INVOKE_CHANNEL = 'feuillet:invoke';

/** The one channel main talks on (main → renderer): an application-menu entry the page must carry out. */
export const SHELL_ACTION_CHANNEL = 'feuillet:shell-action';

/**
 * What the application menu can ask the page to do. The renderer's visible keyboard shortcuts run the
 * same actions (renderer/shell-actions.ts `runShellAction`).
 */
export const SHELL_ACTIONS = ['nouveau-patient', 'facturer', 'imprimer', 'rechercher', 'sauvegarder'] as const;
export type ShellAction = (typeof SHELL_ACTIONS)[number];
export const isShellAction = (value: unknown): value is ShellAction => (SHELL_ACTIONS as readonly unknown[]).includes(value);

/** What the preload exposes as `window.feuillet`: call the backend, hear the menu. Nothing else. */
export interface FeuilletBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Calls `listener` for each menu action; returns the function that stops listening. */
  onShellAction(listener: (action: ShellAction) => void): () => void;
}
