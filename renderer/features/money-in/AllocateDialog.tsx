import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { BordereauSummary, FollowUpRow } from '../../../core/domain/types.ts';
import type { Transfer, TransferOutcome } from '../../../core/domain/money-in.ts';
import { payerLabels } from '../../../core/domain/follow-up.ts';
import { parseEuros } from '../../../core/domain/money.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { DialogActions } from '../../ui/DialogActions.tsx';
import { DateField, isoToFr, readRequiredDate, SelectField, TextField } from '../../ui/fields.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { formatEuros, formatFrDate } from '../../ui/format.ts';

type Payer = 'amo' | 'amc' | 'patient';

/**
 * Points money received to what it pays: a whole bordereau, or invoices ticked in a list with the remainder
 * shown as they are ticked. For a bank credit the amount and date are the bank's; for a cheque or cash
 * entered at the desk they are typed; for the credit left on a transfer (« Répartir le crédit »), the amount
 * is that credit and the payer the transfer's.
 */
export function AllocateDialog(props: {
  practitionerId: number;
  today: string;
  bankLine?: { id: number; amountCents: number; bookedOn: string; label: string };
  /** The transfer whose credit is spread. */
  credit?: Transfer;
  onClose(): void;
  onSaved(outcome: TransferOutcome): void;
}) {
  const line = props.bankLine;
  const credit = props.credit;
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(isoToFr(line?.bookedOn ?? props.today));
  const [payer, setPayer] = useState<Payer | ''>(credit?.payer === 'patient' ? 'patient' : '');
  const [mode, setMode] = useState<'virement' | 'cheque' | 'especes'>('virement');
  const [reference, setReference] = useState('');
  const [bordereaux, setBordereaux] = useState<BordereauSummary[]>([]);
  const [invoices, setInvoices] = useState<FollowUpRow[]>([]);
  const [bordereauId, setBordereauId] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.call('bordereaux/list', { practitionerId: props.practitionerId, limit: 100 }).then((r) => r.ok && setBordereaux(r.value.filter((b) => b.cancelledAt === null)));
    void api
      .call('follow-up/list', { practitionerId: props.practitionerId, states: ['envoyee', 'payee-partiellement', 'a-envoyer', 'a-encaisser'], oldestFirst: true, limit: 500 })
      .then((r) => r.ok && setInvoices(r.value));
  }, [props.practitionerId]);

  const amountCents = line ? line.amountCents : credit ? credit.creditCents : parseEuros(amount);
  // A patient's credit pays patients' shares only; a caisse's or complémentaire's, the tiers-payant shares.
  const payers: Payer[] = credit ? (credit.payer === 'patient' ? ['patient'] : ['amo', 'amc']) : ['amo', 'amc', 'patient'];
  const owedOf = (r: FollowUpRow) => (payer === 'patient' ? r.patientDueCents - r.patientPaidCents : r.expectedCents - r.paidCents);
  const pickedOwed = useMemo(() => invoices.filter((r) => picked.includes(r.invoiceId)).reduce((s, r) => s + Math.max(0, owedOf(r)), 0), [invoices, picked, payer]);
  const remainder = amountCents === null ? null : amountCents - pickedOwed;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const target = bordereauId ? { bordereauId: Number(bordereauId) } : { invoiceIds: picked };
    if (!bordereauId && picked.length === 0) return setError('Choisissez un bordereau ou cochez au moins une facture.');
    const r = credit
      ? await api.call('transfers/allocate-credit', { transferId: credit.id, ...(payer ? { payer } : {}), target })
      : line
      ? await api.call('statements/confirm', { bankLineId: line.id, practitionerId: props.practitionerId, ...(payer ? { payer } : {}), target })
      : await (async () => {
          const date = readRequiredDate('Date de réception', receivedOn);
          if (date.error) return { ok: false as const, error: { code: 'invalid-input' as const, message_fr: date.error } };
          if (amountCents === null) return { ok: false as const, error: { code: 'invalid-input' as const, message_fr: 'Montant reçu : un montant en euros est attendu (ex. 31,89).' } };
          return api.call('transfers/record', { practitionerId: props.practitionerId, receivedOn: date.iso!, amountCents, mode, reference, ...(payer ? { payer } : {}), target });
        })();
    if (!r.ok) return setError(r.error.message_fr);
    props.onSaved(r.value);
  }

  return (
    <Dialog title={credit ? 'Répartir le crédit' : line ? 'Pointer le crédit à la main' : 'Saisir un paiement reçu'} onClose={props.onClose} wide>
      <form onSubmit={submit} noValidate>
        {credit ? (
          <p>
            Crédit restant sur le paiement du {formatFrDate(credit.receivedOn)} ({payerLabels[credit.payer]}, {formatEuros(credit.amountCents)}
            {credit.reference ? ` — ${credit.reference}` : ''}) : <strong>{formatEuros(credit.creditCents)}</strong>. Chaque facture cochée reçoit ce qu'elle doit
            encore à ce payeur ; le reste demeure en crédit.
          </p>
        ) : line ? (
          <p>
            Crédit du {formatFrDate(line.bookedOn)} : <strong>{formatEuros(line.amountCents)}</strong> — {line.label}
          </p>
        ) : (
          <div className="form-grid">
            <DateField label="Date de réception" required value={receivedOn} onChange={setReceivedOn} />
            <TextField label="Montant reçu (€)" required value={amount} onChange={setAmount} />
            <SelectField<'virement' | 'cheque' | 'especes'> label="Mode" value={mode} onChange={setMode} options={[{ value: 'virement', label: 'Virement' }, { value: 'cheque', label: 'Chèque' }, { value: 'especes', label: 'Espèces' }]} />
            <TextField label="Référence bancaire" value={reference} onChange={setReference} />
          </div>
        )}
        <div className="form-grid">
          <SelectField<Payer | ''>
            label="Payeur"
            value={payer}
            onChange={setPayer}
            options={[...(credit?.payer === 'patient' ? [] : [{ value: '' as const, label: 'Selon les factures (AME, sinon caisse)' }]), ...payers.map((p) => ({ value: p, label: payerLabels[p] }))]}
          />
          <SelectField
            label="Bordereau entier"
            value={bordereauId}
            onChange={(v) => (setBordereauId(v), setPicked([]))}
            options={[{ value: '', label: '— Factures cochées ci-dessous —' }, ...bordereaux.map((b) => ({ value: String(b.id), label: `Bordereau n° ${b.number} du ${formatFrDate(b.sentOn)} — ${formatEuros(b.expectedCents)}` }))]}
          />
        </div>
        {!bordereauId ? (
          <fieldset className="allocate-list">
            <legend>{credit ? 'Factures payées par ce crédit' : 'Factures payées par ce paiement'}</legend>
            {invoices.length === 0 ? <p className="empty">Aucune facture en attente.</p> : null}
            {invoices.map((r) => (
              <label key={r.invoiceId} className="allocate-list__row">
                <input type="checkbox" checked={picked.includes(r.invoiceId)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.invoiceId] : p.filter((id) => id !== r.invoiceId)))} />
                <span>n° {r.number}</span>
                <span>{r.patientName}</span>
                <span>{r.bordereau ? `bordereau n° ${r.bordereau.number}` : 'non envoyée'}</span>
                <span className="num">reste {formatEuros(Math.max(0, owedOf(r)))}</span>
              </label>
            ))}
            {remainder !== null && picked.length > 0 ? (
              <p role="status" className={remainder < 0 ? 'warn' : undefined}>
                {remainder === 0
                  ? 'Le paiement couvre exactement les factures cochées.'
                  : remainder > 0
                    ? `Reste non réparti : ${formatEuros(remainder)} (gardé en crédit).`
                    : `Il manque ${formatEuros(-remainder)} : la dernière facture restera en partie due.`}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {error ? <Notice kind="error">{error}</Notice> : null}
        <DialogActions submitLabel="Enregistrer" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
