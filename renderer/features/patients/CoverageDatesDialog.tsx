import { useState, type FormEvent } from 'react';
import type { Coverage, Organism } from '../../../core/domain/types.ts';
import { proposeAmeEndDate } from '../../../core/domain/dates.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { DateField, TextField, frToIso, isoToFr, readRequiredDate, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';
import { DialogActions } from '../../ui/DialogActions.tsx';

/**
 * Start and end of the rights, then OK (seed 000). Typing the start proposes the end
 * (AME is granted for one year: start + 1 year − 1 day). Used to add and to modify a coverage.
 */
export function CoverageDatesDialog(props: {
  patientId: number;
  organism: Organism;
  coverage?: Coverage | undefined;
  initialStart?: string | undefined;
  onClose(): void;
  onSaved(coverage: Coverage): void;
}) {
  const [start, setStart] = useState(isoToFr(props.coverage?.startDate ?? props.initialStart ?? ''));
  const [end, setEnd] = useState(isoToFr(props.coverage?.endDate ?? (props.initialStart ? proposeAmeEndDate(props.initialStart) : '')));
  const [contractCode, setContractCode] = useState(props.coverage?.contractCode ?? '');
  const [attestationNumber, setAttestationNumber] = useState(props.coverage?.attestationNumber ?? '');
  const [endTouched, setEndTouched] = useState(Boolean(props.coverage));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  const onStart = (value: string) => {
    setStart(value);
    const iso = frToIso(value);
    if (!endTouched && iso && iso !== 'invalid') setEnd(isoToFr(proposeAmeEndDate(iso)));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startDate = readRequiredDate('Début des droits', start);
    const endDate = readRequiredDate('Fin des droits', end);
    if (startDate.error || endDate.error) return setErrors({ startDate: startDate.error, endDate: endDate.error });
    const dates = { startDate: startDate.iso!, endDate: endDate.iso! };
    // The AME card's code contrat and attestation number are printed on the feuille de soins.
    const card = props.organism.isAme ? { contractCode, attestationNumber } : { contractCode: props.coverage?.contractCode ?? null };
    const r = props.coverage
      ? await api.call('coverages/update', { id: props.coverage.id, ...dates, ...card })
      : await api.call('coverages/add', { patientId: props.patientId, organismId: props.organism.id, ...dates, ...card });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      setMessage(formMessage(r.error));
      return;
    }
    props.onSaved(r.value);
  }

  const title = props.organism.isAme ? 'Droits AME' : `Droits — ${props.organism.name}`;
  return (
    <Dialog title={title} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">
          {props.organism.name} ({props.organism.number}) — saisissez les dates figurant sur l'attestation.
        </p>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <div className="form-grid">
          <DateField label="Début des droits" required autoFocus value={start} onChange={onStart} error={errors.startDate} />
          <DateField
            label="Fin des droits"
            required
            value={end}
            onChange={(v) => {
              setEndTouched(true);
              setEnd(v);
            }}
            error={errors.endDate}
            hint={props.organism.isAme ? "L'AME est accordée pour un an : la fin est proposée à partir du début." : undefined}
          />
          {props.organism.isAme ? (
            <>
              <TextField label="Code contrat" maxLength={10} value={contractCode} onChange={setContractCode} error={errors.contractCode} hint="Figurant sur l'attestation (04, 05 ou 06)." />
              <TextField label="N° d'attestation" maxLength={30} value={attestationNumber} onChange={setAttestationNumber} error={errors.attestationNumber} />
            </>
          ) : null}
        </div>
        <DialogActions submitLabel="OK" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
