import { useEffect, useState } from 'react';
import type { PatientSummary, Practitioner } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { PractitionerSelect } from '../settings/PractitionerSelect.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { formatFrDate, formatNir } from '../../ui/format.ts';
import { PractitionerForm } from '../settings/PractitionerForm.tsx';
import { AmeBadges } from '../patients/AmeBadges.tsx';
import { createDraft } from './create-draft.ts';
import { patientDisplayName } from '../../../core/domain/patient-name.ts';

/** The Facturer menu: practitioner (when several) and patient, then a new invoice in mode dégradé. */
export function FacturerPage(props: { patientId?: number | undefined; prescriptionId?: number | undefined }) {
  const go = useNav((s) => s.go);
  const [practitioners, setPractitioners] = useState<Practitioner[] | null>(null);
  const [practitionerId, setPractitionerId] = useState('');
  const [query, setQuery] = useState('');
  const [patients, setPatients] = useState<PatientSummary[]>([]);
  const [chosen, setChosen] = useState<PatientSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadPractitioners = () =>
    void api.call('practitioners/list', {}).then((r) => {
      if (!r.ok) return;
      const active = r.value.filter((p) => !p.archived);
      setPractitioners(active);
      if (active[0]) setPractitionerId(String(active[0].id));
    });
  useEffect(loadPractitioners, []);
  useEffect(() => {
    if (props.patientId === undefined) return;
    void api.call('patients/get', { id: props.patientId }).then((r) => {
      if (r.ok) setChosen({ ...r.value, amePossible: false, ameState: null });
    });
  }, [props.patientId]);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!query.trim()) return setPatients([]);
      void api.call('patients/search', { query, includeArchived: false, limit: 10 }).then((r) => r.ok && setPatients(r.value));
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  async function create() {
    if (!chosen) return setError('Choisissez le patient à facturer.');
    const r = await createDraft(chosen.id, props.prescriptionId ?? null, Number(practitionerId));
    if (r.ok) go({ name: 'invoice', invoiceId: r.value.id });
    else setError(r.error.message_fr);
  }

  if (practitioners === null) return <p className="empty">Chargement…</p>;
  if (practitioners.length === 0) {
    return (
      <section>
        <h1>Facturer</h1>
        <Notice kind="info">Avant la première facture, renseignez le praticien qui facture (vous pourrez ajouter un remplaçant dans les Réglages).</Notice>
        <PractitionerForm onSaved={loadPractitioners} />
      </section>
    );
  }
  return (
    <section>
      <h1>Facturer</h1>
      <p className="muted">Facture en mode dégradé (sans carte Vitale), imprimée sur papier pour la caisse.</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="panel">
        <PractitionerSelect practitioners={practitioners} value={practitionerId} onChange={setPractitionerId} />
        {chosen ? (
          <p>
            Patient : <strong>{patientDisplayName(chosen)}</strong> — né(e) le {formatFrDate(chosen.birthDate)}{' '}
            <button type="button" className="link" onClick={() => setChosen(null)}>
              changer
            </button>
          </p>
        ) : (
          <div className="field">
            <label htmlFor="facturer-patient">Patient à facturer</label>
            <input id="facturer-patient" type="search" autoFocus value={query} placeholder="Nom, prénom, date de naissance ou NIR" onChange={(e) => setQuery(e.target.value)} />
            <ul className="choice-list" aria-label="Patients trouvés">
              {patients.map((p) => (
                <li key={p.id}>
                  <button type="button" className="choice" onClick={() => setChosen(p)}>
                    <strong>{patientDisplayName(p)}</strong> — {formatFrDate(p.birthDate)} — <span className="mono">{formatNir(p.nir)}</span>
                    <AmeBadges amePossible={p.amePossible} ameState={p.ameState} />
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => void create()} disabled={!chosen}>
            Créer la facture
          </button>
        </div>
      </div>
    </section>
  );
}
