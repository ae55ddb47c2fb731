import type { CotationContext } from '../../../core/api/contract.ts';
import { api } from '../../api/client.ts';
import type { ActForm } from './visits/visit-form.ts';

type Say = (m: { kind: 'ok' | 'error'; text: string }) => void;

/** The practitioner's favourites and saved models, from the Actes tab of an invoice. */
export function cotationActions(practitionerId: number, facts: CotationContext | null, setFacts: (f: CotationContext) => void, say: Say) {
  return {
    async setFavourite(key: string, on: boolean) {
      if (!facts) return;
      const r = await api.call('cotation/set-favourite', { practitionerId, key, on });
      if (r.ok) setFacts({ ...facts, favourites: r.value });
      else say({ kind: 'error', text: r.error.message_fr });
    },
    async saveModel(name: string, acts: ActForm[]) {
      if (!facts) return;
      const r = await api.call('cotation/save-model', {
        practitionerId,
        name,
        acts: acts.map((a) => ({ ...(a.catalogueKey ? { key: a.catalogueKey } : {}), code: a.code, coefficient: Number(a.coefficient.replace(',', '.')) })),
      });
      if (r.ok) {
        setFacts({ ...facts, models: r.value });
        say({ kind: 'ok', text: `Modèle « ${name} » enregistré.` });
      } else say({ kind: 'error', text: r.error.message_fr });
    },
  };
}
