import { useCallback, useEffect, useRef, useState } from 'react';
import { SHORTCUTS } from '../../ui/shortcuts.ts';
import { PatientFileExportButton } from './PatientFileExportButton.tsx';
import type { Coverage, Patient } from '../../../core/domain/types.ts';
import { isAmePossible } from '../../../core/domain/nir.ts';
import { mostRelevantCoverage } from '../../../core/domain/coverage.ts';
import { api } from '../../api/client.ts';
import { useNav, type PatientTab } from '../../stores/nav.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { formatFrDate, formatNir } from '../../ui/format.ts';
import { PrescriptionsTab } from '../prescriptions/PrescriptionsTab.tsx';
import { PatientInvoicesTab } from '../invoices/PatientInvoicesTab.tsx';
import { AmeBadges } from './AmeBadges.tsx';
import { ComplementaireTab } from './ComplementaireTab.tsx';
import { IdentityForm } from './IdentityForm.tsx';
import { patientDisplayName } from '../../../core/domain/patient-name.ts';

const TABS: { id: PatientTab; label: string }[] = [
  { id: 'identite', label: 'Identité' },
  { id: 'complementaire', label: 'Complémentaire' },
  { id: 'prescriptions', label: 'Prescriptions' },
  { id: 'factures', label: 'Factures' },
];

/** Renewal reminder: AME rights ending within two months, or already ended. */
function RightsReminder({ coverages, today }: { coverages: Coverage[]; today: string }) {
  const ame = mostRelevantCoverage(coverages.filter((c) => c.organism.isAme), today);
  if (!ame) return null;
  if (ame.state === 'expire-bientot') {
    return <Notice kind="warn">Les droits AME se terminent le {formatFrDate(ame.endDate)} : pensez au renouvellement (à demander deux mois avant l'échéance).</Notice>;
  }
  if (ame.state === 'expiree') {
    return <Notice kind="error">Les droits AME ont pris fin le {formatFrDate(ame.endDate)} : demandez l'attestation de renouvellement avant de facturer.</Notice>;
  }
  return null;
}

export function PatientFilePage(props: { patientId: number | null; tab: PatientTab }) {
  const go = useNav((s) => s.go);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [coverages, setCoverages] = useState<Coverage[]>([]);
  const [today, setToday] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (props.patientId === null) return;
    void api.call('patients/get', { id: props.patientId }).then((r) => (r.ok ? setPatient(r.value) : setError(r.error.message_fr)));
    void api.call('coverages/list', { patientId: props.patientId }).then((r) => r.ok && setCoverages(r.value));
  }, [props.patientId]);
  useEffect(load, [load]);
  useEffect(() => void api.call('app/info', {}).then((r) => r.ok && setToday(r.value.today)), []);

  // A patient opened from the list (Enter, click): the next useful control is « Facturer » (issue #19 item 11).
  const facturerRef = useRef<HTMLButtonElement>(null);
  const loadedId = patient?.id;
  useEffect(() => {
    if (loadedId === undefined || props.tab !== 'identite') return;
    if (document.activeElement === document.body || document.activeElement === null) facturerRef.current?.focus();
  }, [loadedId]);

  const setTab = (tab: PatientTab) => go({ name: 'patient', patientId: props.patientId, tab });
  const ameCoverage = mostRelevantCoverage(coverages.filter((c) => c.organism.isAme), today);

  async function toggleArchive() {
    if (!patient) return;
    const r = await api.call(patient.archived ? 'patients/unarchive' : 'patients/archive', { id: patient.id });
    if (r.ok) setPatient(r.value);
    else setError(r.error.message_fr);
  }

  if (props.patientId !== null && !patient) return <p className="empty">{error ?? 'Chargement…'}</p>;
  return (
    <section>
      <div className="page-header">
        <button type="button" className="link" onClick={() => go({ name: 'patients' })}>
          ← Patients
        </button>
        <h1>
          {patient ? patientDisplayName(patient) : 'Nouveau patient'}
          {patient ? <AmeBadges amePossible={isAmePossible(patient.nir)} ameState={ameCoverage?.state ?? null} archived={patient.archived} /> : null}
        </h1>
        {patient ? (
          <span className="muted">
            né(e) le {formatFrDate(patient.birthDate)} · <span className="mono">{formatNir(patient.nir)}</span>
          </span>
        ) : null}
        <div className="toolbar__spacer" />
        {patient ? (
          <>
            <button
              ref={facturerRef}
              type="button"
              aria-keyshortcuts={SHORTCUTS.facturer.keys}
              title={`Facturer ce patient (${SHORTCUTS.facturer.keys})`}
              onClick={() => go({ name: 'facturer', patientId: patient.id })}
              disabled={patient.archived}
            >
              Facturer
            </button>
            <PatientFileExportButton patientId={patient.id} onError={setError} />
            <button type="button" onClick={toggleArchive}>
              {patient.archived ? 'Désarchiver' : 'Archiver'}
            </button>
          </>
        ) : null}
      </div>
      {error && patient ? <Notice kind="error">{error}</Notice> : null}
      {today ? <RightsReminder coverages={coverages} today={today} /> : null}
      <Tabs
        label="Dossier patient"
        tabs={patient ? TABS : TABS.slice(0, 1)}
        current={patient ? props.tab : 'identite'}
        onSelect={setTab}
      />
      {props.tab === 'identite' || !patient ? (
        <IdentityForm
          key={patient?.id ?? 'new'}
          patient={patient}
          onSaved={(saved) => {
            setPatient(saved);
            if (props.patientId === null) go({ name: 'patient', patientId: saved.id, tab: 'identite' });
          }}
        />
      ) : null}
      {patient && props.tab === 'complementaire' ? <ComplementaireTab patientId={patient.id} onChanged={load} /> : null}
      {patient && props.tab === 'prescriptions' ? <PrescriptionsTab patientId={patient.id} /> : null}
      {patient && props.tab === 'factures' ? <PatientInvoicesTab patientId={patient.id} /> : null}
    </section>
  );
}
