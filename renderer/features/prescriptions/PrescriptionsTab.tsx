import { useEffect, useState } from 'react';
import type { Patient, Prescription } from '../../../core/domain/types.ts';
import { exonerationLabels } from '../../../core/domain/exoneration.ts';
import { isAmePossible } from '../../../core/domain/nir.ts';
import { api } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { useCurrentPractitioner } from '../../stores/practitioner.ts';
import { formatFrDate } from '../../ui/format.ts';
import { ActionsHeader } from '../../ui/ActionsHeader.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PrescriptionDialog } from './PrescriptionDialog.tsx';
import { createDraft } from '../invoices/create-draft.ts';
import { PatientSeriesList } from '../series/PatientSeriesList.tsx';
import { AttachmentsPanel } from '../series/AttachmentsPanel.tsx';

export function PrescriptionsTab(props: { patientId: number }) {
  const go = useNav((s) => s.go);
  const current = useCurrentPractitioner();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [prescriptions, setPrescriptions] = useState<Prescription[]>([]);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = () => void api.call('prescriptions/list', { patientId: props.patientId }).then((r) => r.ok && setPrescriptions(r.value));
  useEffect(load, [props.patientId]);
  useEffect(() => void api.call('patients/get', { id: props.patientId }).then((r) => r.ok && setPatient(r.value)), [props.patientId]);

  async function bill(p: Prescription) {
    const r = await createDraft(props.patientId, p.id);
    if (r.ok) go({ name: 'invoice', invoiceId: r.value.id });
    else if (r.error.code === 'no-practitioner') go({ name: 'facturer', patientId: props.patientId, prescriptionId: p.id });
    else setError(r.error.message_fr);
  }

  return (
    <div className="panel">
      <div className="page-header">
        <h2>Prescriptions</h2>
        <div className="toolbar__spacer" />
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Nouvelle prescription
        </button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {prescriptions.length === 0 ? <p className="empty">Aucune prescription enregistrée.</p> : null}
      {prescriptions.length > 0 ? (
        <table className="table" aria-label="Prescriptions">
          <thead>
            <tr>
              <th>Date</th>
              <th>Prescripteur</th>
              <th>AME</th>
              <th>Exonération</th>
              <th>Actes prescrits</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {prescriptions.map((p) => (
              <tr key={p.id}>
                <td>{formatFrDate(p.prescriptionDate)}</td>
                <td>
                  Dr {p.prescriber.lastName.toUpperCase()} {p.prescriber.firstName}
                </td>
                <td>{p.ame ? <span className="badge badge--ok">AME</span> : '—'}</td>
                <td>{exonerationLabels[p.exoneration]}</td>
                <td>{[p.prescribedActs.join(', '), p.plannedActs ?? ''].filter(Boolean).join(' — ')}</td>
                <td className="num">
                  <button type="button" data-prescription={p.id} onClick={() => void bill(p)} aria-label={`Facturer la prescription du ${formatFrDate(p.prescriptionDate)}`}>
                    Facturer
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() => go({ name: 'series-new', patientId: props.patientId, prescriptionId: p.id })}
                    aria-label={`Planifier les soins de la prescription du ${formatFrDate(p.prescriptionDate)}`}
                  >
                    Planifier les soins
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <PatientSeriesList patientId={props.patientId} />
      <AttachmentsPanel patientId={props.patientId} />
      {adding ? (
        <PrescriptionDialog
          patientId={props.patientId}
          amePossible={patient ? isAmePossible(patient.nir) : false}
          profession={current?.profession ?? null}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false);
            load();
            // The next useful control: « Facturer » on the prescription just saved (issue #19 item 11).
            setTimeout(() => document.querySelector<HTMLButtonElement>(`[data-prescription="${saved.id}"]`)?.focus(), 100);
          }}
        />
      ) : null}
    </div>
  );
}
