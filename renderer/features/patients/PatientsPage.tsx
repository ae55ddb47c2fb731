import { useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { CheckboxField } from '../../ui/fields.tsx';
import { formatFrDate, formatNir } from '../../ui/format.ts';
import { AmeBadges } from './AmeBadges.tsx';
import { SHORTCUTS } from '../../ui/shortcuts.ts';

/** Patient list with type-ahead: name, first name, jj/mm/aaaa, or the first digits of the NIR/NIA. */
export function PatientsPage() {
  const go = useNav((s) => s.go);
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [rows, setRows] = useState<PatientSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void api.call('patients/search', { query, includeArchived, limit: 50 }).then((r) => {
        if (ticket !== latest.current) return; // an older answer arriving late
        if (r.ok) {
          setRows(r.value);
          setError(null);
        } else setError(r.error.message_fr);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [query, includeArchived]);

  const open = (id: number) => go({ name: 'patient', patientId: id, tab: 'identite' });

  return (
    <section>
      <div className="page-header">
        <h1>Patients</h1>
        <div className="toolbar__spacer" />
        <button type="button" onClick={() => go({ name: 'import-patients' })}>
          Importer une liste…
        </button>
        <button
          type="button"
          className="primary"
          aria-keyshortcuts={SHORTCUTS['nouveau-patient'].keys}
          title={`Nouveau patient (${SHORTCUTS['nouveau-patient'].keys})`}
          onClick={() => go({ name: 'patient', patientId: null, tab: 'identite' })}
        >
          Nouveau patient
          <kbd className="kbd" aria-hidden="true">
            {SHORTCUTS['nouveau-patient'].keys}
          </kbd>
        </button>
      </div>
      <div className="toolbar">
        <div className="field grow">
          <label htmlFor="patient-search">
            Rechercher un patient
            <kbd className="kbd" aria-hidden="true">
              {SHORTCUTS.rechercher.keys}
            </kbd>
          </label>
          <input
            id="patient-search"
            type="search"
            autoFocus
            value={query}
            aria-keyshortcuts={SHORTCUTS.rechercher.keys}
            placeholder="Nom (une faute pardonnée), date de naissance (14/03/1985, 14031985 ou 1985) ou NIR/NIA"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && rows && rows[0]) open(rows[0].id);
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLElement>('table[aria-label="Patients"] tbody tr')?.focus();
              }
            }}
          />
        </div>
        <CheckboxField label="Afficher les patients archivés" checked={includeArchived} onChange={setIncludeArchived} />
      </div>
      {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
      {rows && rows.length === 0 ? (
        <p className="empty">{query ? 'Aucun patient ne correspond à cette recherche.' : 'Aucun patient pour le moment : créez le premier avec « Nouveau patient ».'}</p>
      ) : null}
      {rows && rows.length > 0 ? (
        <table className="table" aria-label="Patients">
          <thead>
            <tr>
              <th>Nom</th>
              <th>Prénom</th>
              <th>Né(e) le</th>
              <th>NIR / NIA</th>
              <th>AME</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr
                key={p.id}
                className="clickable"
                tabIndex={0}
                onClick={() => open(p.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open(p.id);
                  if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                  if (e.key === 'ArrowUp') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                }}
              >
                <td>
                  <strong>{p.usageName ?? p.lastName}</strong>
                  {p.usageName ? <span className="muted"> (né(e) {p.lastName})</span> : null}
                </td>
                <td>{p.firstName}</td>
                <td className="nowrap">{formatFrDate(p.birthDate)}</td>
                <td className="mono nowrap">{formatNir(p.nir)}</td>
                <td>
                  <AmeBadges amePossible={p.amePossible} ameState={p.ameState} archived={p.archived} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
