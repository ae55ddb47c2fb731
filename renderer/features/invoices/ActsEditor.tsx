import { InvoiceLinesTable } from './InvoiceLinesTable.tsx';
import type { Invoice } from '../../../core/domain/types.ts';
import { formatEuros, formatFrDate } from '../../ui/format.ts';
import { ActionsHeader } from '../../ui/ActionsHeader.tsx';
import type { FieldErrors } from '../../ui/fields.tsx';
import { newActRow, type ActRow } from './acts-form.ts';

/** The « Actes » tab: editable rows on a draft, a read-only table once validated. */
export function ActsEditor(props: {
  invoice: Invoice;
  rows: ActRow[];
  codes: string[];
  errors: FieldErrors;
  today: string;
  onChange(rows: ActRow[]): void;
  onSave(): void;
}) {
  const { invoice, rows } = props;
  if (invoice.status !== 'draft') {
    const dropped = invoice.visits.flatMap((v) => v.dropped.map((d) => `${formatFrDate(v.date)} : ${d.explanation}`));
    return (
      <>
      <InvoiceLinesTable lines={invoice.lines} label="Actes" withReasons />
      {dropped.length > 0 ? (
        <ul className="visit-notes" aria-label="Actes non facturés">
          {dropped.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      </>
    );
  }
  const update = (key: number, patch: Partial<ActRow>) => props.onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const lastDate = rows.at(-1)?.actDate || formatFrDate(props.today);
  return (
    <div>
      <datalist id="act-codes">
        {props.codes.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <table className="table acts" aria-label="Actes">
        <thead>
          <tr>
            <th>N°</th>
            <th>Date de l'acte</th>
            <th>Code</th>
            <th>Coefficient</th>
            <th>Quantité</th>
            <th>Taux</th>
            <th className="num">Montant</th>
            <th>Qualificatif</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const stored = invoice.lines[i];
            const err = (field: string) => props.errors[`lines.${i}.${field}`];
            const lineError = err('actDate') ?? err('code') ?? err('coefficient') ?? err('quantity');
            return (
              <tr key={r.key} className={lineError ? 'row--error' : undefined}>
                <td>{i + 1}</td>
                <td>
                  <input aria-label={`Date de l'acte ${i + 1}`} placeholder="jj/mm/aaaa" maxLength={10} value={r.actDate} aria-invalid={err('actDate') ? true : undefined} onChange={(e) => update(r.key, { actDate: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`Code ${i + 1}`} list="act-codes" maxLength={6} className="input-code" value={r.code} aria-invalid={err('code') ? true : undefined} onChange={(e) => update(r.key, { code: e.target.value.toUpperCase() })} />
                </td>
                <td>
                  <input aria-label={`Coefficient ${i + 1}`} inputMode="decimal" className="input-small" value={r.coefficient} aria-invalid={err('coefficient') ? true : undefined} onChange={(e) => update(r.key, { coefficient: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`Quantité ${i + 1}`} inputMode="numeric" className="input-small" value={r.quantity} aria-invalid={err('quantity') ? true : undefined} onChange={(e) => update(r.key, { quantity: e.target.value })} />
                </td>
                <td>
                  <select aria-label={`Taux ${i + 1}`} value={r.ratePercent} onChange={(e) => update(r.key, { ratePercent: e.target.value === '50' ? 50 : 100 })}>
                    <option value={100}>100 %</option>
                    <option value={50}>50 % (2ᵉ acte)</option>
                  </select>
                </td>
                <td className="num">{stored ? formatEuros(stored.amountCents) : '—'}</td>
                <td>{stored?.qualificatif ?? ''}</td>
                <td className="num">
                  <button type="button" aria-label={`Retirer l'acte ${i + 1}`} onClick={() => props.onChange(rows.filter((x) => x.key !== r.key))}>
                    Retirer
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.map((r, i) => {
        const msg = ['actDate', 'code', 'coefficient', 'quantity'].map((f) => props.errors[`lines.${i}.${f}`]).find(Boolean);
        return msg ? (
          <p key={r.key} className="field__error" role="alert">
            {msg.startsWith('Acte') ? msg : `Acte ${i + 1} : ${msg}`}
          </p>
        ) : null;
      })}
      {props.errors.lines ? (
        <p className="field__error" role="alert">
          {props.errors.lines}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={() => props.onChange([...rows, newActRow(lastDate)])}>
          Ajouter un acte
        </button>
        <button type="button" className="primary" onClick={props.onSave}>
          Enregistrer les actes
        </button>
      </div>
    </div>
  );
}
