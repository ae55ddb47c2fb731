import type { Invoice } from '../../../core/domain/types.ts';
import { lineColumns } from '../../../core/domain/acts.ts';
import { formatEuros, formatFrDate } from '../../ui/format.ts';

/** The billed lines as they print (« AMI 1,5/2 » at 50 %), optionally with why each is priced so. */
export function InvoiceLinesTable({ lines, label, withReasons = false }: { lines: Invoice['lines']; label: string; withReasons?: boolean }) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th>Date</th>
          <th>Acte</th>
          <th className="num">Qté</th>
          <th className="num">Valeur</th>
          <th className="num">Montant</th>
          <th>Qualificatif</th>
          {withReasons ? <th>Pourquoi</th> : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const written = lineColumns(l);
          return (
          <tr key={l.id}>
            <td>{formatFrDate(l.actDate)}</td>
            <td className="mono">{written.act}</td>
            <td className="num">{written.quantity}</td>
            <td className="num">{written.unit}</td>
            <td className="num">{formatEuros(l.amountCents)}</td>
            <td>{l.qualificatif ?? ''}</td>
            {withReasons ? (
              <td>
                {l.explanation ?? ''} {l.ngapArticle ? <span className="muted small">({l.ngapArticle})</span> : null}
              </td>
            ) : null}
          </tr>
          );
        })}
      </tbody>
    </table>
  );
}
