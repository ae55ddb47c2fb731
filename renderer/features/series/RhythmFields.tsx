import type { ReactNode } from 'react';
import type { SeriesRule } from '../../../core/series/expand.ts';
import { WEEKDAY_NAMES } from '../../../core/series/period.ts';
import { CheckboxField, DateField, frToIso, SelectField, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { formatFrDate } from '../../ui/format.ts';

export type FrequencyKind = 'daily' | 'every-other-day' | 'weekdays';
export type Duration = 'end' | 'count';
/** Monday first, as on a calendar. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** What the desk types for a series' rhythm (planning it, or changing it later). */
export interface Rhythm {
  frequency: FrequencyKind;
  days: number[];
  times: string[];
  duration: Duration;
  end: string;
  count: string;
  sundays: boolean;
  holidays: boolean;
}

export const NEW_RHYTHM: Rhythm = { frequency: 'daily', days: [1, 3, 5], times: ['08:00'], duration: 'end', end: '', count: '', sundays: true, holidays: true };

/** A series' stored rule as the form shows it. */
export const rhythmOf = (rule: SeriesRule): Rhythm => ({
  frequency: rule.frequency.kind,
  days: rule.frequency.kind === 'weekdays' ? [...rule.frequency.days] : [1, 3, 5],
  times: [...rule.times],
  duration: rule.count !== null ? 'count' : 'end',
  end: rule.end ? formatFrDate(rule.end) : '',
  count: rule.count !== null ? String(rule.count) : '',
  sundays: rule.includeSundays,
  holidays: rule.includeHolidays,
});

/** The rhythm as the API takes it, or the fields typed wrong (checked here before the call). */
export interface RhythmInput {
  frequency: { kind: 'daily' } | { kind: 'every-other-day' } | { kind: 'weekdays'; days: number[] };
  times: string[];
  end: string | null;
  count: number | null;
  includeSundays: boolean;
  includeHolidays: boolean;
}

export function rhythmInput(r: Rhythm): { ok: true; value: RhythmInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const endIso = r.duration === 'end' ? frToIso(r.end) : null;
  if (r.duration === 'end' && (endIso === null || endIso === 'invalid')) errors.end = 'Fin des soins : date obligatoire (jj/mm/aaaa).';
  const count = r.duration === 'count' ? Number(r.count) : null;
  if (r.duration === 'count' && (!Number.isInteger(count) || r.count.trim() === '')) errors.count = 'Nombre de séances : un nombre entier.';
  if (Object.values(errors).some(Boolean)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      frequency: r.frequency === 'weekdays' ? { kind: 'weekdays', days: r.days } : { kind: r.frequency },
      times: r.times.map((t) => t.trim()).filter((t) => t !== ''),
      end: endIso === 'invalid' ? null : endIso,
      count,
      includeSundays: r.sundays,
      includeHolidays: r.holidays,
    },
  };
}

/** The rhythm's fields: frequency, weekdays, 1 to 4 hours, an end date or a number of séances, Sundays and holidays. */
export function RhythmFields(props: { value: Rhythm; onChange(value: Rhythm): void; errors: FieldErrors; start?: ReactNode }) {
  const r = props.value;
  const set = (patch: Partial<Rhythm>) => props.onChange({ ...r, ...patch });
  return (
    <>
      <SelectField
        label="Fréquence"
        value={r.frequency}
        onChange={(v) => set({ frequency: v as FrequencyKind })}
        error={props.errors.frequency}
        options={[
          { value: 'daily', label: 'Chaque jour' },
          { value: 'every-other-day', label: 'Tous les 2 jours' },
          { value: 'weekdays', label: 'Certains jours de la semaine' },
        ]}
      />
      {r.frequency === 'weekdays' ? (
        <div className="inline-controls" role="group" aria-label="Jours de la semaine">
          {WEEK.map((d) => (
            <CheckboxField key={d} label={WEEKDAY_NAMES[d]!} checked={r.days.includes(d)} onChange={(on) => set({ days: on ? [...r.days, d] : r.days.filter((x) => x !== d) })} />
          ))}
        </div>
      ) : null}
      <div className="inline-controls" role="group" aria-label="Heures de passage">
        {r.times.map((t, i) => (
          <TextField key={i} label={`Heure du passage ${i + 1}`} value={t} maxLength={5} placeholder="hh:mm" onChange={(v) => set({ times: r.times.map((x, j) => (j === i ? v : x)) })} />
        ))}
        {r.times.length < 4 ? (
          <button type="button" onClick={() => set({ times: [...r.times, ''] })}>
            Ajouter un passage
          </button>
        ) : null}
        {r.times.length > 1 ? (
          <button type="button" onClick={() => set({ times: r.times.slice(0, -1) })}>
            Retirer le dernier passage
          </button>
        ) : null}
      </div>
      {props.errors.times ? (
        <div className="field__error" role="alert">
          {props.errors.times}
        </div>
      ) : null}
      {props.start}
      <SelectField
        label="Durée"
        value={r.duration}
        onChange={(v) => set({ duration: v as Duration })}
        options={[
          { value: 'end', label: 'Jusqu’à une date' },
          { value: 'count', label: 'Un nombre de séances' },
        ]}
      />
      {r.duration === 'end' ? (
        <DateField label="Fin des soins" value={r.end} onChange={(end) => set({ end })} error={props.errors.end} required />
      ) : (
        <TextField label="Nombre de séances" value={r.count} onChange={(count) => set({ count })} inputMode="numeric" maxLength={4} error={props.errors.count} required />
      )}
      <CheckboxField label="Dimanches inclus" checked={r.sundays} onChange={(sundays) => set({ sundays })} />
      <CheckboxField label="Jours fériés inclus" checked={r.holidays} onChange={(holidays) => set({ holidays })} />
    </>
  );
}

/** Where the care is given: at the patient's home (IFD and IK) or at the office. */
export function PlaceField(props: { value: 'domicile' | 'cabinet'; onChange(value: 'domicile' | 'cabinet'): void }) {
  return (
    <SelectField
      label="Lieu"
      value={props.value}
      onChange={(v) => props.onChange(v as 'domicile' | 'cabinet')}
      options={[
        { value: 'domicile', label: 'Domicile' },
        { value: 'cabinet', label: 'Cabinet' },
      ]}
    />
  );
}
