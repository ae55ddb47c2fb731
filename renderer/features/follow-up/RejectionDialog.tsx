import { useState, type FormEvent } from 'react';
import type { InvoiceFollowUp } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { DateField, isoToFr, readRequiredDate, SelectField, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { REJECTION_REASONS, rejectionReason } from '../../../core/domain/rejection-reasons.ts';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';
import { DialogActions } from '../../ui/DialogActions.tsx';

/** The caisse sent the feuille back (courrier, relevé): date and reason, as written by the caisse. */
export function RejectionDialog(props: { followUp: InvoiceFollowUp; today: string; onClose(): void; onSaved(f: InvoiceFollowUp): void }) {
  const { row } = props.followUp;
  const [rejectedOn, setRejectedOn] = useState(isoToFr(props.today));
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');
  const picked = rejectionReason(code);
  // Picking a usual reason writes its label, unless the desk already typed its own words.
  const pick = (next: string) => {
    const label = rejectionReason(next)?.label;
    if (label && next !== 'autre' && (reason === '' || reason === picked?.label)) setReason(label);
    setCode(next);
  };
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const date = readRequiredDate('Date du rejet', rejectedOn);
    if (date.error) return setErrors({ rejectedOn: date.error });
    const r = await api.call('rejections/add', { invoiceId: row.invoiceId, rejectedOn: date.iso!, reason, ...(code ? { reasonCode: code } : {}) });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      return setMessage(formMessage(r.error));
    }
    props.onSaved(r.value);
  }

  return (
    <Dialog title={`Rejet de la facture n° ${row.number}`} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">Après un rejet, corrigez en annulant la facture puis en la refaisant ; la facture rejetée reste dans l'historique.</p>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <div className="form-grid">
          <DateField label="Date du rejet" required autoFocus value={rejectedOn} onChange={setRejectedOn} error={errors.rejectedOn} />
          <SelectField
            label="Motif habituel"
            value={code}
            onChange={pick}
            options={[{ value: '', label: '— Choisir —' }, ...REJECTION_REASONS.map((r) => ({ value: r.code, label: r.label }))]}
            hint={picked ? `À faire : ${picked.fix}` : undefined}
          />
          <TextField label="Motif du rejet" required value={reason} onChange={setReason} error={errors.reason} hint="Tel qu'indiqué par la caisse." />
        </div>
        <DialogActions submitLabel="Enregistrer le rejet" onCancel={props.onClose} tone="danger" />
      </form>
    </Dialog>
  );
}
