import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SeriesView } from '../../../core/series/types.ts';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../ui/errors.ts';
import type { FieldErrors } from '../../ui/fields.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { RhythmFields, rhythmInput, rhythmOf, type Rhythm } from './RhythmFields.tsx';

/**
 * « Modifier le rythme » of a running series: the visits still to come (from today, planned by the rule) are
 * planned again; done, not done, billed, skipped and added visits stay as they are.
 */
export function RuleEditForm(props: { series: SeriesView['series']; onDone(view: SeriesView | null, message: string | null): void }) {
  const [rhythm, setRhythm] = useState<Rhythm>(rhythmOf(props.series.rule));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // Opened under the visits' table: brought into view, the first field focused (keyboard first).
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
    form.current?.querySelector('select')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const typed = rhythmInput(rhythm);
    if (!typed.ok) return setErrors(typed.errors);
    const r = await api.call('series/update-rule', { id: props.series.id, ...typed.value });
    if (!r.ok) {
      const f = fieldErrors(r.error);
      setErrors({ ...f, times: f.times ?? Object.entries(f).find(([k]) => k.startsWith('times.'))?.[1] });
      return setFormError(r.error.field ? null : r.error.message_fr);
    }
    props.onDone(r.value, 'Rythme modifié : les visites à venir sont replanifiées ; les visites faites, facturées ou supprimées ne changent pas.');
  }

  return (
    <form ref={form} className="panel" onSubmit={submit} noValidate aria-label="Modifier le rythme">
      <h2>Modifier le rythme</h2>
      <p className="muted small">Seules les visites prévues à partir d’aujourd’hui sont replanifiées ; celles ajoutées à la main restent.</p>
      {formError ? <Notice kind="error">{formError}</Notice> : null}
      <div className="form-grid">
        <RhythmFields value={rhythm} onChange={setRhythm} errors={errors} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          Replanifier les visites à venir
        </button>
        <button type="button" onClick={() => props.onDone(null, null)}>
          Annuler
        </button>
      </div>
    </form>
  );
}
