import { useState, type FormEvent } from 'react';
import type { PlannedVisit } from '../../../core/series/types.ts';
import { api } from '../../api/client.ts';
import { formatFrDate } from '../../ui/format.ts';
import { frToIso } from '../../ui/fields.tsx';
import { InlineFormEnd } from './InlineFormEnd.tsx';

/** Moves a planned visit to another day and hour (inline in the series' table). */
export function MoveVisitForm(props: { visit: PlannedVisit; onDone(message: string | null): void }) {
  const [date, setDate] = useState(formatFrDate(props.visit.date));
  const [time, setTime] = useState(props.visit.plannedTime ?? '');
  const [error, setError] = useState<string | null>(null);
  const what = `visite du ${formatFrDate(props.visit.date)}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const iso = frToIso(date);
    if (iso === null || iso === 'invalid') return setError('Nouvelle date : jj/mm/aaaa.');
    const r = await api.call('series/visit', { action: 'move', visitId: props.visit.id, date: iso, time: time.trim() === '' ? null : time.trim() });
    if (!r.ok) return setError(r.error.message_fr);
    props.onDone(`Visite déplacée au ${formatFrDate(iso)}${r.value.plannedTime ? ` à ${r.value.plannedTime}` : ''}.`);
  }

  return (
    <form className="inline-controls" onSubmit={submit} aria-label={`Déplacer la ${what}`} noValidate>
      <input aria-label={`Nouvelle date (${what})`} autoFocus size={10} maxLength={10} placeholder="jj/mm/aaaa" value={date} onChange={(e) => setDate(e.target.value)} />
      <input aria-label={`Nouvelle heure (${what})`} className="mono" size={5} maxLength={5} placeholder="hh:mm" value={time} onChange={(e) => setTime(e.target.value)} />
      <button type="submit">Déplacer</button>
      <InlineFormEnd error={error} onCancel={() => props.onDone(null)} />
    </form>
  );
}
