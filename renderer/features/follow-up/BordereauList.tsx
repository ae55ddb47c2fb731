import { useEffect, useState } from 'react';
import type { BordereauSummary } from '../../../core/domain/types.ts';
import { destinationLabel } from '../../../core/domain/follow-up.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { rowKeys } from '../../ui/row-keys.ts';

/** The practitioner's bordereaux, newest first; a click opens one. */
export function BordereauList(props: { practitionerId: number }) {
  const go = useNav((s) => s.go);
  const [rows, setRows] = useState<BordereauSummary[] | null>(null);
  useEffect(() => {
    void api.call('bordereaux/list', { practitionerId: props.practitionerId }).then((r) => r.ok && setRows(r.value));
  }, [props.practitionerId]);
  if (rows === null) return <p className="empty">Chargement…</p>;
  if (rows.length === 0) return <p className="empty">Aucun bordereau pour l'instant : créez-en un depuis l'onglet « À envoyer ».</p>;
  const open = (b: BordereauSummary) => go({ name: 'bordereau', bordereauId: b.id });
  return (
    <table className="table" aria-label="Bordereaux">
      <thead>
        <tr>
          <th>N°</th>
          <th>Envoyé le</th>
          <th>Caisse</th>
          <th className="num">Factures</th>
          <th className="num">À payer par la caisse</th>
          <th>État</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.id} className="clickable" tabIndex={0} onClick={() => open(b)} onKeyDown={rowKeys(() => open(b))}>
            <td>{b.number}</td>
            <td>{formatFrDate(b.sentOn)}</td>
            <td>{destinationLabel(b)}</td>
            <td className="num">{b.invoiceCount}</td>
            <td className="num">{formatEuros(b.expectedCents)}</td>
            <td>{b.cancelledAt ? <span className="badge badge--danger">Annulé</span> : <span className="badge badge--ok">Envoyé</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
