import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BillPeriodResult } from '../../../core/api/contract.ts';
import type { RoundEntry } from '../../../core/series/types.ts';
import { addDays } from '../../../core/domain/dates.ts';
import { periodOf, weekdayName } from '../../../core/series/period.ts';
import { api } from '../../api/client.ts';
import { usePractitioners } from '../../stores/practitioner.ts';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { formatFrDate, plural, localToday } from '../../ui/format.ts';
import { BillPeriodPanel } from '../series/BillPeriodPanel.tsx';
import { actsText, statusLabels } from '../series/labels.ts';
import { AddVisitForm } from './AddVisitForm.tsx';
import { UnplannedVisitForm } from './UnplannedVisitForm.tsx';

/** One visit of the round: the real hour then Entrée marks it done; « Non faite » asks the reason. */
function RoundRow(props: { entry: RoundEntry; practitionerId: number; onChanged(message: string): void; onError(message: string): void }) {
  const e = props.entry;
  const who = `${e.patientName}${e.plannedTime ? ` à ${e.plannedTime}` : ''}`;
  const [time, setTime] = useState(e.doneTime ?? e.plannedTime ?? '');
  const [reason, setReason] = useState<string | null>(null);
  const billed = e.invoiceId !== null;

  async function act(input: Parameters<typeof api.call<'series/visit'>>[1], done: string) {
    const r = await api.call('series/visit', input);
    if (!r.ok) return props.onError(r.error.message_fr);
    setReason(null);
    props.onChanged(done);
  }
  const markDone = (ev: FormEvent) => {
    ev.preventDefault();
    void act({ action: 'done', visitId: e.id, practitionerId: props.practitionerId, time: time.trim() }, `Visite de ${who} faite à ${time.trim()}.`);
  };
  const markNotDone = (ev: FormEvent) => {
    ev.preventDefault();
    void act({ action: 'not-done', visitId: e.id, practitionerId: props.practitionerId, reason: reason ?? '' }, `Visite de ${who} non faite : ${reason ?? ''}.`);
  };

  return (
    <tr className={e.status === 'not-done' ? 'row--cancelled' : undefined}>
      <td className="nowrap">{e.doneTime ?? e.plannedTime ?? '—'}</td>
      <td>
        <strong>{e.patientName}</strong>
        <div className="small muted">
          {[e.addressLine, e.city].filter(Boolean).join(', ')}
        </div>
      </td>
      <td>
        {e.place === 'domicile' ? 'Domicile' : 'Cabinet'}
        {e.place === 'domicile' && e.distanceKm !== null ? <div className="small muted">{String(e.distanceKm).replace('.', ',')} km</div> : null}
      </td>
      <td>{actsText(e.acts)}</td>
      <td>
        <span className={`badge ${e.status === 'done' ? 'badge--ok' : e.status === 'not-done' ? 'badge--warn' : 'badge--muted'}`}>{statusLabels[e.status]}</span>
        {billed ? <div className="small muted">Facturée</div> : null}
        {e.reason ? <div className="small muted">{e.reason}</div> : null}
      </td>
      <td>
        {billed ? null : reason === null ? (
          <form key="done" className="inline-controls" onSubmit={markDone} aria-label={`Visite de ${who}`}>
            <input
              aria-label={`Heure réelle (${who})`}
              className="mono"
              size={5}
              maxLength={5}
              placeholder="hh:mm"
              value={time}
              onChange={(ev) => setTime(ev.target.value)}
            />
            <button type="submit">{e.status === 'done' ? 'Corriger l’heure' : 'Faite'}</button>
            <button type="button" onClick={() => setReason('')}>
              Non faite
            </button>
          </form>
        ) : (
          <form key="not-done" className="inline-controls" onSubmit={markNotDone} aria-label={`Visite non faite de ${who}`}>
            <input aria-label={`Motif (${who})`} autoFocus value={reason} maxLength={200} onChange={(ev) => setReason(ev.target.value)} />
            <button type="submit">Enregistrer le motif</button>
            <button type="button" onClick={() => setReason(null)}>
              Annuler
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

/** La tournée: the current practitioner's visits of a day, in time order; yesterday and tomorrow a key away. */
export function RoundPage(props: { date?: string | undefined }) {
  const practitionerId = usePractitioners((s) => s.currentId);
  const [date, setDate] = useState(props.date ?? localToday());
  const [entries, setEntries] = useState<RoundEntry[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [bill, setBill] = useState<BillPeriodResult | null>(null);
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const [unplanned, setUnplanned] = useState(false);

  const load = useCallback(() => {
    if (practitionerId === null) return;
    void api.call('series/active', { practitionerId }).then((r) => r.ok && setNames(new Map(r.value.map((s) => [s.patientId, s.patientName]))));
    void api.call('round/day', { practitionerId, date }).then((r) => (r.ok ? setEntries(r.value) : setMessage({ kind: 'error', text: r.error.message_fr })));
  }, [practitionerId, date]);
  useEffect(load, [load]);

  const move = (days: number) => {
    setDate((d) => addDays(d, days));
    setMessage(null);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
      e.preventDefault();
      move(e.key === 'ArrowLeft' ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function billWeek() {
    if (practitionerId === null) return;
    const { from, to } = periodOf('week', date);
    const r = await api.call('series/bill-period', { practitionerId, patientId: null, from, to });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage(null);
    setBill(r.value);
    load();
  }

  if (practitionerId === null) return <Notice kind="info">Choisissez le praticien en cours (en haut à droite) pour voir sa tournée.</Notice>;
  const done = entries?.filter((e) => e.status === 'done').length ?? 0;
  const week = periodOf('week', date);
  return (
    <section>
      <div className="page-header">
        <h1>
          Tournée du {weekdayName(date)} {formatFrDate(date)}
        </h1>
        <div className="toolbar__spacer" />
        <button type="button" onClick={() => move(-1)} aria-keyshortcuts="Alt+ArrowLeft" title="Alt+←">
          Jour précédent
        </button>
        <button type="button" onClick={() => setDate(localToday())}>
          Aujourd’hui
        </button>
        <button type="button" onClick={() => move(1)} aria-keyshortcuts="Alt+ArrowRight" title="Alt+→">
          Jour suivant
        </button>
      </div>
      <p className="muted">
        {entries ? `${plural(entries.length, 'visite')}, ${done} faite${done > 1 ? 's' : ''}. ` : ''}Saisissez l’heure réelle puis Entrée : les
        majorations de nuit, du dimanche et des jours fériés en découlent.
      </p>
      <MessageNotice message={message} />
      {entries && entries.length === 0 ? <p className="empty">Aucune visite prévue ce jour-là.</p> : null}
      {entries && entries.length > 0 ? (
        <table className="table" aria-label={`Tournée du ${formatFrDate(date)}`}>
          <thead>
            <tr>
              <th>Heure</th>
              <th>Patient</th>
              <th>Lieu</th>
              <th>Actes</th>
              <th>État</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <RoundRow
                key={`${e.id}-${e.status}-${e.doneTime ?? ''}`}
                entry={e}
                practitionerId={practitionerId}
                onChanged={(text) => {
                  setMessage({ kind: 'ok', text });
                  load();
                }}
                onError={(text) => setMessage({ kind: 'error', text })}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {unplanned ? (
        <UnplannedVisitForm
          key={date}
          practitionerId={practitionerId}
          date={date}
          onAdded={(text) => {
            setUnplanned(false);
            setMessage({ kind: 'ok', text });
            load();
          }}
          onClose={() => setUnplanned(false)}
        />
      ) : (
        <AddVisitForm practitionerId={practitionerId} date={date} onAdded={(text) => { setMessage({ kind: 'ok', text }); load(); }} onOther={() => setUnplanned(true)} />
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void billWeek()}>
          Facturer la semaine
        </button>
        <span className="muted small">
          du {formatFrDate(week.from)} au {formatFrDate(week.to)}, tous les patients : les visites faites et pas encore facturées.
        </span>
      </div>
      {bill ? <BillPeriodPanel key={bill.invoices.map((i) => i.invoice.id).join('-')} result={bill} names={names} onPrinted={load} /> : null}
    </section>
  );
}
