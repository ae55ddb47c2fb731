import { useState, type FormEvent } from 'react';
import type { PlannedVisit } from '../../../core/series/types.ts';
import { api } from '../../api/client.ts';
import { usePractitioners } from '../../stores/practitioner.ts';
import { formatFrDate } from '../../ui/format.ts';
import { InlineFormEnd } from './InlineFormEnd.tsx';

const nameOf = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Gives a planned visit to another practitioner of the same profession (the replacement nurse): it goes to her round. */
export function ReassignVisitForm(props: { visit: PlannedVisit; onDone(message: string | null): void }) {
  const practitioners = usePractitioners((s) => s.practitioners) ?? [];
  const current = practitioners.find((p) => p.id === props.visit.practitionerId);
  const others = practitioners.filter((p) => p.id !== props.visit.practitionerId && (!current || p.profession === current.profession));
  const [to, setTo] = useState(others.length === 1 ? String(others[0]!.id) : '');
  const [error, setError] = useState<string | null>(null);
  const what = `visite du ${formatFrDate(props.visit.date)}${props.visit.plannedTime ? ` à ${props.visit.plannedTime}` : ''}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (to === '') return setError('Choisissez le praticien qui fera cette visite.');
    const r = await api.call('series/visit', { action: 'reassign', visitId: props.visit.id, practitionerId: Number(to) });
    if (!r.ok) return setError(r.error.message_fr);
    const who = practitioners.find((p) => p.id === Number(to));
    props.onDone(`La ${what} est confiée à ${who ? nameOf(who) : 'un autre praticien'} : elle est sur sa tournée.`);
  }

  if (others.length === 0) {
    return (
      <span className="inline-controls">
        <span className="field__error" role="alert">
          Aucun autre praticien de la même profession : ajoutez le remplaçant dans Réglages.
        </span>
        <button type="button" onClick={() => props.onDone(null)}>
          Fermer
        </button>
      </span>
    );
  }
  return (
    <form className="inline-controls" onSubmit={submit} aria-label={`Confier la ${what}`} noValidate>
      <select aria-label={`Praticien (${what})`} autoFocus value={to} onChange={(e) => setTo(e.target.value)}>
        <option value="">— Choisir —</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {nameOf(p)}
          </option>
        ))}
      </select>
      <button type="submit">Confier</button>
      <InlineFormEnd error={error} onCancel={() => props.onDone(null)} />
    </form>
  );
}
