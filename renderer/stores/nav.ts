import { create } from 'zustand';

/** What the user is about to leave may hold typed work: the screen saves it (or says why not) first. */
export type LeaveGuard = (next: View) => boolean;

/** Where the user is. View state only: data always comes from the backend. */
export type View =
  | { name: 'patients' }
  | { name: 'patient'; patientId: number | null; tab: PatientTab }
  | { name: 'facturer'; patientId?: number; prescriptionId?: number }
  | { name: 'invoice'; invoiceId: number; tab?: InvoiceTab }
  | { name: 'invoices' }
  | { name: 'suivi'; tab?: SuiviTab }
  | { name: 'bordereau'; bordereauId: number }
  | { name: 'settings' }
  | { name: 'round'; date?: string }
  | { name: 'series'; seriesId: number }
  | { name: 'series-new'; patientId: number; prescriptionId: number }
  | { name: 'encaissements'; tab?: MoneyInTab; /** Paiements reçus: only the credits not spread. */ creditOnly?: boolean }
  | { name: 'tableau-de-bord' }
  | { name: 'import-patients' };

export type MoneyInTab = 'releves' | 'paiements' | 'relances';

export type InvoiceTab = 'facture' | 'actes' | 'suivi';
export type SuiviTab = 'a-envoyer' | 'en-attente' | 'a-relancer' | 'rejetees' | 'reglees' | 'bordereaux' | 'recettes';

export type PatientTab = 'identite' | 'complementaire' | 'prescriptions' | 'factures';

interface NavState {
  view: View;
  /** Set by a screen with unsaved typed work (issue #19 item 7): returns false to hold the move while it saves. */
  guard: LeaveGuard | null;
  go(view: View): void;
  setGuard(guard: LeaveGuard | null): void;
}

export const useNav = create<NavState>((set, get) => ({
  view: { name: 'patients' },
  guard: null,
  go: (view) => {
    const guard = get().guard;
    if (guard && !guard(view)) return;
    set({ view, guard: null });
  },
  setGuard: (guard) => set({ guard }),
}));
