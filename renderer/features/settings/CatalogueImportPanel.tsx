import { useEffect, useState, type ChangeEvent } from 'react';
import type { CatalogueChange, CataloguePreview, CatalogueVersionInfo } from '../../../core/cotation/catalogue-file.ts';
import { professionLabels } from '../../../core/domain/exoneration.ts';
import { api } from '../../api/client.ts';
import { MessageNotice, type NoticeKind } from '../../ui/Notice.tsx';
import { formatFrDate } from '../../ui/format.ts';

const ACTION_FR: Record<CatalogueChange['action'], string> = { add: 'Ajout', change: 'Modification', end: 'Fin' };
const KIND_FR: Record<CatalogueChange['kind'], string> = { tarif: 'Tarif', acte: 'Acte', palier: 'Palier' };
const ORIGIN_FR: Record<CatalogueVersionInfo['origin'], string> = { migration: 'livré avec Feuillet', import: 'mise à jour importée' };
const period = (c: CatalogueChange) => (c.to ? `du ${formatFrDate(c.from)} au ${formatFrDate(c.to)}` : `depuis le ${formatFrDate(c.from)}`);

/**
 * Réglages → Tarifs → « Importer une mise à jour »: a catalogue file (the db/catalogue format, versioned, with a
 * checksum) is read, its adds, changes and ends shown with their dates, then applied in one transaction.
 * A malformed, older or tampered file is refused in French and nothing changes (the backend checks it).
 */
export function CatalogueImportPanel(props: { onApplied: () => void }) {
  const [versions, setVersions] = useState<CatalogueVersionInfo[]>([]);
  const [content, setContent] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<CataloguePreview | null>(null);
  const [message, setMessage] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const loadVersions = () => void api.call('catalogue/versions', {}).then((r) => r.ok && setVersions(r.value));
  useEffect(loadVersions, []);
  const current = versions[0];

  async function read(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    setPreview(null);
    setContent(null);
    if (!file) return;
    setFileName(file.name);
    const text = await file.text();
    const r = await api.call('catalogue/preview-update', { content: text });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setContent(text);
    setPreview(r.value);
    setMessage(null);
  }

  async function apply() {
    if (!preview || content === null) return;
    const r = await api.call('catalogue/apply-update', { content, checksum: preview.checksum });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    const { add, change, end } = r.value.counts;
    setMessage({ kind: 'ok', text: `Mise à jour version ${r.value.version} du ${formatFrDate(r.value.published)} appliquée : ${add} ajout(s), ${change} modification(s), ${end} fin(s). Les factures validées ne changent pas.` });
    setPreview(null);
    setContent(null);
    loadVersions();
    props.onApplied();
  }

  return (
    <section aria-label="Mise à jour du catalogue">
      <h3>Mise à jour du catalogue</h3>
      <p className="muted">
        {current
          ? `Catalogue en place : version ${current.version} du ${formatFrDate(current.published)} (${ORIGIN_FR[current.origin]}, appliqué le ${formatFrDate(current.appliedAt.slice(0, 10))}).`
          : 'Aucune version de catalogue enregistrée.'}{' '}
        Quand la caisse change une valeur, importez le fichier de mise à jour : Feuillet montre ce qu'il ajoute, modifie et termine avant de l'appliquer.
      </p>
      {/* The browser's own file button speaks its own language: a French button opens it instead. */}
      <label className="button file-import">
        Importer une mise à jour…
        <input type="file" className="sr-only" accept=".json,application/json" onChange={(e) => void read(e)} aria-label="Importer une mise à jour" />
      </label>
      {fileName ? <span className="muted small"> Fichier lu : {fileName}</span> : null}
      <MessageNotice message={message} />
      {preview ? (
        <div className="catalogue-preview">
          <p>
            <strong>{preview.title}</strong> — version {preview.version} du {formatFrDate(preview.published)}
            {preview.current ? ` (en place : version ${preview.current.version})` : ''} : {preview.counts.add} ajout(s), {preview.counts.change} modification(s),{' '}
            {preview.counts.end} fin(s).
          </p>
          <table className="table" aria-label="Changements du catalogue">
            <thead>
              <tr>
                <th>Nature</th>
                <th>Élément</th>
                <th>Profession</th>
                <th>Code</th>
                <th>Libellé</th>
                <th>Valeur</th>
                <th>Avant</th>
                <th>Période</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((c, i) => (
                <tr key={i}>
                  <td>{ACTION_FR[c.action]}</td>
                  <td>{KIND_FR[c.kind]}</td>
                  <td>{professionLabels[c.profession]}</td>
                  <td className="mono">{c.code}</td>
                  <td>{c.label}</td>
                  <td>{c.detail}</td>
                  <td>{c.before ?? ''}</td>
                  <td>{period(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void apply()}>
              Appliquer la mise à jour
            </button>
            <button type="button" onClick={() => { setPreview(null); setContent(null); }}>
              Annuler
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
