import { useState, type FormEvent } from 'react';
import type { Patient } from '../../../core/domain/types.ts';
import { checkNir, isAmePossible, nirProblemMessage } from '../../../core/domain/nir.ts';
import { nirIdentityWarning } from '../../../core/domain/nir-identity.ts';
import { readFrDate } from '../../ui/dates.ts';
import { api } from '../../api/client.ts';
import { DateField, SelectField, TextArea, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';
import { emptyPatientForm, formToInput, patientToForm, type PatientForm } from './patient-form.ts';

export const AME_HINT =
  "Numéro commençant par 7 ou 8 : ce patient est susceptible de bénéficier de l'AME. C'est un indice, pas une preuve : vérifiez l'attestation (certains bénéficiaires ont un numéro commençant par 1 ou 2).";

/** The Identité tab: the patient file typed by hand (no Vitale card). */
export function IdentityForm(props: { patient: Patient | null; onSaved(patient: Patient): void }) {
  const [form, setForm] = useState<PatientForm>(props.patient ? patientToForm(props.patient) : emptyPatientForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof PatientForm>(key: K) => (value: PatientForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // While typing: the key check helps at once; the backend still decides on save.
  const nirCheck = form.nir.replace(/\s/g, '').length >= 15 ? checkNir(form.nir) : null;
  const nirLiveError = nirCheck && !nirCheck.ok ? nirProblemMessage(nirCheck.problem) : undefined;
  // A NIR that contradicts the birth date or sex: a warning, never a refusal (issue #19 item 4).
  const birthIso = readFrDate(form.birthDate, true);
  const identityWarning = nirCheck?.ok && birthIso && form.sex ? nirIdentityWarning(nirCheck.nir.normalized, birthIso, form.sex) : null;

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setMessage(null);
    const input = formToInput(form);
    const r = props.patient
      ? await api.call('patients/update', { id: props.patient.id, patient: input })
      : await api.call('patients/create', input);
    setSaving(false);
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      const top = formMessage(r.error);
      setMessage({ kind: 'error', text: top ?? "Le dossier n'a pas été enregistré : corrigez les champs signalés." });
      return;
    }
    setErrors({});
    setForm(patientToForm(r.value));
    setMessage({ kind: 'ok', text: 'Dossier patient enregistré.' });
    props.onSaved(r.value);
  }

  return (
    <form onSubmit={save} noValidate aria-label="Identité du patient">
      {message ? <Notice kind={message.kind} live>{message.text}</Notice> : null}
      <div className="panel">
        <h2>Identité</h2>
        <div className="form-grid">
          <TextField label="Nom de naissance" required value={form.lastName} onChange={set('lastName')} error={errors.lastName} autoFocus={!props.patient} />
          <TextField label="Nom d'usage" value={form.usageName} onChange={set('usageName')} error={errors.usageName} />
          <TextField label="Prénom" required value={form.firstName} onChange={set('firstName')} error={errors.firstName} />
          <DateField label="Date de naissance" required past value={form.birthDate} onChange={set('birthDate')} error={errors.birthDate} />
          <SelectField
            label="Sexe"
            required
            value={form.sex}
            onChange={set('sex')}
            error={errors.sex}
            options={[
              { value: '', label: '— Choisir —' },
              { value: 'F', label: 'Femme' },
              { value: 'M', label: 'Homme' },
            ]}
          />
        </div>
      </div>
      <div className="panel">
        <h2>Assurance maladie</h2>
        <div className="form-grid">
          <TextField
            label="NIR ou NIA"
            required
            className="span-2"
            value={form.nir}
            onChange={set('nir')}
            maxLength={24}
            error={errors.nir ?? nirLiveError}
            hint="13 caractères et la clé (2 chiffres), espaces acceptés ; 2A ou 2B pour la Corse."
          />
          <TextField label="Rang de naissance" inputMode="numeric" maxLength={1} value={form.birthRank} onChange={set('birthRank')} error={errors.birthRank} />
          <TextField label="Régime" inputMode="numeric" maxLength={2} value={form.regime} onChange={set('regime')} error={errors.regime} hint="01 : régime général" />
          <TextField label="Caisse" inputMode="numeric" maxLength={3} value={form.caisse} onChange={set('caisse')} error={errors.caisse} hint="La CPAM du patient (ex. 751)" />
          <TextField label="Centre" inputMode="numeric" maxLength={4} value={form.centre} onChange={set('centre')} error={errors.centre} />
          <SelectField
            label="Qualité"
            value={form.quality}
            onChange={set('quality')}
            options={[
              { value: 'assure', label: 'Assuré' },
              { value: 'ayant_droit', label: 'Ayant droit' },
            ]}
          />
        </div>
        {identityWarning ? <Notice kind="warn">{identityWarning}</Notice> : null}
        {isAmePossible(form.nir) ? <Notice kind="warn">{AME_HINT}</Notice> : null}
        {form.quality === 'ayant_droit' ? (
          <div className="form-grid">
            <TextField label="Nom de l'assuré" required value={form.insuredLastName} onChange={set('insuredLastName')} error={errors.insuredLastName} />
            <TextField label="Prénom de l'assuré" required value={form.insuredFirstName} onChange={set('insuredFirstName')} error={errors.insuredFirstName} />
            <TextField label="NIR de l'assuré" value={form.insuredNir} onChange={set('insuredNir')} error={errors.insuredNir} />
            <DateField label="Date de naissance de l'assuré" past value={form.insuredBirthDate} onChange={set('insuredBirthDate')} error={errors.insuredBirthDate} />
          </div>
        ) : null}
      </div>
      <div className="panel">
        <h2>Coordonnées</h2>
        <div className="form-grid">
          <TextField label="Adresse" className="span-2" value={form.addressLine} onChange={set('addressLine')} error={errors.addressLine} />
          <TextField label="Code postal" inputMode="numeric" maxLength={5} value={form.postalCode} onChange={set('postalCode')} error={errors.postalCode} />
          <TextField label="Ville" value={form.city} onChange={set('city')} error={errors.city} />
          <TextField label="Téléphone" type="tel" value={form.phone} onChange={set('phone')} error={errors.phone} />
        </div>
        <TextArea label="Notes" value={form.notes} onChange={set('notes')} error={errors.notes} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          Enregistrer
        </button>
      </div>
    </form>
  );
}
