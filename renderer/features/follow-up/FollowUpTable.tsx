import { useEffect, useState } from 'react';
import type { MethodInput } from '../../../core/api/contract.ts';
import type { FollowUpRow } from '../../../core/domain/types.ts';
import { actPeriod } from '../../../core/domain/follow-up.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { FollowUpBadge } from './FollowUpBadge.tsx';
import { rowKeys } from '../../ui/row-keys.ts';

/** Invoices with where they stand; a click (or Entrée) opens the invoice on its Suivi tab. */
export function FollowUpRowsTable(props: { rows: readonly FollowUpRow[]; label: string; empty: string }) {
  const go = useNav((s) => s.go);
  if (props.rows.length === 0) return <p className="empty">{props.empty}</p>;
  const open = (r: FollowUpRow) => go({ name: 'invoice', invoiceId: r.invoiceId, tab: 'suivi' });
  return (
    <table className="table" aria-label={props.label}>
      <thead>
        <tr>
          <th>N°</th>
          <th>Patient</th>
          <th>Soins</th>
          <th>Bordereau</th>
          <th className="num">À recevoir</th>
          <th className="num">Reçu</th>
          <th>État</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.invoiceId} className="clickable" tabIndex={0} onClick={() => open(r)} onKeyDown={rowKeys(() => open(r))}>
            <td>{r.number}</td>
            <td>
              {r.patientName} {r.ame ? <span className="badge badge--ok">AME</span> : null}
            </td>
            <td className="nowrap">{actPeriod(r.firstActDate, r.lastActDate)}</td>
            <td className="nowrap">{r.bordereau ? `n° ${r.bordereau.number} du ${formatFrDate(r.bordereau.sentOn)}` : '—'}</td>
            <td className="num">{formatEuros(r.expectedCents)}</td>
            <td className="num">{formatEuros(r.paidCents)}</td>
            <td>
              <FollowUpBadge state={r.state} overdue={r.overdue} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Loads the rows of one follow-up list (a tab of the Suivi screen). */
export function FollowUpList(props: { query: MethodInput<'follow-up/list'>; label: string; empty: string }) {
  const [rows, setRows] = useState<FollowUpRow[] | null>(null);
  const key = JSON.stringify(props.query);
  useEffect(() => {
    void api.call('follow-up/list', props.query).then((r) => r.ok && setRows(r.value));
    // The query object is new on each render: it is compared by value (key).
  }, [key]);
  if (rows === null) return <p className="empty">Chargement…</p>;
  return <FollowUpRowsTable rows={rows} label={props.label} empty={props.empty} />;
}
