import { useState } from 'react';
import type { BillPeriodResult, PrintPeriodResult } from '../../../core/api/contract.ts';
import { api, openDocumentUrl } from '../../api/client.ts';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { formatEuros, formatFrDate, plural } from '../../ui/format.ts';
import { useNav } from '../../stores/nav.ts';

/** What « Facturer la période » made: one line per feuille, its warnings, and « Imprimer les feuilles ». */
export function BillPeriodPanel(props: { result: BillPeriodResult; names: ReadonlyMap<number, string>; onPrinted(): void }) {
  const go = useNav((s) => s.go);
  const [printed, setPrinted] = useState<PrintPeriodResult | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const { invoices, refused } = props.result;
  const warnings = invoices.some((i) => i.problems.some((p) => p.level === 'warn') || i.warning_fr !== null);

  async function print() {
    const r = await api.call('series/print-period', {
      invoiceIds: invoices.map((i) => i.invoice.id),
      confirmWarnings: true,
      confirmOutsideRights: false,
    });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setPrinted(r.value);
    setMessage({ kind: 'ok', text: `${plural(r.value.validated.length, 'feuille')} de soins ${r.value.validated.length > 1 ? 'validées et imprimées' : 'validée et imprimée'} dans un seul document.` });
    if (r.value.document?.url) openDocumentUrl(r.value.document.url);
    props.onPrinted();
  }

  return (
    <section className="panel" aria-label="Feuilles de la période">
      <h3>{plural(invoices.length, 'feuille')} de soins préparée{invoices.length > 1 ? 's' : ''}</h3>
      <table className="table" aria-label="Feuilles préparées">
        <thead>
          <tr>
            <th>Patient</th>
            <th>Soins</th>
            <th>AME</th>
            <th className="num">Total</th>
            <th>À vérifier</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map(({ invoice, problems, warning_fr }) => {
            const dates = [...new Set(invoice.visits.map((v) => v.date))];
            return (
              <tr key={invoice.id}>
                <td>
                  <button type="button" className="link" onClick={() => go({ name: 'invoice', invoiceId: invoice.id })}>
                    {props.names.get(invoice.patientId) ?? `Patient ${invoice.patientId}`}
                  </button>
                </td>
                <td>
                  {plural(invoice.visits.length, 'visite')} : {dates.map(formatFrDate).join(', ')}
                </td>
                <td>{invoice.ame ? <span className="badge badge--ok">AME</span> : '—'}</td>
                <td className="num nowrap">{formatEuros(invoice.totalCents)}</td>
                <td>
                  {warning_fr ? <div className="small">{warning_fr}</div> : null}
                  {problems.map((p) => (
                    <div key={p.message_fr} className="small">
                      {p.message_fr}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {refused.length > 0 ? (
        <Notice kind="warn">
          Non facturées : {refused.map((r) => r.message_fr).join(' ')}
        </Notice>
      ) : null}
      {printed === null ? (
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => void print()}>
            {warnings ? 'Confirmer et imprimer les feuilles' : 'Imprimer les feuilles'}
          </button>
        </div>
      ) : null}
      {printed && printed.pending.length > 0 ? (
        <Notice kind="warn">
          Restées en brouillon : {printed.pending.map((p) => `${props.names.get(invoices.find((i) => i.invoice.id === p.invoiceId)?.invoice.patientId ?? 0) ?? ''} — ${p.message_fr}`).join(' ')}
        </Notice>
      ) : null}
      <MessageNotice message={message} />
    </section>
  );
}
