import { useEffect, useRef } from 'react';
import { useNav, type View } from '../../stores/nav.ts';

/**
 * Leaving a screen with typed work not saved (menu, shortcut, link): it is saved as typed first, then the move
 * goes on; a refusal keeps the user here (`onRefused` says why) and leaving again abandons it (issue #19 item 7).
 * `pending()` and `save()` are read at the moment of leaving (the latest render's).
 */
export function useSaveBeforeLeaving(pending: () => boolean, save: () => Promise<boolean>, onRefused: () => void): void {
  const setGuard = useNav((s) => s.setGuard);
  const latest = useRef({ pending, save, onRefused });
  latest.current = { pending, save, onRefused };
  const abandoned = useRef(false);
  useEffect(() => {
    setGuard((next: View) => {
      if (!latest.current.pending() || abandoned.current) return true;
      void latest.current.save().then((saved) => {
        if (saved) {
          setGuard(null);
          useNav.getState().go(next);
          return;
        }
        abandoned.current = true;
        latest.current.onRefused();
      });
      return false;
    });
    return () => setGuard(null);
  }, [setGuard]);
}
