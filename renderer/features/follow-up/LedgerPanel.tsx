import { useEffect, useState, type FormEvent } from 'react';
import type { LedgerLine } from '../../../core/domain/types.ts';
import { payerLabels, paymentModeLabels } from '../../../core/domain/follow-up.ts';
import { ledgerCsv, ledgerFileName, ledgerTotal } from '../../../core/domain/ledger.ts';
import { addDays, addMonths } from '../../../core/domain/dates.ts';
import { api, downloadText } from '../../api/client.ts';
import { DateField, isoToFr, readRequiredDate, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';
import { formatEuros, formatFrDate, plural } from '../../ui/format.ts';

/** The livre des recettes: payments received over a period (this month by default), exported as CSV. */
export function LedgerPanel(props: { practitionerId: number; practitionerName?: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [lines, setLines] = useState<LedgerLine[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function load(p: { from: string; to: string }) {
    const r = await api.call('payments/ledger', { practitionerId: props.practitionerId, ...p });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      return setMessage(r.error.field ? null : r.error.message_fr);
    }
    setErrors({});
    setMessage(null);
    setPeriod(p);
    setLines(r.value);
  }

  useEffect(() => {
    void api.call('app/info', {}).then((r) => {
      if (!r.ok) return;
      const first = `${r.value.today.slice(0, 8)}01`;
      const last = addDays(addMonths(first, 1), -1);
      setFrom(isoToFr(first));
      setTo(isoToFr(last));
      void load({ from: first, to: last });
    });
    // Loaded once per practitioner; later periods are asked with « Afficher ».
  }, [props.practitionerId]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const f = readRequiredDate('Du', from);
    const t = readRequiredDate('Au', to);
    if (f.error || t.error) return setErrors({ from: f.error, to: t.error });
    void load({ from: f.iso!, to: t.iso! });
  }

  return (
    <div>
      <form className="toolbar" onSubmit={submit} noValidate aria-label="Période des recettes">
        <DateField label="Du" value={from} onChange={setFrom} error={errors.from} />
        <DateField label="Au" value={to} onChange={setTo} error={errors.to} />
        <button type="submit">Afficher</button>
        <div className="toolbar__spacer" />
        {period && lines && lines.length > 0 ? (
          <button type="button" onClick={() => downloadText(ledgerCsv(lines), ledgerFileName(period.from, period.to, props.practitionerName ?? lines[0]?.practitionerName))}>
            Exporter pour le comptable (CSV)
          </button>
        ) : null}
      </form>
      {message ? <Notice kind="error">{message}</Notice> : null}
      {lines === null || period === null ? null : lines.length === 0 ? (
        <p className="empty">
          Aucun paiement reçu du {formatFrDate(period.from)} au {formatFrDate(period.to)}.
        </p>
      ) : (
        <>
          <p>
            {plural(lines.length, 'paiement reçu', 'paiements reçus')} du {formatFrDate(period.from)} au {formatFrDate(period.to)} :{' '}
            <strong>{formatEuros(ledgerTotal(lines))}</strong>
          </p>
          <table className="table" aria-label="Recettes">
            <thead>
              <tr>
                <th>Reçu le</th>
                <th>Praticien</th>
                <th>Facture</th>
                <th>Patient</th>
                <th>Payeur</th>
                <th>Mode</th>
                <th>Référence</th>
                <th className="num">Montant</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.paymentId === null ? `credit-${l.transferId}` : l.paymentId}>
                  <td>{formatFrDate(l.receivedOn)}</td>
                  <td>{l.practitionerName}</td>
                  <td>{l.invoiceNumber === null ? '—' : `n° ${l.invoiceNumber}`}</td>
                  <td>
                    {l.patientName ?? 'Trop-perçu non réparti'} {l.ame ? <span className="badge badge--ok">AME</span> : null}
                  </td>
                  <td>{payerLabels[l.payer]}</td>
                  <td>{paymentModeLabels[l.mode]}</td>
                  <td>{l.reference ?? '—'}</td>
                  <td className="num">{formatEuros(l.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
