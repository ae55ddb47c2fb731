import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PatientSummary, Prescription } from '../../../core/domain/types.ts';
import { isAmePossible } from '../../../core/domain/nir.ts';
import { professionLabels } from '../../../core/domain/exoneration.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { useCurrentPractitioner, usePractitioners } from '../../stores/practitioner.ts';
import { Notice } from '../../ui/Notice.tsx';
import { formatFrDate, formatNir } from '../../ui/format.ts';
import { AmeBadges } from '../patients/AmeBadges.tsx';
import { createDraft } from './create-draft.ts';
import { patientDisplayName } from '../../../core/domain/patient-name.ts';

/**
 * The Facturer menu: the patient (typed, arrows, Enter), then a new invoice in mode dégradé for the
 * current practitioner (chosen in the header). Keyboard-first: Enter picks, Enter creates.
 */
export function FacturerPage(props: { patientId?: number | undefined; prescriptionId?: number | undefined }) {
  const go = useNav((s) => s.go);
  const practitioners = usePractitioners((s) => s.practitioners);
  const current = useCurrentPractitioner();
  const [query, setQuery] = useState('');
  const [patients, setPatients] = useState<PatientSummary[]>([]);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<PatientSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const createRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  const [prescriptions, setPrescriptions] = useState<Prescription[]>([]);
  const [prescriptionId, setPrescriptionId] = useState<string>(props.prescriptionId === undefined ? '' : String(props.prescriptionId));
  useEffect(() => {
    if (props.patientId === undefined) return;
    void api.call('patients/get', { id: props.patientId }).then((r) => {
      if (r.ok) setChosen({ ...r.value, amePossible: isAmePossible(r.value.nir), ameState: null });
    });
  }, [props.patientId]);
  // The chosen patient's prescriptions for this practitioner's profession (a nurse never picks a kiné's);
  // the only one is preselected (issue #19 item 8).
  const profession = current?.profession;
  const chosenId = chosen?.id;
  useEffect(() => {
    if (chosenId === undefined) return setPrescriptions([]);
    void api.call('prescriptions/list', { patientId: chosenId }).then((r) => {
      if (!r.ok) return;
      const mine = r.value.filter((x) => x.profession === null || x.profession === profession);
      setPrescriptions(mine);
      setPrescriptionId((id) => (mine.some((x) => String(x.id) === id) ? id : mine.length === 1 ? String(mine[0]!.id) : ''));
    });
  }, [chosenId, profession]);
  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      if (!query.trim()) return setPatients([]);
      void api.call('patients/search', { query, includeArchived: false, limit: 10 }).then((r) => {
        if (ticket !== latest.current || !r.ok) return;
        setPatients(r.value);
        setActive(0);
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);
  // After picking a patient the next useful thing is « Créer la facture ».
  useEffect(() => {
    if (chosen) createRef.current?.focus();
  }, [chosen]);

  function pick(p: PatientSummary) {
    setChosen(p);
    setError(null);
  }

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (patients.length === 0) return;
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : -1) + patients.length) % patients.length);
    } else if (e.key === 'Enter' && patients[active]) {
      e.preventDefault();
      pick(patients[active]!);
    }
  }

  async function create() {
    if (!chosen) return setError('Choisissez le patient à facturer.');
    if (!current) return setError('Choisissez le praticien en cours, en haut à droite.');
    const r = await createDraft(chosen.id, prescriptionId === '' ? null : Number(prescriptionId), current.id);
    if (r.ok) go({ name: 'invoice', invoiceId: r.value.id, tab: 'actes' });
    else setError(r.error.message_fr);
  }

  if (practitioners === null) return <p className="empty">Chargement…</p>;
  return (
    <section>
      <h1>Facturer</h1>
      <p className="muted">Facture en mode dégradé (sans carte Vitale), imprimée sur papier pour la caisse.</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="panel">
        {current ? (
          <p>
            Praticien : <strong>{`${current.firstName} ${current.lastName}`}</strong> — {professionLabels[current.profession]}
            {practitioners.length > 1 ? <span className="muted"> (changez-le en haut à droite, « Praticien en cours »)</span> : null}
          </p>
        ) : (
          <Notice kind="warn">Plusieurs praticiens exercent ici : choisissez le praticien en cours en haut à droite.</Notice>
        )}
        {chosen ? (
          <p>
            Patient : <strong>{patientDisplayName(chosen)}</strong> — né(e) le {formatFrDate(chosen.birthDate)} <AmeBadges amePossible={chosen.amePossible} ameState={chosen.ameState} />{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                setChosen(null);
                setTimeout(() => searchRef.current?.focus(), 0);
              }}
            >
              changer
            </button>
          </p>
        ) : (
          <div className="field">
            <label htmlFor="facturer-patient">Patient à facturer</label>
            <input
              ref={searchRef}
              id="facturer-patient"
              type="search"
              autoFocus
              role="combobox"
              aria-expanded={patients.length > 0}
              aria-controls="facturer-patients"
              aria-activedescendant={patients[active] ? `facturer-patient-${patients[active]!.id}` : undefined}
              value={query}
              placeholder="Nom, prénom, date de naissance ou NIR — ↑↓ puis Entrée"
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onSearchKey}
            />
            <ul className="choice-list" id="facturer-patients" aria-label="Patients trouvés">
              {patients.map((p, i) => (
                <li key={p.id}>
                  <button
                    type="button"
                    id={`facturer-patient-${p.id}`}
                    className={`choice${i === active ? ' choice--active' : ''}`}
                    aria-current={i === active ? 'true' : undefined}
                    onClick={() => pick(p)}
                  >
                    <strong>{patientDisplayName(p)}</strong> — {formatFrDate(p.birthDate)} — <span className="mono">{formatNir(p.nir)}</span>
                    <AmeBadges amePossible={p.amePossible} ameState={p.ameState} />
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {chosen && prescriptions.length > 0 ? (
          <div className="field">
            <label htmlFor="facturer-prescription">Prescription</label>
            <select id="facturer-prescription" value={prescriptionId} onChange={(e) => setPrescriptionId(e.target.value)}>
              <option value="">Sans prescription</option>
              {prescriptions.map((p) => (
                <option key={p.id} value={p.id}>
                  du {formatFrDate(p.prescriptionDate)}, Dr {p.prescriber.lastName.toUpperCase()}
                  {p.prescribedActs.length > 0 ? ` — ${p.prescribedActs.join(', ')}` : ''}
                  {p.ame ? ' — AME' : ''}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="form-actions">
          <button ref={createRef} type="button" className="primary" onClick={() => void create()} disabled={!chosen || !current}>
            Créer la facture
          </button>
        </div>
      </div>
    </section>
  );
}
