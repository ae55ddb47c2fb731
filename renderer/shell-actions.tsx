/**
 * The actions the desktop menu sends (Fichier → Nouveau patient, Facturer, Imprimer, Sauvegarder
 * maintenant; Édition → Rechercher) and the page carries out. `runShellAction(name)` is the one entry
 * point: the menu (through the preload's `onShellAction`) and the page's own keyboard shortcuts call it.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ShellAction } from '../electron/preload/api.ts';
import { api } from './api/client.ts';
import { useNav, type View } from './stores/nav.ts';
import { plural } from './ui/format.ts';

export type { ShellAction };

interface ShellStatusState {
  message: { kind: 'ok' | 'error' | 'info'; text: string } | null;
  set(message: ShellStatusState['message']): void;
}

/** The last menu action's outcome, shown in a status line (« Sauvegarde faite… », « Rien à imprimer… »). */
export const useShellStatus = create<ShellStatusState>((set) => ({
  message: null,
  set: (message) => set({ message }),
}));

/** The Imprimer / Réimprimer button of the current screen, if it has one and it can be pressed. */
function printButton(): HTMLButtonElement | null {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('main button:not([disabled])'));
  return buttons.find((b) => /^\s*(Imprimer|Réimprimer)/.test(b.textContent ?? '')) ?? null;
}

/** Facturer from a patient's file (or one of their invoices) bills that patient (issue #19 item 8). */
export function facturerFrom(view: View): View {
  if (view.name === 'patient' && view.patientId !== null) return { name: 'facturer', patientId: view.patientId };
  return { name: 'facturer' };
}

export async function runShellAction(action: ShellAction): Promise<void> {
  const { go, view } = useNav.getState();
  const status = useShellStatus.getState();
  status.set(null);
  switch (action) {
    case 'nouveau-patient':
      go({ name: 'patient', patientId: null, tab: 'identite' });
      return;
    case 'facturer':
      go(facturerFrom(view));
      return;
    case 'rechercher':
      if (view.name !== 'patients') go({ name: 'patients' });
      // The search field exists once the patients screen has rendered.
      setTimeout(() => document.getElementById('patient-search')?.focus(), 0);
      return;
    case 'imprimer': {
      // Exactly what the screen's own button does (validate then print a draft, reprint a duplicata…).
      const button = printButton();
      if (button) button.click();
      else status.set({ kind: 'info', text: 'Rien à imprimer sur cet écran : ouvrez une facture ou un bordereau.' });
      return;
    }
    case 'sauvegarder': {
      status.set({ kind: 'info', text: 'Sauvegarde en cours…' });
      const r = await api.call('backups/create', {});
      status.set(
        r.ok
          ? { kind: 'ok', text: `Sauvegarde faite et vérifiée : ${plural(r.value.patients, 'patient')}, ${plural(r.value.invoices, 'facture')}.` }
          : { kind: 'error', text: r.error.message_fr },
      );
      return;
    }
  }
}

/** The preload's menu listener, where there is one (Electron); absent in browser mode. */
type ShellBridge = { onShellAction?: (listener: (action: ShellAction) => void) => () => void };

/** Listens to the desktop menu and shows the outcome of its actions; render it once in App. */
export function ShellActions() {
  const message = useShellStatus((s) => s.message);
  const clear = useShellStatus((s) => s.set);
  // The outcome belongs to the screen it was asked on.
  const view = useNav((s) => s.view);
  useEffect(() => clear(null), [view, clear]);
  useEffect(() => {
    const bridge = window.feuillet as ShellBridge | undefined;
    return bridge?.onShellAction?.((action) => void runShellAction(action));
  }, []);
  if (!message) return null;
  return (
    <div className={`notice notice--${message.kind} shell-status`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      <button type="button" className="link" aria-label="Fermer le message" onClick={() => clear(null)}>
        ×
      </button>
    </div>
  );
}
