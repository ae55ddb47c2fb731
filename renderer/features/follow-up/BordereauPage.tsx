import { useEffect, useState } from 'react';
import type { Bordereau } from '../../../core/domain/types.ts';
import { destinationLabel } from '../../../core/domain/follow-up.ts';
import { api, openDocumentUrl } from '../../api/client.ts';
import { bordereauStateLabel } from '../../../core/domain/follow-up.ts';
import { useNav } from '../../stores/nav.ts';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { ReasonDialog } from '../../ui/ReasonDialog.tsx';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { FollowUpRowsTable } from './FollowUpTable.tsx';

export function BordereauPage(props: { bordereauId: number }) {
  const go = useNav((s) => s.go);
  const [bordereau, setBordereau] = useState<Bordereau | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [cancelling, setCancelling] = useState<{ error: string | null } | null>(null);

  useEffect(() => {
    void api.call('bordereaux/get', { id: props.bordereauId }).then((r) => (r.ok ? setBordereau(r.value) : setMessage({ kind: 'error', text: r.error.message_fr })));
  }, [props.bordereauId]);

  if (!bordereau) return <p className="empty">{message?.text ?? 'Chargement…'}</p>;

  async function reprint() {
    const r = await api.call('bordereaux/print', { id: bordereau!.id });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'info', text: bordereau!.printed ? 'Duplicata du bordereau généré.' : 'Bordereau généré.' });
    void api.call('bordereaux/get', { id: bordereau!.id }).then((g) => g.ok && setBordereau(g.value));
    if (r.value.url) openDocumentUrl(r.value.url);
  }

  /** The feuilles de soins of the bordereau, in one PDF, to join to it. */
  async function printFeuilles() {
    const r = await api.call('invoices/print-batch', { kind: 'bordereau', bordereauId: bordereau!.id });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'info', text: `${r.value.count} feuille${r.value.count > 1 ? 's' : ''} de soins dans un seul document.` });
    if (r.value.document.url) openDocumentUrl(r.value.document.url);
  }

  async function cancel(reason: string) {
    const r = await api.call('bordereaux/cancel', { id: bordereau!.id, reason });
    if (!r.ok) return setCancelling({ error: r.error.message_fr });
    setCancelling(null);
    setBordereau(r.value);
    setMessage({ kind: 'info', text: `Bordereau n° ${r.value.number} annulé : ses factures non annulées redeviennent « à envoyer ».` });
  }

  const b = bordereau;
  return (
    <section>
      <div className="page-header">
        <button type="button" className="link" onClick={() => go({ name: 'suivi', tab: 'bordereaux' })}>
          ← Bordereaux
        </button>
        <h1>
          Bordereau n° {b.number} <span className={`badge badge--${bordereauStateLabel(b).tone}`}>{bordereauStateLabel(b).label}</span>
        </h1>
      </div>
      <MessageNotice message={message} />
      {b.cancelledAt ? <Notice kind="error">Bordereau annulé : {b.cancelReason}</Notice> : null}
      <div className="panel">
        <dl className="kv">
          <dt>Envoyé le</dt>
          <dd>{formatFrDate(b.sentOn)}</dd>
          <dt>Destinataire</dt>
          <dd>{destinationLabel(b)}</dd>
          <dt>Factures</dt>
          <dd>{b.invoiceCount}</dd>
          <dt>Montant total</dt>
          <dd>{formatEuros(b.totalCents)}</dd>
          <dt>À payer par la caisse</dt>
          <dd>
            <strong>{formatEuros(b.expectedCents)}</strong>
          </dd>
        </dl>
        <FollowUpRowsTable rows={b.invoices} label="Factures du bordereau" empty="Aucune facture." />
      </div>
      <div className="action-bar">
        <button type="button" onClick={() => void reprint()}>
          {b.printed ? 'Réimprimer (duplicata)' : 'Imprimer'}
        </button>
        <button type="button" onClick={() => void printFeuilles()}>
          Imprimer les feuilles
        </button>
        {b.cancelledAt ? null : (
          <button type="button" className="danger" onClick={() => setCancelling({ error: null })}>
            Annuler le bordereau
          </button>
        )}
      </div>
      {cancelling ? (
        <ReasonDialog
          title={`Annuler le bordereau n° ${b.number}`}
          explanation="Le bordereau reste dans l'historique, marqué annulé, et garde son numéro. Ses factures non annulées redeviennent « à envoyer »."
          label="Motif d'annulation"
          confirmLabel="Annuler le bordereau"
          error={cancelling.error}
          onConfirm={(reason) => void cancel(reason)}
          onClose={() => setCancelling(null)}
        />
      ) : null}
    </section>
  );
}
