import { useEffect, useState, type FormEvent } from 'react';
import type { Exoneration, Prescriber, Prescription, Profession } from '../../../core/domain/types.ts';
import { exonerationOptions } from '../../../core/domain/exoneration.ts';
import { isKeyLetter } from '../../../core/domain/acts.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { CheckboxField, DateField, SelectField, TextArea, TextField, frToIso, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';
import { DialogActions } from '../../ui/DialogActions.tsx';
import { formatFrDate } from '../../ui/format.ts';

export const AME_BOX_LABEL = 'aide médicale de base - AME';

/**
 * The prescription window: prescriber, date, the box « aide médicale de base - AME », exonération,
 * acts prescribed. For a 7/8 number the AME box is proposed, never forced (seed 000).
 */
export function PrescriptionDialog(props: {
  patientId: number;
  amePossible: boolean;
  /** Whose prescription it is (the practitioner billing, or the current one): its catalogue's acts are offered. */
  profession: Profession | null;
  onClose(): void;
  onSaved(p: Prescription): void;
}) {
  const [prescribers, setPrescribers] = useState<Prescriber[] | null>(null);
  const [prescriberId, setPrescriberId] = useState('new');
  const [codes, setCodes] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [newPrescriber, setNewPrescriber] = useState({ lastName: '', firstName: '', identifier: '', specialty: '' });
  const [date, setDate] = useState('');
  const [ame, setAme] = useState(false);
  const [exoneration, setExoneration] = useState<Exoneration>('aucune');
  const [plannedActs, setPlannedActs] = useState('');
  const [sessions, setSessions] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [rightsOnFile, setRightsOnFile] = useState<string | null>(null);

  // AME rights in force on file: the box is ticked from the start (the user can untick it).
  useEffect(() => {
    void api.call('coverages/list', { patientId: props.patientId }).then((r) => {
      if (!r.ok) return;
      const current = r.value.find((c) => c.organism.isAme && (c.state === 'en-cours' || c.state === 'expire-bientot'));
      if (!current) return;
      setRightsOnFile(`du ${formatFrDate(current.startDate)} au ${formatFrDate(current.endDate)}`);
      setAme(true);
      setExoneration('aucune');
    });
  }, [props.patientId]);

  // The prescriber defaults to the one of the patient's latest prescription, else the first known one: a new
  // prescriber only when none is known (issue #19 item 8). The form waits for the list, so it never flashes « new ».
  useEffect(() => {
    void Promise.all([api.call('prescribers/list', {}), api.call('prescriptions/list', { patientId: props.patientId })]).then(([r, own]) => {
      if (!r.ok) return setPrescribers([]);
      setPrescribers(r.value);
      const latest = own.ok ? own.value[0]?.prescriber.id : undefined;
      const chosen = r.value.find((p) => p.id === latest) ?? r.value[0];
      if (chosen) setPrescriberId(String(chosen.id));
    });
  }, [props.patientId]);
  // The acts of the profession's catalogue, picked as written on the prescription (issue #19 item 9).
  useEffect(() => {
    if (!props.profession) return;
    void api.call('tariffs/list', { profession: props.profession }).then((t) => t.ok && setCodes([...new Set(t.value.map((x) => x.code).filter(isKeyLetter))].sort()));
  }, [props.profession]);

  const tickAme = (on: boolean) => {
    setAme(on);
    if (on) setExoneration('aucune');
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    let id = Number(prescriberId);
    if (prescriberId === 'new') {
      const r = await api.call('prescribers/create', newPrescriber);
      if (!r.ok) {
        setErrors(fieldErrors(r.error));
        return setMessage(formMessage(r.error));
      }
      id = r.value.id;
      setPrescribers((list) => [...(list ?? []), r.value]);
      setPrescriberId(String(id));
    }
    const iso = frToIso(date);
    const r = await api.call('prescriptions/create', {
      patientId: props.patientId,
      prescriberId: id,
      prescriptionDate: iso === null || iso === 'invalid' ? date : iso,
      ame,
      exoneration,
      plannedActs,
      profession: props.profession,
      prescribedActs: picked,
      // Kiné: how many sessions were prescribed (printed « séance n / total »); a non-number is left to the API to refuse.
      sessionsPrescribed: sessions.trim() === '' ? null : /^\d+$/.test(sessions.trim()) ? Number(sessions.trim()) : (sessions as unknown as number),
    });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      return setMessage(formMessage(r.error));
    }
    props.onSaved(r.value);
  }

  if (prescribers === null) return null;
  return (
    <Dialog title="Nouvelle prescription" onClose={props.onClose} wide>
      <form onSubmit={submit} noValidate>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <div className="form-grid">
          <SelectField
            label="Prescripteur"
            value={prescriberId}
            onChange={setPrescriberId}
            options={[
              ...(prescribers ?? []).map((p) => ({ value: String(p.id), label: `Dr ${p.lastName.toUpperCase()} ${p.firstName}${p.specialty ? ` (${p.specialty})` : ''}` })),
              { value: 'new', label: '+ Nouveau prescripteur' },
            ]}
          />
          <DateField label="Date de prescription" required value={date} onChange={setDate} error={errors.prescriptionDate} autoFocus />
        </div>
        {prescriberId === 'new' ? (
          <div className="form-grid">
            <TextField label="Nom du prescripteur" required value={newPrescriber.lastName} onChange={(v) => setNewPrescriber({ ...newPrescriber, lastName: v })} error={errors.lastName} />
            <TextField label="Prénom du prescripteur" required value={newPrescriber.firstName} onChange={(v) => setNewPrescriber({ ...newPrescriber, firstName: v })} error={errors.firstName} />
            <TextField label="Identifiant (AM ou RPPS)" required inputMode="numeric" maxLength={16} value={newPrescriber.identifier} onChange={(v) => setNewPrescriber({ ...newPrescriber, identifier: v })} error={errors.identifier} />
            <TextField label="Spécialité" value={newPrescriber.specialty} onChange={(v) => setNewPrescriber({ ...newPrescriber, specialty: v })} />
          </div>
        ) : null}
        {props.amePossible && !ame ? (
          <Notice kind="warn">
            Ce patient est susceptible de bénéficier de l'AME (numéro commençant par 7 ou 8). Vérifiez l'attestation.{' '}
            <button type="button" onClick={() => tickAme(true)}>
              Cocher « {AME_BOX_LABEL} »
            </button>
          </Notice>
        ) : null}
        <div className="form-grid">
          <CheckboxField label={AME_BOX_LABEL} checked={ame} onChange={tickAme} />
          <SelectField label="Exonération" value={exoneration} onChange={(v) => setExoneration(v)} options={exonerationOptions} hint={ame ? "AME de base : pas d'exonération." : undefined} />
        </div>
        {rightsOnFile && ame ? <p className="muted">Case « {AME_BOX_LABEL} » cochée d'office : droits AME enregistrés {rightsOnFile}.</p> : null}
        {codes.length > 0 ? (
          <fieldset className="act-chips">
            <legend>Lettres-clés prescrites</legend>
            <p className="muted small">Cochez les actes de la prescription : l'alerte « acte non prescrit » ne porte que sur eux.</p>
            <div role="group" aria-label="Lettres-clés prescrites" className="act-chips__list">
              {codes.map((c) => (
                <button
                  key={c}
                  type="button"
                  className="chip"
                  aria-pressed={picked.includes(c)}
                  onClick={() => setPicked((list) => (list.includes(c) ? list.filter((x) => x !== c) : [...list, c]))}
                >
                  {c}
                </button>
              ))}
            </div>
          </fieldset>
        ) : null}
        <TextArea label="Actes prescrits" value={plannedActs} onChange={setPlannedActs} rows={2} hint="Tels qu'écrits sur l'ordonnance (posologie, durée…)." />
        {props.profession !== 'infirmier' ? (
          <TextField label="Nombre de séances prescrites" inputMode="numeric" maxLength={3} value={sessions} onChange={setSessions} error={errors.sessionsPrescribed} hint="Kinésithérapie : imprimé à côté du numéro de chaque séance." />
        ) : null}
        <DialogActions submitLabel="Enregistrer la prescription" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
