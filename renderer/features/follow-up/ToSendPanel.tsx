import { useEffect, useState } from 'react';
import type { FollowUpRow } from '../../../core/domain/types.ts';
import { actPeriod, destinationKey, destinationLabel } from '../../../core/domain/follow-up.ts';
import { api, openDocumentUrl } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { DateField, isoToFr, readRequiredDate } from '../../ui/fields.tsx';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { formatEuros, plural } from '../../ui/format.ts';

interface Group {
  key: string;
  label: string;
  /** null when the patients' files lack the caisse: they cannot be sent yet. */
  destination: { regime: string; caisse: string } | null;
  rows: FollowUpRow[];
}

function groupByCaisse(rows: readonly FollowUpRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const destination = r.regime && r.caisse ? { regime: r.regime, caisse: r.caisse } : null;
    const key = destination ? destinationKey(destination) : 'sans-caisse';
    const label = destination ? destinationLabel(destination) : 'Caisse non renseignée';
    const group = groups.get(key) ?? { key, label, destination, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.destination ? 0 : 1) - (b.destination ? 0 : 1) || a.key.localeCompare(b.key));
}

/**
 * « À envoyer »: validated invoices not yet in a bordereau, by caisse. Each caisse gets its own
 * bordereau (one paper batch per caisse); every invoice is ticked by default.
 */
export function ToSendPanel(props: { practitionerId: number; onCreated(): void }) {
  const go = useNav((s) => s.go);
  const [rows, setRows] = useState<FollowUpRow[] | null>(null);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [sentOn, setSentOn] = useState('');
  const [dateError, setDateError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void api.call('app/info', {}).then((r) => r.ok && setSentOn((v) => v || isoToFr(r.value.today)));
    void api
      .call('follow-up/list', { practitionerId: props.practitionerId, states: ['a-envoyer'], oldestFirst: true, limit: 500 })
      .then((r) => r.ok && setRows(r.value));
  }, [props.practitionerId]);

  if (rows === null) return <p className="empty">Chargement…</p>;
  const toggle = (id: number) => setExcluded((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  async function create(group: Group) {
    const date = readRequiredDate("Date d'envoi", sentOn);
    if (date.error) return setDateError(date.error);
    setDateError(undefined);
    const invoiceIds = group.rows.filter((r) => !excluded.has(r.invoiceId)).map((r) => r.invoiceId);
    const r = await api.call('bordereaux/create', { practitionerId: props.practitionerId, invoiceIds, sentOn: date.iso! });
    if (!r.ok) {
      if (r.error.field === 'sentOn') return setDateError(r.error.message_fr);
      return setMessage({ kind: 'error', text: r.error.message_fr });
    }
    const created = `Bordereau n° ${r.value.bordereau.number} créé (${plural(r.value.bordereau.invoiceCount, 'facture')}, ${formatEuros(r.value.bordereau.expectedCents)} à recevoir).`;
    if (r.value.document?.url) openDocumentUrl(r.value.document.url);
    setMessage(
      r.value.document
        ? { kind: 'ok', text: `${created} Imprimez-le et joignez-le aux feuilles de soins signées.` }
        : { kind: 'error', text: `${created} Mais son PDF n'a pas pu être produit : ouvrez-le dans l'onglet Bordereaux et cliquez sur « Imprimer ».` },
    );
    setRows((current) => current!.filter((x) => !invoiceIds.includes(x.invoiceId)));
    props.onCreated();
  }

  return (
    <div>
      <MessageNotice message={message} />
      {rows.length === 0 ? (
        <p className="empty">
          Aucune facture à envoyer. (Les factures sans tiers payant, réglées par le patient, ne passent pas par un bordereau : le patient envoie lui-même sa feuille de soins.)
        </p>
      ) : (
        <>
          <div className="form-grid">
            <DateField label="Date d'envoi" required value={sentOn} onChange={setSentOn} error={dateError} hint="Le jour où le paquet part à la caisse." />
          </div>
          {groupByCaisse(rows).map((group) => {
            const chosen = group.rows.filter((r) => !excluded.has(r.invoiceId));
            const expected = chosen.reduce((s, r) => s + r.expectedCents, 0);
            return (
              <section key={group.key} className="send-group" aria-label={group.label}>
                <h2>
                  {group.label} <span className="muted">({plural(group.rows.length, 'facture')})</span>
                </h2>
                {group.destination ? null : (
                  <Notice kind="warn">La caisse n'est pas renseignée dans le dossier de ces patients : ouvrez le dossier et complétez le régime et la caisse pour pouvoir les envoyer.</Notice>
                )}
                <table className="table" aria-label={`Factures à envoyer — ${group.label}`}>
                  <thead>
                    <tr>
                      <th>Inclure</th>
                      <th>N°</th>
                      <th>Patient</th>
                      <th>Soins</th>
                      <th className="num">Montant</th>
                      <th className="num">À recevoir</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.rows.map((r) => (
                      <tr key={r.invoiceId}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Inclure la facture n° ${r.number}`}
                            disabled={!group.destination}
                            checked={Boolean(group.destination) && !excluded.has(r.invoiceId)}
                            onChange={() => toggle(r.invoiceId)}
                          />
                        </td>
                        <td>{r.number}</td>
                        <td>
                          <button type="button" className="link" onClick={() => go(group.destination ? { name: 'invoice', invoiceId: r.invoiceId, tab: 'suivi' } : { name: 'patient', patientId: r.patientId, tab: 'identite' })}>
                            {r.patientName}
                          </button>{' '}
                          {r.ame ? <span className="badge badge--ok">AME</span> : null}
                        </td>
                        <td className="nowrap">{actPeriod(r.firstActDate, r.lastActDate)}</td>
                        <td className="num">{formatEuros(r.totalCents)}</td>
                        <td className="num">{formatEuros(r.expectedCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {group.destination ? (
                  <div className="form-actions">
                    <span className="muted">
                      {plural(chosen.length, 'facture cochée', 'factures cochées')} — {formatEuros(expected)} à recevoir
                    </span>
                    <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => void create(group)}>
                      Créer le bordereau — caisse {group.destination.caisse}
                    </button>
                  </div>
                ) : null}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
