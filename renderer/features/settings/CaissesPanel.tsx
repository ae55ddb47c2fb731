import { useEffect, useState, type FormEvent } from 'react';
import type { Caisse } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { TextField, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { MessageNotice } from '../../ui/Notice.tsx';

const EMPTY = { regime: '01', caisse: '', name: '', addressLine: '', postalCode: '', city: '' };

/** Réglages → Caisses: the addressee printed on the bordereau d'envoi, by régime and caisse code. */
export function CaissesPanel() {
  const [caisses, setCaisses] = useState<Caisse[]>([]);
  const [f, setF] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const load = () => void api.call('caisses/list', {}).then((r) => r.ok && setCaisses(r.value));
  useEffect(load, []);
  const set = (k: keyof typeof EMPTY) => (v: string) => setF((o) => ({ ...o, [k]: v }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await api.call('caisses/save', f);
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      return setMessage(formMessage(r.error) ? { kind: 'error', text: r.error.message_fr } : null);
    }
    setErrors({});
    setF(EMPTY);
    setMessage({ kind: 'info', text: `Caisse ${r.value.regime} / ${r.value.caisse} enregistrée.` });
    load();
  }

  async function remove(c: Caisse) {
    const r = await api.call('caisses/delete', { regime: c.regime, caisse: c.caisse });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'info', text: `Caisse ${c.regime} / ${c.caisse} retirée du catalogue.` });
    load();
  }

  return (
    <section className="panel" aria-label="Caisses">
      <h2>Caisses (destinataires des bordereaux)</h2>
      <p className="muted">
        Le bordereau d'envoi est adressé à la caisse du patient (régime et code caisse). Les adresses préremplies viennent de la liste publiée par
        l'Assurance Maladie en 2014 : vérifiez-les sur ameli.fr avant d'envoyer, et corrigez-les ici.
      </p>
      <MessageNotice message={message} />
      <table className="table" aria-label="Catalogue des caisses">
        <thead>
          <tr>
            <th>Régime</th>
            <th>Caisse</th>
            <th>Nom</th>
            <th>Adresse</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {caisses.map((c) => (
            <tr key={`${c.regime}-${c.caisse}`}>
              <td>{c.regime}</td>
              <td>{c.caisse}</td>
              <td>{c.name}</td>
              <td>{[c.addressLine, `${c.postalCode} ${c.city}`].filter(Boolean).join(', ')}</td>
              <td className="row-actions">
                <button type="button" onClick={() => setF({ regime: c.regime, caisse: c.caisse, name: c.name, addressLine: c.addressLine, postalCode: c.postalCode, city: c.city })} aria-label={`Modifier la caisse ${c.regime} / ${c.caisse}`}>
                  Modifier
                </button>
                <button type="button" className="danger" onClick={() => void remove(c)} aria-label={`Retirer la caisse ${c.regime} / ${c.caisse}`}>
                  Retirer
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={save} noValidate aria-label="Caisse à enregistrer">
        <h3>Ajouter ou modifier une caisse</h3>
        <div className="form-grid">
          <TextField label="Régime" required inputMode="numeric" maxLength={2} value={f.regime} onChange={set('regime')} error={errors.regime} />
          <TextField label="Code caisse" required inputMode="numeric" maxLength={3} value={f.caisse} onChange={set('caisse')} error={errors.caisse} />
          <TextField label="Nom de la caisse" required className="span-2" value={f.name} onChange={set('name')} error={errors.name} />
          <TextField label="Adresse (rue, boîte postale)" className="span-2" value={f.addressLine} onChange={set('addressLine')} error={errors.addressLine} />
          <TextField label="Code postal de la caisse" required inputMode="numeric" maxLength={5} value={f.postalCode} onChange={set('postalCode')} error={errors.postalCode} />
          <TextField label="Ville de la caisse" required value={f.city} onChange={set('city')} error={errors.city} />
        </div>
        <div className="form-actions">
          <button type="submit">Enregistrer la caisse</button>
        </div>
      </form>
    </section>
  );
}
