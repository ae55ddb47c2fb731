import { useEffect, useState, type FormEvent } from 'react';
import type { Organism } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextField, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors } from '../../ui/errors.ts';

/** « Choisir »: the organism catalogue (AME 0075500017 first); users may add other organisms. */
export function OrganismPicker(props: { onClose(): void; onChoose(organism: Organism): void }) {
  const [organisms, setOrganisms] = useState<Organism[]>([]);
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const load = () => void api.call('organisms/list', {}).then((r) => r.ok && setOrganisms(r.value));
  useEffect(load, []);

  async function add(e: FormEvent) {
    e.preventDefault();
    const r = await api.call('organisms/create', { number, name });
    if (!r.ok) return setErrors(fieldErrors(r.error.field ? r.error : { ...r.error, field: 'number' }));
    setErrors({});
    setNumber('');
    setName('');
    load();
  }

  return (
    <Dialog title="Choisir un organisme complémentaire" onClose={props.onClose}>
      <ul className="choice-list" aria-label="Organismes">
        {organisms.map((o) => (
          <li key={o.id}>
            <button type="button" className="choice" onClick={() => props.onChoose(o)}>
              <strong>{o.name}</strong> ({o.number})
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} noValidate className="panel">
        <h3>Ajouter un organisme</h3>
        <div className="form-grid">
          <TextField label="Numéro" inputMode="numeric" maxLength={10} value={number} onChange={setNumber} error={errors.number} />
          <TextField label="Nom" value={name} onChange={setName} error={errors.name} />
        </div>
        <div className="form-actions">
          <button type="submit">Ajouter au catalogue</button>
        </div>
      </form>
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          Fermer
        </button>
      </div>
    </Dialog>
  );
}
