import { useState } from 'react';
import { api, downloadText, openDocumentUrl } from '../../api/client.ts';

/**
 * « Dossier complet » on request (RGPD right of access): opens the PDF for the patient and saves the
 * JSON for another software.
 */
export function PatientFileExportButton(props: { patientId: number; onError(message: string): void }) {
  const [busy, setBusy] = useState(false);
  async function exportFile() {
    setBusy(true);
    const r = await api.call('patients/export-file', { id: props.patientId });
    setBusy(false);
    if (!r.ok) return props.onError(r.error.message_fr);
    downloadText(r.value.json, r.value.document.fileName.replace(/\.pdf$/, '.json'), 'application/json;charset=utf-8');
    if (r.value.document.url) openDocumentUrl(r.value.document.url);
  }
  return (
    <button type="button" disabled={busy} onClick={() => void exportFile()} title="Le dossier complet du patient : PDF à lui remettre, JSON pour un autre logiciel">
      {busy ? 'Préparation…' : 'Dossier complet (PDF et JSON)'}
    </button>
  );
}
