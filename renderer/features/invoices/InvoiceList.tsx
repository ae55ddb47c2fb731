import { useEffect, useState } from 'react';
import type { InvoiceStatus, InvoiceSummary } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { FollowUpBadge } from '../follow-up/FollowUpBadge.tsx';
import { rowKeys } from '../../ui/row-keys.ts';

const STATUS = { draft: ['Brouillon', 'info'], validated: ['Validée', 'ok'], cancelled: ['Annulée', 'danger'] } as const;

/** Invoices, newest first; a click opens one. Filtered by patient on the patient file. */
export function InvoiceList(props: { patientId?: number; status?: InvoiceStatus }) {
  const go = useNav((s) => s.go);
  const [rows, setRows] = useState<InvoiceSummary[] | null>(null);
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    void api.call('practitioners/list', {}).then((r) => r.ok && setNames(new Map(r.value.map((p) => [p.id, `${p.firstName} ${p.lastName}`]))));
  }, []);
  useEffect(() => {
    void api
      .call('invoices/list', { ...(props.patientId ? { patientId: props.patientId } : {}), ...(props.status ? { status: props.status } : {}), limit: 200 })
      .then((r) => r.ok && setRows(r.value));
  }, [props.patientId, props.status]);
  if (rows === null) return <p className="empty">Chargement…</p>;
  if (rows.length === 0) return <p className="empty">Aucune facture.</p>;
  return (
    <table className="table" aria-label="Factures">
      <thead>
        <tr>
          <th>N°</th>
          <th>Praticien</th>
          {props.patientId ? null : <th>Patient</th>}
          <th>Date des soins</th>
          <th>AME</th>
          <th className="num">Montant</th>
          <th>État</th>
          <th>Suivi</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="clickable" tabIndex={0} onClick={() => go({ name: 'invoice', invoiceId: r.id })} onKeyDown={rowKeys(() => go({ name: 'invoice', invoiceId: r.id }))}>
            <td>{r.number ?? '—'}</td>
            <td>{names.get(r.practitionerId) ?? '—'}</td>
            {props.patientId ? null : <td>{r.patientName}</td>}
            <td>{r.firstActDate ? formatFrDate(r.firstActDate) : '—'}</td>
            <td>{r.ame ? <span className="badge badge--ok">AME</span> : ''}</td>
            <td className="num">{formatEuros(r.totalCents)}</td>
            <td>
              <span className={`badge badge--${STATUS[r.status][1]}`}>{STATUS[r.status][0]}</span>
            </td>
            <td>{r.followUpState && r.status === 'validated' ? <FollowUpBadge state={r.followUpState} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
