import { useState, type FormEvent } from 'react';
import type { InvoiceFollowUp, Payer, PaymentMode } from '../../../core/domain/types.ts';
import { defaultPayer, payerLabels, paymentModeLabels } from '../../../core/domain/follow-up.ts';
import { parseEuros } from '../../../core/domain/money.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { DateField, isoToFr, readRequiredDate, SelectField, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';
import { formatEuros } from '../../ui/format.ts';
import { DialogActions } from '../../ui/DialogActions.tsx';

const MODES = (Object.keys(paymentModeLabels) as PaymentMode[]).map((value) => ({ value, label: paymentModeLabels[value] }));

/** « 10,63 » for 1063 cents: how the user types an amount. */
const centsToInput = (cents: number) => formatEuros(cents).replace(/\s*€$/, '').replace(/\u00a0/g, ' ');

/** A payment received from the caisse (virement on the bank statement, most often). Proposes what remains. */
export function PaymentDialog(props: { followUp: InvoiceFollowUp; today: string; onClose(): void; onSaved(f: InvoiceFollowUp): void }) {
  const { row } = props.followUp;
  const [payer, setPayer] = useState<Payer>(defaultPayer(row));
  const remainingOf = (p: Payer) => (p === 'patient' ? row.patientDueCents - row.patientPaidCents : row.expectedCents - row.paidCents);
  const remaining = remainingOf(payer);
  const [receivedOn, setReceivedOn] = useState(isoToFr(props.today));
  const [amount, setAmount] = useState(centsToInput(remaining));
  const [mode, setMode] = useState<PaymentMode>(payer === 'patient' ? 'especes' : 'virement');
  const payers = (Object.keys(payerLabels) as Payer[])
    .filter((p) => (p === 'patient' ? row.patientDueCents > 0 : row.expectedCents > 0 && (p === 'amc') === row.ame))
    .map((value) => ({ value, label: payerLabels[value] }));
  const choosePayer = (p: Payer) => {
    setPayer(p);
    setAmount(centsToInput(Math.max(0, remainingOf(p))));
    setMode(p === 'patient' ? 'especes' : 'virement');
  };
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const date = readRequiredDate('Date de réception', receivedOn);
    const cents = parseEuros(amount);
    const local: FieldErrors = {
      receivedOn: date.error,
      amountCents: cents === null ? 'Montant reçu invalide : écrivez-le en euros, par exemple 10,63.' : undefined,
    };
    if (local.receivedOn || local.amountCents) return setErrors(local);
    const r = await api.call('payments/add', { invoiceId: row.invoiceId, receivedOn: date.iso!, amountCents: cents!, mode, payer, reference });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      return setMessage(formMessage(r.error));
    }
    props.onSaved(r.value);
  }

  return (
    <Dialog title={`Paiement reçu — facture n° ${row.number}`} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">
          Reste à recevoir {payer === 'patient' ? 'du patient' : 'de la caisse'} : <strong>{formatEuros(Math.max(0, remaining))}</strong> sur{' '}
          {formatEuros(payer === 'patient' ? row.patientDueCents : row.expectedCents)}.
        </p>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <div className="form-grid">
          <SelectField label="Payé par" className="span-2" value={payer} onChange={(v) => choosePayer(v as Payer)} options={payers.length > 0 ? payers : [{ value: payer, label: payerLabels[payer] }]} error={errors.payer} />
          <DateField label="Date de réception" required autoFocus value={receivedOn} onChange={setReceivedOn} error={errors.receivedOn} />
          <TextField
            label="Montant reçu (€)"
            required
            inputMode="decimal"
            value={amount}
            onChange={(v) => {
              setAmount(v);
              // A refused amount's message goes once the amount is typed again (issue #19 item 14).
              if (errors.amountCents) {
                setErrors((e) => ({ ...e, amountCents: undefined }));
                setMessage(null);
              }
            }}
            error={errors.amountCents}
          />
          <SelectField label="Mode de paiement" value={mode} onChange={(v) => setMode(v as PaymentMode)} options={MODES} error={errors.mode} />
          <TextField label="Référence" value={reference} onChange={setReference} error={errors.reference} hint="Libellé du relevé bancaire ou n° de chèque (facultatif)." />
        </div>
        <DialogActions submitLabel="Enregistrer le paiement" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
