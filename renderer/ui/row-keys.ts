import type { KeyboardEvent } from 'react';

/** Keyboard of a clickable table row: Enter opens it, ↑/↓ move to the previous/next row. */
export const rowKeys =
  (open: () => void) =>
  (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'Enter') open();
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  };
