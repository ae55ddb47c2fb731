import { rejectionReason } from '../../../core/domain/rejection-reasons.ts';
import { useEffect, useState } from 'react';
import type { InvoiceFollowUp, Payment } from '../../../core/domain/types.ts';
import { payerLabels, paymentModeLabels } from '../../../core/domain/follow-up.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { ReasonDialog } from '../../ui/ReasonDialog.tsx';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { FollowUpBadge } from './FollowUpBadge.tsx';
import { PaymentDialog } from './PaymentDialog.tsx';
import { RejectionDialog } from './RejectionDialog.tsx';

type Dialogs = { kind: 'payment' } | { kind: 'rejection' } | { kind: 'cancel-payment'; payment: Payment; error: string | null } | null;

/** The last cell of a history row: what undid it, or the button that undoes it. */
function UndoCell(props: { undone: boolean; undoneLabel: string; actionLabel: string; onAction(): void }) {
  return (
    <td>
      {props.undone ? (
        <span className="badge badge--muted">{props.undoneLabel}</span>
      ) : (
        <button type="button" onClick={props.onAction}>
          {props.actionLabel}
        </button>
      )}
    </td>
  );
}

/** Where a validated invoice stands: its bordereau, what the caisse paid, a rejection. */
export function InvoiceFollowUpTab(props: { invoiceId: number; today: string }) {
  const go = useNav((s) => s.go);
  const [followUp, setFollowUp] = useState<InvoiceFollowUp | null>(null);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void api.call('follow-up/invoice', { id: props.invoiceId }).then((r) => (r.ok ? setFollowUp(r.value) : setMessage({ kind: 'error', text: r.error.message_fr })));
  }, [props.invoiceId]);

  if (!followUp) return <p className="empty">{message?.text ?? 'Chargement…'}</p>;
  const { row, payments, rejections, relances } = followUp;
  const saved = (f: InvoiceFollowUp, text: string) => {
    setDialog(null);
    setFollowUp(f);
    setMessage({ kind: 'ok', text });
  };

  async function cancelPayment(payment: Payment, reason: string) {
    const r = await api.call('payments/cancel', { paymentId: payment.id, reason });
    if (!r.ok) return setDialog({ kind: 'cancel-payment', payment, error: r.error.message_fr });
    saved(r.value, 'Paiement annulé.');
  }

  async function withdraw(rejectionId: number) {
    const r = await api.call('rejections/withdraw', { rejectionId });
    if (r.ok) saved(r.value, 'Rejet retiré.');
    else setMessage({ kind: 'error', text: r.error.message_fr });
  }

  const patientOwes = Math.max(0, row.patientDueCents - row.patientPaidCents);
  const canPay = row.state === 'a-envoyer' || row.state === 'a-encaisser' || row.state === 'envoyee' || row.state === 'payee-partiellement' || (row.state === 'rejetee' && patientOwes > 0);
  const canReject = row.bordereau !== null && (row.state === 'envoyee' || row.state === 'payee-partiellement');
  return (
    <div className="panel">
      <MessageNotice message={message} />
      <dl className="kv">
        <dt>État</dt>
        <dd>
          <FollowUpBadge state={row.state} overdue={row.overdue} />
        </dd>
        <dt>À recevoir de la caisse</dt>
        <dd>{formatEuros(row.expectedCents)}</dd>
        <dt>Reçu de la caisse</dt>
        <dd>{formatEuros(row.paidCents)}</dd>
        <dt>Reste à recevoir de la caisse</dt>
        <dd>
          <strong>{formatEuros(Math.max(0, row.expectedCents - row.paidCents))}</strong>
        </dd>
        <dt>Part du patient</dt>
        <dd>
          {formatEuros(row.patientDueCents)}
          {row.patientDueCents > 0 ? ` — reçu ${formatEuros(row.patientPaidCents)}, reste ${formatEuros(patientOwes)}` : ' (rien à régler)'}
        </dd>
        <dt>Bordereau</dt>
        <dd>
          {row.bordereau ? (
            <button type="button" className="link" onClick={() => go({ name: 'bordereau', bordereauId: row.bordereau!.id })}>
              n° {row.bordereau.number}, envoyé le {formatFrDate(row.bordereau.sentOn)}
            </button>
          ) : row.state === 'a-envoyer' ? (
            <button type="button" className="link" onClick={() => go({ name: 'suivi', tab: 'a-envoyer' })}>
              pas encore envoyée — voir « À envoyer »
            </button>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {row.expectedCents === 0 ? (
        <Notice kind="info">Rien à recevoir de la caisse : le patient règle la totalité et adresse lui-même sa feuille de soins à sa caisse.</Notice>
      ) : null}
      {rejections.length > 0 ? <h3>Rejets</h3> : null}
      {rejections.length > 0 ? (
        <table className="table" aria-label="Rejets">
          <thead>
            <tr>
              <th>Rejet du</th>
              <th>Motif</th>
              <th>État</th>
            </tr>
          </thead>
          <tbody>
            {rejections.map((r) => (
              <tr key={r.id}>
                <td>{formatFrDate(r.rejectedOn)}</td>
                <td>
                  {r.reason}
                  {r.reasonCode && rejectionReason(r.reasonCode) ? <div className="muted">À faire : {rejectionReason(r.reasonCode)!.fix}</div> : null}
                </td>
                <UndoCell undone={r.withdrawnAt !== null} undoneLabel="Retiré" actionLabel="Retirer le rejet" onAction={() => void withdraw(r.id)} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {relances.length > 0 ? <h3>Relances</h3> : null}
      {relances.length > 0 ? (
        <ul aria-label="Relances">
          {relances.map((r) => (
            <li key={r.relanceId}>
              Relance n° {r.relanceId} du {formatFrDate(r.sentOn)} {r.addressee === 'caisse' ? 'à la caisse' : 'au patient'} — {formatEuros(r.awaitedCents)} attendus
            </li>
          ))}
        </ul>
      ) : null}
      {payments.length > 0 ? <h3>Paiements reçus</h3> : null}
      {payments.length > 0 ? (
        <table className="table" aria-label="Paiements reçus">
          <thead>
            <tr>
              <th>Reçu le</th>
              <th className="num">Montant</th>
              <th>Payeur</th>
              <th>Mode</th>
              <th>Référence</th>
              <th>État</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id} className={p.cancelledAt ? 'row--cancelled' : undefined}>
                <td>{formatFrDate(p.receivedOn)}</td>
                <td className="num">{formatEuros(p.amountCents)}</td>
                <td>{payerLabels[p.payer]}</td>
                <td>{paymentModeLabels[p.mode]}</td>
                <td>{p.reference ?? '—'}</td>
                <UndoCell
                  undone={p.cancelledAt !== null}
                  undoneLabel={`Annulé${p.cancelReason ? ` : ${p.cancelReason}` : ''}`}
                  actionLabel="Annuler ce paiement"
                  onAction={() => setDialog({ kind: 'cancel-payment', payment: p, error: null })}
                />
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canPay ? (
        <div className="form-actions">
          {canReject ? (
            <button type="button" className="danger" onClick={() => setDialog({ kind: 'rejection' })}>
              Signaler un rejet
            </button>
          ) : null}
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'payment' })}>
            Enregistrer un paiement
          </button>
        </div>
      ) : null}
      {dialog?.kind === 'payment' ? (
        <PaymentDialog followUp={followUp} today={props.today} onClose={() => setDialog(null)} onSaved={(f) => saved(f, 'Paiement enregistré.')} />
      ) : null}
      {dialog?.kind === 'rejection' ? (
        <RejectionDialog followUp={followUp} today={props.today} onClose={() => setDialog(null)} onSaved={(f) => saved(f, 'Rejet enregistré.')} />
      ) : null}
      {dialog?.kind === 'cancel-payment' ? (
        <ReasonDialog
          title={`Annuler le paiement de ${formatEuros(dialog.payment.amountCents)}`}
          explanation="Le paiement reste dans l'historique, marqué annulé ; il ne compte plus dans le montant reçu."
          label="Motif d'annulation"
          confirmLabel="Annuler le paiement"
          error={dialog.error}
          onConfirm={(reason) => void cancelPayment(dialog.payment, reason)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
