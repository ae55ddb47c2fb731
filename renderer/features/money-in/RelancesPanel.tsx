import { useEffect, useState } from 'react';
import type { RelanceDue } from '../../../core/domain/relances.ts';
import { api, openDocumentUrl } from '../../api/client.ts';
import { MessageNotice, type NoticeKind } from '../../ui/Notice.tsx';
import { formatEuros, formatFrDate } from '../../ui/format.ts';

/** Relances: invoices unpaid after the delay set per payer (Réglages); one letter per caisse or per patient. */
export function RelancesPanel(props: { practitionerId: number }) {
  const [due, setDue] = useState<RelanceDue[] | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const load = () => api.call('relances/due', { practitionerId: props.practitionerId }).then((r) => r.ok && setDue(r.value));
  useEffect(() => void load(), [props.practitionerId]);
  const key = (d: RelanceDue) => `${d.addressee}-${d.invoiceId}`;

  async function relancer() {
    const chosen = (due ?? []).filter((d) => picked.includes(key(d)));
    if (chosen.length === 0) return setMessage({ kind: 'error', text: 'Cochez les factures à relancer.' });
    const addressee = chosen[0]!.addressee;
    if (chosen.some((d) => d.addressee !== addressee)) return setMessage({ kind: 'error', text: 'Une relance va soit à la caisse, soit au patient : cochez des factures du même destinataire.' });
    const r = await api.call('relances/create', { practitionerId: props.practitionerId, addressee, invoiceIds: chosen.map((d) => d.invoiceId) });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage(
      r.value.document
        ? { kind: 'ok', text: `Relance n° ${r.value.relance.id} imprimée (${r.value.document.fileName}) et notée sur chaque facture.` }
        : { kind: 'warn', text: `Relance n° ${r.value.relance.id} enregistrée, mais le PDF n'a pas pu être produit.` },
    );
    if (r.value.document?.url) openDocumentUrl(r.value.document.url);
    setPicked([]);
    void load();
  }

  return (
    <div>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void relancer()}>
          Relancer
        </button>
        <span className="muted">Les délais avant relance se règlent dans Réglages (par payeur).</span>
      </div>
      <MessageNotice message={message} />
      {due === null ? null : due.length === 0 ? (
        <p className="empty">Aucune facture à relancer.</p>
      ) : (
        <table className="table" aria-label="Factures à relancer">
          <thead>
            <tr>
              <th>
                <span className="sr-only">Choisir</span>
              </th>
              <th>Facture</th>
              <th>Patient</th>
              <th>Destinataire</th>
              <th>Depuis</th>
              <th className="num">Reste dû</th>
              <th>Dernière relance</th>
            </tr>
          </thead>
          <tbody>
            {due.map((d) => (
              <tr key={key(d)}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Relancer la facture n° ${d.number} (${d.addressee === 'caisse' ? 'caisse' : 'patient'})`}
                    checked={picked.includes(key(d))}
                    onChange={(e) => setPicked((p) => (e.target.checked ? [...p, key(d)] : p.filter((k) => k !== key(d))))}
                  />
                </td>
                <td>n° {d.number}</td>
                <td>
                  {d.patientName} {d.ame ? <span className="badge badge--ok">AME</span> : null}
                </td>
                <td>{d.addressee === 'caisse' ? `Caisse ${d.regime ?? ''} ${d.caisse ?? ''}` : 'Patient (sa part)'}</td>
                <td>
                  {formatFrDate(d.since)} ({d.days} jours)
                </td>
                <td className="num">{formatEuros(d.awaitedCents)}</td>
                <td>{d.lastRelanceOn ? `${formatFrDate(d.lastRelanceOn)} (${d.relanceCount})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
