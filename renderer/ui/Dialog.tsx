import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * Modal dialog on the native <dialog> element: focus is trapped by the browser, Escape closes,
 * the title labels it (tests find it by role "dialog" and its name).
 */
export function Dialog(props: { title: string; onClose(): void; children: ReactNode; role?: 'dialog' | 'alertdialog'; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    // Whoever opened the dialog gets the focus back when it closes (Escape included: issue #19 item 11).
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (el && !el.open) el.showModal();
    // showModal() focuses the first control; a dialog may name a safer default with data-autofocus.
    el?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      el?.close();
      if (opener?.isConnected && !opener.closest('dialog')) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${props.wide ? ' dialog--wide' : ''}`}
      role={props.role ?? 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
