import { useState, type FormEvent } from 'react';
import type { IkZone, Practitioner, Profession } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { SelectField, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';

const PROFESSIONS = [
  { value: 'infirmier', label: 'Infirmier·ère' },
  { value: 'masseur-kinesitherapeute', label: 'Masseur-kinésithérapeute' },
] as const;
const IK_ZONES = [
  { value: 'plaine', label: 'Plaine' },
  { value: 'montagne', label: 'Montagne' },
  { value: 'pied-ski', label: 'À pied ou à ski' },
] as const;

const SITUATIONS = [
  { value: 'titulaire', label: 'Titulaire' },
  { value: 'remplacant', label: 'Remplaçant' },
] as const;

/** Practitioner settings: asked at first run, editable later. */
const TARIFF_ZONES = [
  { value: 'metropole' as const, label: 'Métropole' },
  { value: 'dom' as const, label: 'DOM (outre-mer)' },
];

export function PractitionerForm(props: { practitioner?: Practitioner | undefined; onSaved(p: Practitioner): void; onCancel?: () => void }) {
  const p = props.practitioner;
  const [f, setF] = useState({
    profession: (p?.profession ?? 'infirmier') as Profession,
    lastName: p?.lastName ?? '',
    firstName: p?.firstName ?? '',
    amNumber: p?.amNumber ?? '',
    rpps: p?.rpps ?? '',
    addressLine: p?.addressLine ?? '',
    postalCode: p?.postalCode ?? '',
    city: p?.city ?? '',
    phone: p?.phone ?? '',
    ikZone: (p?.ikZone ?? 'plaine') as IkZone,
    tariffZone: (p?.tariffZone ?? 'metropole') as 'metropole' | 'dom',
    situation: (p?.situation ?? 'titulaire') as 'titulaire' | 'remplacant',
    replacedLastName: p?.replaced?.lastName ?? '',
    replacedFirstName: p?.replaced?.firstName ?? '',
    replacedAmNumber: p?.replaced?.amNumber ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  /** Create reports `replaced.lastName`, update `practitioner.replaced.lastName`. */
  const err = (k: string) => errors[k] ?? errors[`practitioner.${k}`];
  const set = <K extends keyof typeof f>(k: K) => (v: (typeof f)[K]) => setF((old) => ({ ...old, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { replacedLastName, replacedFirstName, replacedAmNumber, ...rest } = f;
    const replaced = f.situation === 'remplacant' ? { lastName: replacedLastName, firstName: replacedFirstName, amNumber: replacedAmNumber } : null;
    const input = { ...rest, rpps: f.rpps.trim() === '' ? null : f.rpps, replaced };
    const r = p ? await api.call('practitioners/update', { id: p.id, practitioner: input }) : await api.call('practitioners/create', input);
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      setMessage(formMessage(r.error) ?? 'Enregistrement impossible : corrigez les champs signalés.');
      return;
    }
    setErrors({});
    setMessage(null);
    props.onSaved(r.value);
  }

  return (
    <form onSubmit={submit} noValidate className="panel" aria-label="Praticien">
      {message ? <Notice kind="error">{message}</Notice> : null}
      <div className="form-grid">
        <SelectField label="Profession" value={f.profession} onChange={set('profession')} options={PROFESSIONS} />
        <TextField label="Nom" required value={f.lastName} onChange={set('lastName')} error={errors.lastName} />
        <TextField label="Prénom" required value={f.firstName} onChange={set('firstName')} error={errors.firstName} />
        <TextField label="N° de facturation (AM)" required inputMode="numeric" maxLength={16} value={f.amNumber} onChange={set('amNumber')} error={errors.amNumber} />
        <TextField label="RPPS" inputMode="numeric" maxLength={18} value={f.rpps} onChange={set('rpps')} error={errors.rpps} />
        <TextField label="Adresse du cabinet" required className="span-2" value={f.addressLine} onChange={set('addressLine')} error={errors.addressLine} />
        <TextField label="Code postal" required inputMode="numeric" maxLength={5} value={f.postalCode} onChange={set('postalCode')} error={errors.postalCode} />
        <TextField label="Ville" required value={f.city} onChange={set('city')} error={errors.city} />
        <TextField label="Téléphone" type="tel" value={f.phone} onChange={set('phone')} error={errors.phone} />
        <SelectField label="Zone IK" value={f.ikZone} onChange={set('ikZone')} options={IK_ZONES} hint="Valeur et abattement des indemnités kilométriques (NGAP art. 13)." />
        <SelectField label="Zone tarifaire" value={f.tariffZone} onChange={set('tariffZone')} options={TARIFF_ZONES} hint="Les DOM ont leurs propres valeurs (AMI 3,30 €, AIS 2,70 €…)." />
        <SelectField label="Situation d'exercice" value={f.situation} onChange={set('situation')} options={SITUATIONS} error={err('situation')} />
      </div>
      {f.situation === 'remplacant' ? (
        <fieldset className="form-grid">
          <legend>Praticien remplacé (imprimé sur la feuille de soins)</legend>
          <TextField label="Nom du praticien remplacé" required value={f.replacedLastName} onChange={set('replacedLastName')} error={err('replaced.lastName') ?? err('replaced')} />
          <TextField label="Prénom du praticien remplacé" required value={f.replacedFirstName} onChange={set('replacedFirstName')} error={err('replaced.firstName')} />
          <TextField label="N° de facturation du remplacé (AM)" required inputMode="numeric" maxLength={9} value={f.replacedAmNumber} onChange={set('replacedAmNumber')} error={err('replaced.amNumber')} />
        </fieldset>
      ) : null}
      <div className="form-actions">
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Annuler
          </button>
        ) : null}
        <button type="submit" className="primary">
          Enregistrer le praticien
        </button>
      </div>
    </form>
  );
}
