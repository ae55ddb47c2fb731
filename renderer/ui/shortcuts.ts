/**
 * The renderer's visible keyboard shortcuts (Alt + a letter: free in Chromium and Electron on every
 * platform; `code` keeps them on the same key whatever the keyboard layout prints).
 */
export const SHORTCUTS = {
  'nouveau-patient': { keys: 'Alt+N', code: 'KeyN' },
  facturer: { keys: 'Alt+F', code: 'KeyF' },
  imprimer: { keys: 'Alt+I', code: 'KeyI' },
  rechercher: { keys: 'Alt+R', code: 'KeyR' },
} as const;

export type ShortcutAction = keyof typeof SHORTCUTS;

export function shortcutOf(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): ShortcutAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  for (const [action, s] of Object.entries(SHORTCUTS)) if (s.code === e.code) return action as ShortcutAction;
  return null;
}
