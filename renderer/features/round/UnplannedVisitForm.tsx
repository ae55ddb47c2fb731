import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CatalogueAct } from '../../../core/cotation/types.ts';
import { formatCoefficient } from '../../../core/domain/acts.ts';
import type { PatientSummary, Prescription } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../ui/errors.ts';
import { SelectField, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { formatFrDate } from '../../ui/format.ts';
import { PlaceField } from '../series/RhythmFields.tsx';

const nameOf = (p: PatientSummary) => `${(p.usageName ?? p.lastName).toUpperCase()} ${p.firstName}`;

/**
 * « Ajouter une visite » for a patient without a series: the patient (search), one of their prescriptions, the
 * act, the place and the hour. The visit goes on this day's round and is billed like a planned one.
 */
export function UnplannedVisitForm(props: { practitionerId: number; date: string; onAdded(message: string): void; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PatientSummary[]>([]);
  const [patientId, setPatientId] = useState('');
  const [prescriptions, setPrescriptions] = useState<Prescription[] | null>(null);
  const [prescriptionId, setPrescriptionId] = useState('');
  const [catalogue, setCatalogue] = useState<CatalogueAct[]>([]);
  const [actKey, setActKey] = useState('');
  const [coefficient, setCoefficient] = useState('');
  const [place, setPlace] = useState<'domicile' | 'cabinet'>('domicile');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    void api.call('cotation/context', { practitionerId: props.practitionerId }).then((r) => r.ok && setCatalogue(r.value.catalogue.acts.filter((a) => a.effectiveTo === null)));
  }, [props.practitionerId]);
  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      if (!query.trim()) return setFound([]);
      void api.call('patients/search', { query, includeArchived: false, limit: 10 }).then((r) => {
        if (ticket !== latest.current || !r.ok) return;
        setFound(r.value);
        setPatientId((id) => (r.value.some((p) => String(p.id) === id) ? id : r.value.length === 1 ? String(r.value[0]!.id) : ''));
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => {
    setPrescriptions(null);
    if (patientId === '') return;
    void api.call('prescriptions/list', { patientId: Number(patientId) }).then((r) => {
      if (!r.ok) return;
      setPrescriptions(r.value);
      setPrescriptionId(r.value.length === 1 ? String(r.value[0]!.id) : '');
    });
  }, [patientId]);

  const act = catalogue.find((a) => a.key === actKey);
  const actOptions = useMemo(
    () => [{ value: '', label: '— Choisir un acte —' }, ...catalogue.map((a) => ({ value: a.key, label: `${a.code}${a.coefficient !== null ? ` ${formatCoefficient(a.coefficient)}` : ''} – ${a.label}` }))],
    [catalogue],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (patientId === '') missing.patient = 'Cherchez puis choisissez le patient.';
    else if (prescriptionId === '') missing.prescriptionId = 'Choisissez la prescription de cette visite.';
    if (!act) missing.acts = 'Choisissez un acte dans la liste.';
    const coef = act?.coefficient != null ? act.coefficient / 100 : Number(coefficient.replace(',', '.'));
    if (act && (!Number.isFinite(coef) || coef <= 0)) missing.acts = `Coefficient de ${act.code} : un nombre (par exemple 8,1).`;
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const r = await api.call('round/add-visit', {
      practitionerId: props.practitionerId,
      prescriptionId: Number(prescriptionId),
      date: props.date,
      time: time.trim(),
      place,
      acts: [{ key: act!.key, code: act!.code, coefficient: coef }],
    });
    if (!r.ok) {
      const byField = fieldErrors(r.error);
      setErrors(byField);
      return setFormError(Object.keys(byField).length > 0 ? null : r.error.message_fr);
    }
    const patient = found.find((p) => String(p.id) === patientId);
    props.onAdded(`Visite ajoutée : ${patient ? nameOf(patient) : ''} le ${formatFrDate(props.date)} à ${r.value.plannedTime ?? time.trim()}.`);
  }

  return (
    <form className="panel round-add" aria-label="Visite d’un patient sans série" onSubmit={submit} noValidate>
      <h2>Visite d’un patient sans série — {formatFrDate(props.date)}</h2>
      <div className="form-grid">
        <TextField label="Rechercher le patient (nom, NIR)" type="search" value={query} onChange={setQuery} autoFocus error={errors.patient} />
        <SelectField
          label="Patient"
          value={patientId}
          onChange={setPatientId}
          options={[{ value: '', label: found.length === 0 ? '— Aucun patient trouvé —' : '— Choisir —' }, ...found.map((p) => ({ value: String(p.id), label: `${nameOf(p)} (${formatFrDate(p.birthDate)})` }))]}
        />
        <SelectField
          label="Prescription"
          value={prescriptionId}
          onChange={setPrescriptionId}
          error={errors.prescriptionId ?? (prescriptions?.length === 0 ? 'Ce patient n’a pas de prescription : créez-la dans son dossier.' : undefined)}
          options={[
            { value: '', label: '— Choisir —' },
            ...(prescriptions ?? []).map((p) => ({ value: String(p.id), label: `du ${formatFrDate(p.prescriptionDate)} – Dr ${p.prescriber.lastName}` })),
          ]}
        />
        <SelectField label="Acte" value={actKey} onChange={setActKey} options={actOptions} error={errors.acts ?? errors['acts.0.code']} />
        {act && act.coefficient === null ? <TextField label="Coefficient" value={coefficient} onChange={setCoefficient} inputMode="decimal" /> : null}
        <PlaceField value={place} onChange={setPlace} />
        <TextField label="Heure" value={time} onChange={setTime} maxLength={5} placeholder="hh:mm" error={errors.time ?? errors.date} />
      </div>
      {formError ? (
        <div className="field__error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary">
          Ajouter la visite
        </button>
        <button type="button" onClick={props.onClose}>
          Fermer
        </button>
      </div>
    </form>
  );
}
