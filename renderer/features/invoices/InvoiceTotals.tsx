import type { Invoice } from '../../../core/domain/types.ts';
import { formatEuros } from '../../ui/format.ts';

/** Totals as computed by the backend (never recomputed here). */
export function InvoiceTotals({ invoice }: { invoice: Invoice }) {
  return (
    <table className="table totals" aria-label="Totaux">
      <tbody>
        <tr>
          <th>Total</th>
          <td className="num">{formatEuros(invoice.totalCents)}</td>
        </tr>
        <tr>
          <th>Part AMO (caisse, {invoice.amoRate} %)</th>
          <td className="num">{formatEuros(invoice.amoCents)}</td>
        </tr>
        <tr>
          <th>Part AMC ({invoice.amcOrganism ? invoice.amcOrganism.name : 'aucune'}, {invoice.amcRate} %)</th>
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
