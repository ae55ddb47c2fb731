import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CatalogueAct } from '../../../core/cotation/types.ts';
import type { Patient, Prescription } from '../../../core/domain/types.ts';
import { formatCoefficient } from '../../../core/domain/acts.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { usePractitioners } from '../../stores/practitioner.ts';
import { fieldErrors } from '../../ui/errors.ts';
import { CheckboxField, DateField, frToIso, SelectField, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { formatFrDate } from '../../ui/format.ts';
import { NEW_RHYTHM, PlaceField, RhythmFields, rhythmInput, type Rhythm } from './RhythmFields.tsx';


const dateOrUndefined = (text: string): string | null | undefined => {
  const iso = frToIso(text);
  return iso === 'invalid' ? undefined : iso;
};

/** « Planifier les soins » from a prescription: acts, rhythm, hours, duration → the planned visits. */
export function SeriesNewPage(props: { patientId: number; prescriptionId: number }) {
  const go = useNav((s) => s.go);
  const practitionerId = usePractitioners((s) => s.currentId);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [prescription, setPrescription] = useState<Prescription | null>(null);
  const [catalogue, setCatalogue] = useState<CatalogueAct[]>([]);
  const [picked, setPicked] = useState('');
  const [pickedCoef, setPickedCoef] = useState('');
  const [acts, setActs] = useState<{ key: string | null; code: string; coefficient: number; label: string }[]>([]);
  const [label, setLabel] = useState('');
  const [place, setPlace] = useState<'domicile' | 'cabinet'>('domicile');
  const [distance, setDistance] = useState('');
  const [start, setStart] = useState('');
  const [rhythm, setRhythm] = useState<Rhythm>(NEW_RHYTHM);
  const [imperative, setImperative] = useState(false);
  const [treatmentStart, setTreatmentStart] = useState('');
  const [agreement, setAgreement] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    void api.call('patients/get', { id: props.patientId }).then((r) => r.ok && setPatient(r.value));
    void api.call('prescriptions/list', { patientId: props.patientId }).then((r) => {
      if (!r.ok) return;
      const p = r.value.find((x) => x.id === props.prescriptionId) ?? null;
      setPrescription(p);
      if (p) {
        setStart((s) => s || formatFrDate(p.prescriptionDate));
        if (p.sessionsPrescribed !== null) setRhythm((r) => ({ ...r, duration: 'count', count: String(p.sessionsPrescribed) }));
      }
    });
    void api.call('travel/get', { patientId: props.patientId }).then((r) => r.ok && r.value.distanceKm !== null && setDistance(String(r.value.distanceKm).replace('.', ',')));
  }, [props.patientId, props.prescriptionId]);
  useEffect(() => {
    if (practitionerId === null) return;
    void api.call('cotation/context', { practitionerId }).then((r) => r.ok && setCatalogue(r.value.catalogue.acts.filter((a) => a.effectiveTo === null)));
  }, [practitionerId]);

  const options = useMemo(
    () => [{ value: '', label: '— Choisir un acte —' }, ...catalogue.map((a) => ({ value: a.key, label: `${a.code}${a.coefficient !== null ? ` ${formatCoefficient(a.coefficient)}` : ''} – ${a.label}` }))],
    [catalogue],
  );

  function addAct() {
    const act = catalogue.find((a) => a.key === picked);
    if (!act) return setErrors({ ...errors, acts: 'Choisissez un acte dans la liste.' });
    const coefficient = act.coefficient !== null ? act.coefficient / 100 : Number(pickedCoef.replace(',', '.'));
    if (!Number.isFinite(coefficient) || coefficient <= 0) return setErrors({ ...errors, acts: `Coefficient de ${act.code} : un nombre (par exemple 8,1).` });
    setActs([...acts, { key: act.key, code: act.code, coefficient, label: act.label }]);
    setPicked('');
    setPickedCoef('');
    setErrors({ ...errors, acts: undefined });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (practitionerId === null) return setFormError('Choisissez le praticien en cours (en haut à droite).');
    const local: FieldErrors = {};
    const startIso = dateOrUndefined(start);
    if (!startIso) local.start = 'Début des soins : date obligatoire (jj/mm/aaaa).';
    const typed = rhythmInput(rhythm);
    if (!typed.ok) Object.assign(local, typed.errors);
    const treatment = dateOrUndefined(treatmentStart);
    if (treatment === undefined) local.treatmentStart = 'Début du traitement : date invalide (jj/mm/aaaa).';
    const agreementIso = dateOrUndefined(agreement);
    if (agreementIso === undefined) local.priorAgreementDate = "Date de l'accord préalable : date invalide (jj/mm/aaaa).";
    const km = distance.trim() === '' ? null : Number(distance.replace(',', '.'));
    if (km !== null && !Number.isFinite(km)) local.distance = 'Distance : un nombre de km (par exemple 4,5).';
    if (Object.values(local).some(Boolean) || !typed.ok) return setErrors(local);

    if (place === 'domicile') {
      const t = await api.call('travel/set', { patientId: props.patientId, distanceKm: km });
      if (!t.ok) return setErrors({ distance: t.error.message_fr });
    }
    const r = await api.call('series/create', {
      prescriptionId: props.prescriptionId,
      practitionerId,
      label: label,
      place,
      acts: acts.map((a) => ({ key: a.key, code: a.code, coefficient: a.coefficient })),
      ...typed.value,
      start: startIso!,
      imperativePrescription: imperative,
      treatmentStart: treatment ?? null,
      priorAgreementDate: agreementIso ?? null,
    });
    if (!r.ok) {
      const f = fieldErrors(r.error);
      setErrors({ ...f, times: f.times ?? Object.entries(f).find(([k]) => k.startsWith('times.'))?.[1], acts: f.acts ?? Object.entries(f).find(([k]) => k.startsWith('acts.'))?.[1] });
      setFormError(r.error.field ? null : r.error.message_fr);
      return;
    }
    go({ name: 'series', seriesId: r.value.series.id });
  }

  return (
    <section>
      <h1>Planifier les soins</h1>
      <p className="muted">
        {patient ? `${(patient.usageName ?? patient.lastName).toUpperCase()} ${patient.firstName}` : ''}
        {prescription ? ` — prescription du ${formatFrDate(prescription.prescriptionDate)} (Dr ${prescription.prescriber.lastName.toUpperCase()})` : ''}
        {prescription?.plannedActs ? ` : « ${prescription.plannedActs} »` : ''}
      </p>
      {formError ? <Notice kind="error">{formError}</Notice> : null}
      <form onSubmit={submit} noValidate aria-label="Série de soins">
        <fieldset className="panel">
          <legend>Actes de chaque visite</legend>
          <div className="toolbar">
            <SelectField label="Acte du catalogue" value={picked} onChange={setPicked} options={options} error={errors.acts} />
            {catalogue.find((a) => a.key === picked)?.coefficient === null ? <TextField label="Coefficient" value={pickedCoef} onChange={setPickedCoef} inputMode="decimal" /> : null}
            <button type="button" onClick={addAct}>
              Ajouter l’acte
            </button>
          </div>
          {acts.length === 0 ? <p className="empty">Aucun acte : ajoutez au moins un acte.</p> : null}
          <ul aria-label="Actes de la série">
            {acts.map((a, i) => (
              <li key={`${a.key}-${i}`}>
                {a.code} {String(a.coefficient).replace('.', ',')} – {a.label}{' '}
                <button type="button" className="link" onClick={() => setActs(acts.filter((_, j) => j !== i))} aria-label={`Retirer ${a.code} ${a.coefficient}`}>
                  Retirer
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="panel form-grid">
          <legend>Rythme</legend>
          <RhythmFields
            value={rhythm}
            onChange={setRhythm}
            errors={errors}
            start={<DateField label="Début des soins" value={start} onChange={setStart} error={errors.start} required />}
          />
          <CheckboxField
            label="« Exécution quotidienne / de nuit impérative » sur la prescription"
            checked={imperative}
            onChange={setImperative}
            hint="Sans elle, ni nuit ni dimanche ne sont majorés (NGAP art. 14B)."
          />
        </fieldset>
        <fieldset className="panel form-grid">
          <legend>Lieu et traitement</legend>
          <PlaceField value={place} onChange={setPlace} />
          {place === 'domicile' ? (
            <TextField label="Distance aller depuis le cabinet (km)" value={distance} onChange={setDistance} inputMode="decimal" maxLength={6} error={errors.distance} hint="Gardée dans le dossier du patient : elle remplit les IK." />
          ) : null}
          <TextField label="Libellé (facultatif)" value={label} onChange={setLabel} maxLength={120} placeholder="Pansement jambe gauche" />
          <DateField label="Début du traitement (facultatif)" value={treatmentStart} onChange={setTreatmentStart} error={errors.treatmentStart} />
          <DateField label="Date de l’accord préalable (facultatif)" value={agreement} onChange={setAgreement} error={errors.priorAgreementDate} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary">
            Planifier les visites
          </button>
          <button type="button" onClick={() => go({ name: 'patient', patientId: props.patientId, tab: 'prescriptions' })}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
