import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { formatFrDate } from '../../ui/format.ts';

/**
 * « Ajouter une visite »: a visit not planned by the series, for this day, on the current practitioner's round;
 * « Patient sans série… » opens the form for a patient who has none (UnplannedVisitForm).
 */
export function AddVisitForm(props: { practitionerId: number; date: string; onAdded(message: string): void; onOther(): void }) {
  const [series, setSeries] = useState<{ seriesId: number; patientName: string; label: string | null }[]>([]);
  const [seriesId, setSeriesId] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('series/active', { practitionerId: props.practitionerId }).then((r) => r.ok && setSeries(r.value));
  }, [props.practitionerId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (seriesId === '') return setError('Choisissez le patient (sa série de soins).');
    const r = await api.call('series/add-visit', { seriesId: Number(seriesId), practitionerId: props.practitionerId, date: props.date, time: time.trim() === '' ? null : time.trim() });
    if (!r.ok) return setError(r.error.message_fr);
    setError(null);
    setTime('');
    const name = series.find((s) => s.seriesId === Number(seriesId))?.patientName ?? '';
    props.onAdded(`Visite ajoutée : ${name} le ${formatFrDate(props.date)}${r.value.plannedTime ? ` à ${r.value.plannedTime}` : ''}.`);
  }

  const other = (
    <button type="button" onClick={props.onOther}>
      Patient sans série…
    </button>
  );
  if (series.length === 0) return <div className="toolbar round-add">{other}</div>;
  return (
    <form className="toolbar round-add" aria-label="Ajouter une visite" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="add-visit-series">Patient (série de soins)</label>
        <select id="add-visit-series" value={seriesId} onChange={(e) => setSeriesId(e.target.value)}>
          <option value="">— Choisir —</option>
          {series.map((s) => (
            <option key={s.seriesId} value={s.seriesId}>
              {s.patientName}
              {s.label ? ` — ${s.label}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="add-visit-time">Heure</label>
        <input id="add-visit-time" className="mono" size={5} maxLength={5} placeholder="hh:mm" value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      <button type="submit">Ajouter une visite</button>
      {other}
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}
