import { useEffect, useState } from 'react';
import type { Transfer } from '../../../core/domain/money-in.ts';
import { payerLabels, paymentModeLabels } from '../../../core/domain/follow-up.ts';
import { api } from '../../api/client.ts';
import { MessageNotice, type NoticeKind } from '../../ui/Notice.tsx';
import { ReasonDialog } from '../../ui/ReasonDialog.tsx';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { AllocateDialog } from './AllocateDialog.tsx';

/** Virements: every payment received, what it paid, its credit; cancelling one undoes all its allocations. */
export function TransfersPanel(props: { practitionerId: number; today: string; creditOnly?: boolean; onChanged(): void }) {
  const [transfers, setTransfers] = useState<Transfer[] | null>(null);
  const [creditOnly, setCreditOnly] = useState(props.creditOnly ?? false);
  const [spreading, setSpreading] = useState<Transfer | null>(null);
  const [cancelling, setCancelling] = useState<Transfer | null>(null);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);
  const [message, setMessage] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const load = () => api.call('transfers/list', { practitionerId: props.practitionerId, withCredit: creditOnly, limit: 200 }).then((r) => r.ok && setTransfers(r.value));
  useEffect(() => void load(), [props.practitionerId, creditOnly]);

  async function cancel(reason: string) {
    const r = await api.call('transfers/cancel', { id: cancelling!.id, reason });
    if (!r.ok) return setCancelError(r.error.message_fr);
    setCancelling(null);
    setMessage({ kind: 'ok', text: `Virement annulé : ses ${r.value.allocations.length} facture(s) attendent de nouveau leur paiement.` });
    props.onChanged();
    void load();
  }

  return (
    <div>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEntering(true)}>
          Saisir un paiement reçu
        </button>
        <label className="field--checkbox">
          <input type="checkbox" checked={creditOnly} onChange={(e) => setCreditOnly(e.target.checked)} /> Seulement les crédits non répartis
        </label>
      </div>
      <MessageNotice message={message} />
      {transfers === null ? null : transfers.length === 0 ? (
        <p className="empty">Aucun paiement enregistré.</p>
      ) : (
        <table className="table" aria-label="Paiements reçus">
          <thead>
            <tr>
              <th>Reçu le</th>
              <th>Payeur</th>
              <th>Mode</th>
              <th>Référence</th>
              <th>Factures</th>
              <th className="num">Montant</th>
              <th className="num">Crédit</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {transfers.map((t) => (
              <tr key={t.id} className={t.cancelledAt ? 'row--cancelled' : undefined}>
                <td>{formatFrDate(t.receivedOn)}</td>
                <td>{payerLabels[t.payer]}</td>
                <td>{paymentModeLabels[t.mode]}</td>
                <td>{t.reference ?? '—'}</td>
                <td>{t.allocations.map((a) => `n° ${a.invoiceNumber}`).join(', ') || '—'}</td>
                <td className="num">{formatEuros(t.amountCents)}</td>
                <td className="num">{t.creditCents > 0 ? <span className="badge badge--warn">{formatEuros(t.creditCents)}</span> : '—'}</td>
                <td>
                  {t.cancelledAt ? (
                    <span className="muted">Annulé : {t.cancelReason}</span>
                  ) : (
                    <div className="row-actions">
                      {t.creditCents > 0 ? (
                        <button type="button" onClick={() => setSpreading(t)}>
                          Répartir le crédit…
                        </button>
                      ) : null}
                      <button type="button" onClick={() => (setCancelError(null), setCancelling(t))}>
                        Annuler le virement
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cancelling ? (
        <ReasonDialog
          title={`Annuler le paiement de ${formatEuros(cancelling.amountCents)} du ${formatFrDate(cancelling.receivedOn)}`}
          explanation={`Ses ${cancelling.allocations.length} répartition(s) seront défaites : les factures attendront de nouveau ce paiement. Le paiement reste dans l'historique, marqué annulé.`}
          label="Motif de l'annulation"
          confirmLabel="Annuler le virement"
          error={cancelError}
          onConfirm={(reason) => void cancel(reason)}
          onClose={() => setCancelling(null)}
        />
      ) : null}
      {entering || spreading ? (
        <AllocateDialog
          practitionerId={props.practitionerId}
          today={props.today}
          {...(spreading ? { credit: spreading } : {})}
          onClose={() => (setEntering(false), setSpreading(null))}
          onSaved={(o) => {
            setEntering(false);
            setSpreading(null);
            setMessage({ kind: 'ok', text: o.message_fr });
            props.onChanged();
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
