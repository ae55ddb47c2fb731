import type { Invoice } from '../../../core/domain/types.ts';
import { formatEuros } from '../../ui/format.ts';

/** « AME 0075500017 », the organism's name and number, or « aucune ». */
export function complementaryLabel(invoice: Invoice): string {
  const org = invoice.amcOrganism;
  if (!org) return 'aucune';
  return invoice.ame ? `AME ${org.number}` : `${org.name} ${org.number}`;
}

/** Totals as computed by the backend (never recomputed here), worded as on the feuille de soins. */
export function InvoiceTotals({ invoice, label = 'Totaux' }: { invoice: Invoice; label?: string }) {
  return (
    <table className="table totals" aria-label={label}>
      <tbody>
        <tr>
          <th>Total</th>
          <td className="num">{formatEuros(invoice.totalCents)}</td>
        </tr>
        <tr>
          <th>Part obligatoire (caisse, {invoice.amoRate} %)</th>
          <td className="num">{formatEuros(invoice.amoCents)}</td>
        </tr>
        <tr>
          <th>
            Part complémentaire ({complementaryLabel(invoice)}, {invoice.amcRate} %)
          </th>
          <td className="num">{formatEuros(invoice.amcCents)}</td>
        </tr>
        <tr>
          <th>Reste à payer par le patient</th>
          <td className="num">
            <strong>{formatEuros(invoice.patientCents)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
