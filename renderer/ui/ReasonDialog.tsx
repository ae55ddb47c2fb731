import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';
import { TextField } from './fields.tsx';
import { DialogActions } from './DialogActions.tsx';

/** Asks for a reason before an irreversible step (cancel an invoice, a bordereau, a payment…). */
export function ReasonDialog(props: {
  title: string;
  explanation: ReactNode;
  label: string;
  confirmLabel: string;
  error: string | null;
  onConfirm(reason: string): void;
  onClose(): void;
}) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onConfirm(reason);
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <p>{props.explanation}</p>
        <TextField label={props.label} required autoFocus value={reason} onChange={setReason} error={props.error ?? undefined} />
        <DialogActions submitLabel={props.confirmLabel} onCancel={props.onClose} cancelLabel="Retour" tone="danger" />
      </form>
    </Dialog>
  );
}
