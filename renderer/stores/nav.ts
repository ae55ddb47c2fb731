import { create } from 'zustand';

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
  | { name: 'import-patients' };

export type InvoiceTab = 'facture' | 'actes' | 'suivi';
export type SuiviTab = 'a-envoyer' | 'en-attente' | 'a-relancer' | 'rejetees' | 'reglees' | 'bordereaux' | 'recettes';

export type PatientTab = 'identite' | 'complementaire' | 'prescriptions' | 'factures';

interface NavState {
  view: View;
  go(view: View): void;
}

export const useNav = create<NavState>((set) => ({
  view: { name: 'patients' },
  go: (view) => set({ view }),
}));
