import { useCallback, useEffect, useState } from 'react';
import type { BillPeriodResult } from '../../../core/api/contract.ts';
import type { Patient } from '../../../core/domain/types.ts';
import type { PlannedVisit, SeriesView } from '../../../core/series/types.ts';
import { periodOf, weekdayName } from '../../../core/series/period.ts';
import { ActionsHeader } from '../../ui/ActionsHeader.tsx';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { formatFrDate, localToday } from '../../ui/format.ts';
import { BillPeriodPanel } from './BillPeriodPanel.tsx';
import { MoveVisitForm } from './MoveVisitForm.tsx';
import { ReassignVisitForm } from './ReassignVisitForm.tsx';
import { RuleEditForm } from './RuleEditForm.tsx';
import { usePractitioners } from '../../stores/practitioner.ts';
import { actsText, frequencyText, statusLabels } from './labels.ts';

/** A series: its rule, « n / total », the renewal reminder, every visit (move, skip), and billing a period. */
export function SeriesPage(props: { seriesId: number }) {
  const go = useNav((s) => s.go);
  const [view, setView] = useState<SeriesView | null>(null);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [moving, setMoving] = useState<number | null>(null);
  const [reassigning, setReassigning] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const practitioners = usePractitioners((s) => s.practitioners) ?? [];
  const [bill, setBill] = useState<BillPeriodResult | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(() => {
    void api.call('series/get', { id: props.seriesId }).then((r) => (r.ok ? setView(r.value) : setMessage({ kind: 'error', text: r.error.message_fr })));
  }, [props.seriesId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (view) void api.call('patients/get', { id: view.series.patientId }).then((r) => r.ok && setPatient(r.value));
  }, [view?.series.patientId]);

  if (!view) return <MessageNotice message={message} />;
  const { series, visits, progress } = view;
  const name = patient ? `${(patient.usageName ?? patient.lastName).toUpperCase()} ${patient.firstName}` : '';
  const running = series.cancelledAt === null;
  // « Confier à… » only where someone of the same profession could take the visit (a replacement).
  const profession = practitioners.find((p) => p.id === series.practitionerId)?.profession;
  const canReassign = practitioners.filter((p) => p.profession === profession).length > 1;
  const whoIs = (id: number) => {
    const p = practitioners.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : 'un autre praticien';
  };

  async function skip(v: PlannedVisit) {
    const r = await api.call('series/visit', { action: 'skip', visitId: v.id, reason: null });
    setMessage(r.ok ? { kind: 'ok', text: `Visite du ${formatFrDate(v.date)} supprimée.` } : { kind: 'error', text: r.error.message_fr });
    load();
  }

  async function billPeriod(kind: 'week' | 'month' | 'end') {
    const today = localToday();
    const range = kind === 'end' ? { from: series.rule.start, to: progress.lastDate && progress.lastDate < today ? progress.lastDate : today } : periodOf(kind, today);
    const r = await api.call('series/bill-period', { practitionerId: series.practitionerId, patientId: series.patientId, ...range });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage(null);
    setBill(r.value);
    load();
  }

  return (
    <section>
      <div className="page-header">
        <h1>Série de soins — {name}</h1>
        <div className="toolbar__spacer" />
        <button type="button" onClick={() => go({ name: 'patient', patientId: series.patientId, tab: 'prescriptions' })}>
          Retour au dossier
        </button>
      </div>
      <dl className="kv" aria-label="Résumé de la série">
        <dt>Soins</dt>
        <dd>
          {actsText(series.acts)} — {frequencyText(series.rule.frequency)}, à {series.rule.times.join(', ')} — {series.place === 'domicile' ? 'à domicile' : 'au cabinet'}
          {series.label ? ` — ${series.label}` : ''}
        </dd>
        <dt>Séances</dt>
        <dd>
          <strong>
            {progress.used} / {progress.prescribed}
          </strong>{' '}
          faites, {progress.billed} facturée{progress.billed > 1 ? 's' : ''}, {progress.doneUnbilled} à facturer, {progress.planned} prévue{progress.planned > 1 ? 's' : ''}
        </dd>
        <dt>Période</dt>
        <dd>
          du {formatFrDate(series.rule.start)} au {formatFrDate(progress.lastDate ?? series.rule.end ?? series.rule.start)}
          {series.rule.includeSundays ? '' : ', sans les dimanches'}
          {series.rule.includeHolidays ? '' : ', sans les jours fériés'}
          {series.imperativePrescription ? ' — exécution impérative prescrite' : ''}
        </dd>
        {series.treatmentStart ? (
          <>
            <dt>Début du traitement</dt>
            <dd>{formatFrDate(series.treatmentStart)}</dd>
          </>
        ) : null}
        {series.priorAgreementDate ? (
          <>
            <dt>Accord préalable</dt>
            <dd>demandé le {formatFrDate(series.priorAgreementDate)}</dd>
          </>
        ) : null}
      </dl>
      {!running ? <Notice kind="info">Série arrêtée le {formatFrDate(series.cancelledAt!.slice(0, 10))}.</Notice> : null}
      {running && progress.renewalDue ? (
        <Notice kind="warn">Fin des soins le {formatFrDate(progress.lastDate)} : pensez à demander le renouvellement de la prescription.</Notice>
      ) : null}
      <MessageNotice message={message} />
      <div className="toolbar" role="group" aria-label="Facturer la période">
        <button type="button" className="primary" onClick={() => void billPeriod('week')}>
          Facturer la semaine
        </button>
        <button type="button" onClick={() => void billPeriod('month')}>
          Facturer le mois
        </button>
        <button type="button" onClick={() => void billPeriod('end')}>
          Facturer jusqu’à la fin du traitement
        </button>
      </div>
      {bill ? <BillPeriodPanel key={bill.invoices.map((i) => i.invoice.id).join('-')} result={bill} names={new Map([[series.patientId, name]])} onPrinted={load} /> : null}
      <table className="table" aria-label="Visites de la série">
        <thead>
          <tr>
            <th>Date</th>
            <th>Heure prévue</th>
            <th>État</th>
            <th>Heure réelle</th>
            <th>Facture</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr key={v.id} className={v.status === 'cancelled' || v.status === 'not-done' ? 'row--cancelled' : undefined}>
              <td className="nowrap">
                {weekdayName(v.date)} {formatFrDate(v.date)}
              </td>
              <td>{v.plannedTime ?? '—'}</td>
              <td>
                {statusLabels[v.status]}
                {v.unplanned ? ' (ajoutée)' : ''}
                {v.reason ? <div className="small muted">{v.reason}</div> : null}
                {v.practitionerId !== series.practitionerId ? <div className="small muted">Confiée à {whoIs(v.practitionerId)}</div> : null}
              </td>
              <td>{v.doneTime ?? ''}</td>
              <td>
                {v.invoiceId !== null ? (
                  <button type="button" className="link" onClick={() => go({ name: 'invoice', invoiceId: v.invoiceId! })}>
                    Facturée
                  </button>
                ) : v.status === 'done' ? (
                  'À facturer'
                ) : (
                  ''
                )}
              </td>
              <td className="row-actions">
                {v.status === 'planned' && v.invoiceId === null && moving !== v.id && reassigning !== v.id ? (
                  <>
                    <button type="button" onClick={() => setMoving(v.id)} aria-label={`Déplacer la visite du ${formatFrDate(v.date)}${v.plannedTime ? ` à ${v.plannedTime}` : ''}`}>
                      Déplacer
                    </button>
                    <button type="button" onClick={() => void skip(v)} aria-label={`Supprimer la visite du ${formatFrDate(v.date)}${v.plannedTime ? ` à ${v.plannedTime}` : ''}`}>
                      Supprimer
                    </button>
                    {canReassign ? (
                      <button type="button" onClick={() => setReassigning(v.id)} aria-label={`Confier la visite du ${formatFrDate(v.date)}${v.plannedTime ? ` à ${v.plannedTime}` : ''} à un autre praticien`}>
                        Confier à…
                      </button>
                    ) : null}
                  </>
                ) : null}
                {reassigning === v.id ? (
                  <ReassignVisitForm
                    visit={v}
                    onDone={(text) => {
                      setReassigning(null);
                      if (text) setMessage({ kind: 'ok', text });
                      load();
                    }}
                  />
                ) : null}
                {moving === v.id ? (
                  <MoveVisitForm
                    visit={v}
                    onDone={(text) => {
                      setMoving(null);
                      if (text) setMessage({ kind: 'ok', text });
                      load();
                    }}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <RuleEditForm
          series={series}
          onDone={(next, text) => {
            setEditing(false);
            if (next) setView(next);
            if (text) setMessage({ kind: 'ok', text });
          }}
        />
      ) : null}
      {running ? (
        <div className="form-actions">
          {editing ? null : (
            <button type="button" onClick={() => setEditing(true)}>
              Modifier le rythme
            </button>
          )}
          <button
            type="button"
            onClick={() =>
              void api.call('series/cancel', { id: series.id }).then((r) => {
                setMessage(r.ok ? { kind: 'ok', text: 'Série arrêtée : les visites prévues sont supprimées.' } : { kind: 'error', text: r.error.message_fr });
                load();
              })
            }
          >
            Arrêter la série
          </button>
        </div>
      ) : null}
    </section>
  );
}
