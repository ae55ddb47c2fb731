import type { Invoice } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { usePractitioners } from '../../stores/practitioner.ts';

type DraftResult = { ok: true; value: Invoice } | { ok: false; error: { code: string; message_fr: string } };

/** Creates a draft for the given practitioner, else the current one (chosen in the header). */
export async function createDraft(patientId: number, prescriptionId: number | null, practitionerId?: number): Promise<DraftResult> {
  let id = practitionerId ?? usePractitioners.getState().currentId ?? undefined;
  if (id === undefined) {
    const active = await usePractitioners.getState().load();
    id = usePractitioners.getState().currentId ?? undefined;
    if (id === undefined) {
      const message_fr = active.length === 0 ? 'Renseignez d’abord le praticien (Réglages).' : 'Choisissez le praticien en cours, en haut à droite.';
      return { ok: false, error: { code: 'no-practitioner', message_fr } };
    }
  }
  return api.call('invoices/create-draft', { practitionerId: id, patientId, prescriptionId });
}
