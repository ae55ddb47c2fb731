import type { Invoice } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';

type DraftResult = { ok: true; value: Invoice } | { ok: false; error: { code: string; message_fr: string } };

/** Creates a draft with the only practitioner when there is one; otherwise the Facturer screen asks. */
export async function createDraft(patientId: number, prescriptionId: number | null, practitionerId?: number): Promise<DraftResult> {
  let id = practitionerId;
  if (id === undefined) {
    const list = await api.call('practitioners/list', {});
    if (!list.ok) return list;
    const active = list.value.filter((p) => !p.archived);
    if (active.length !== 1) return { ok: false, error: { code: 'no-practitioner', message_fr: 'Choisissez le praticien.' } };
    id = active[0]!.id;
  }
  return api.call('invoices/create-draft', { practitionerId: id, patientId, prescriptionId });
}
