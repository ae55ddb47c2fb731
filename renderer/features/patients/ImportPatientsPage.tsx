import { useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../core/api/contract.ts';
import { IMPORT_FIELDS, mappingProblems, type ColumnMapping, type ImportField } from '../../../core/domain/patient-import.ts';
import { api, downloadText } from '../../api/client.ts';
import { useNav } from '../../stores/nav.ts';
import { SelectField } from '../../ui/fields.tsx';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { plural } from '../../ui/format.ts';

const NONE = '';

async function asBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * « Importer une liste de patients » from another software: choose the file (CSV or Excel), say which
 * column holds what (remembered for files with the same columns), check the first rows, import — all or
 * nothing — and download the report of the rows refused.
 */
export function ImportPatientsPage() {
  const go = useNav((s) => s.go);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(chosen: File | undefined) {
    setPreview(null);
    setResult(null);
    setMessage(null);
    if (!chosen) return;
    const base64 = await asBase64(chosen);
    setFile({ name: chosen.name, base64 });
    const r = await api.call('patients-import/preview', { fileName: chosen.name, contentBase64: base64 });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setPreview(r.value);
    setMapping(r.value.mapping);
  }

  async function run() {
    if (!file || !preview) return;
    setBusy(true);
    const r = await api.call('patients-import/run', { fileName: file.name, contentBase64: file.base64, mapping });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setResult(r.value);
    setMessage({
      kind: 'ok',
      text: `${plural(r.value.imported, 'patient importé', 'patients importés')}${r.value.ameRights > 0 ? `, dont ${plural(r.value.ameRights, 'avec ses droits AME', 'avec leurs droits AME')}` : ''}. ${r.value.refused.length === 0 ? 'Aucune ligne refusée.' : `${plural(r.value.refused.length, 'ligne refusée', 'lignes refusées')} : voir ci-dessous.`}`,
    });
  }

  const setField = (key: ImportField, value: string) =>
    setMapping((m) => {
      const next = { ...m };
      if (value === NONE) delete next[key];
      else next[key] = Number(value);
      return next;
    });
  const problems = preview ? mappingProblems(mapping, preview.headers.length) : [];
  const chosenFields = IMPORT_FIELDS.filter((f) => mapping[f.key] !== undefined);

  return (
    <section>
      <div className="page-header">
        <h1>Importer une liste de patients</h1>
        <div className="toolbar__spacer" />
        <button type="button" onClick={() => go({ name: 'patients' })}>
          Retour aux patients
        </button>
      </div>
      <p>
        Depuis votre ancien logiciel, exportez la liste des patients en CSV ou en Excel (.xlsx), une ligne par patient et les noms des colonnes sur la
        première ligne. Les NIR/NIA sont vérifiés, les doublons écartés ; rien n'est importé si l'import échoue en cours de route.
      </p>
      <div className="field">
        <label htmlFor="import-file">Fichier de patients (CSV ou Excel)</label>
        <div className="toolbar">
          {/* The browser's own file button speaks the system's language: a French one stands in for it. */}
          <input
            id="import-file"
            className="sr-only"
            type="file"
            accept=".csv,.txt,.xlsx"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = ''; // the same file chosen again (after an import) is read again
              void choose(chosen);
            }}
          />
          <label htmlFor="import-file" className="button" aria-hidden="true">
            Choisir un fichier…
          </label>
          <span className="muted">{file ? `Fichier choisi : ${file.name}` : 'Aucun fichier choisi.'}</span>
        </div>
      </div>
      <MessageNotice message={message} />
      {preview && !result ? (
        <>
          <h2>Correspondance des colonnes</h2>
          {preview.remembered ? <Notice kind="info">Correspondance reprise de votre dernier import d'un fichier ayant les mêmes colonnes.</Notice> : null}
          <div className="form-grid">
            {IMPORT_FIELDS.map((f) => (
              <SelectField
                key={f.key}
                label={f.label}
                required={f.required}
                value={mapping[f.key] === undefined ? NONE : String(mapping[f.key])}
                onChange={(v) => setField(f.key, v)}
                options={[{ value: NONE, label: '— Ne pas importer —' }, ...preview.headers.map((h, i) => ({ value: String(i), label: h }))]}
              />
            ))}
          </div>
          <h2>Aperçu des premières lignes ({plural(preview.rowCount, 'ligne')} dans le fichier)</h2>
          <div className="table-scroll">
            <table className="table" aria-label="Aperçu de l'import">
              <thead>
                <tr>
                  {chosenFields.map((f) => (
                    <th key={f.key}>{f.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, i) => (
                  <tr key={i}>
                    {chosenFields.map((f) => (
                      <td key={f.key}>{row[mapping[f.key]!] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {problems.length > 0 ? <Notice kind="warn">{problems.join(' ')}</Notice> : null}
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy || problems.length > 0} onClick={() => void run()}>
              {busy ? 'Import en cours…' : `Importer ${plural(preview.rowCount, 'ligne')}`}
            </button>
          </div>
        </>
      ) : null}
      {result && result.refused.length > 0 ? (
        <>
          <div className="page-header">
            <h2>Lignes refusées</h2>
            <div className="toolbar__spacer" />
            <button type="button" onClick={() => downloadText(result.reportCsv ?? '', 'import-patients-lignes-refusees.csv')}>
              Télécharger le rapport des lignes refusées
            </button>
          </div>
          <table className="table" aria-label="Lignes refusées">
            <thead>
              <tr>
                <th className="num">Ligne</th>
                <th>Nom</th>
                <th>NIR / NIA</th>
                <th>Motif du refus</th>
              </tr>
            </thead>
            <tbody>
              {result.refused.slice(0, 200).map((r) => (
                <tr key={r.line}>
                  <td className="num">{r.line}</td>
                  <td>{r.name}</td>
                  <td className="mono">{r.nir}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
