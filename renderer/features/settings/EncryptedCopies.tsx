import { useState } from 'react';
import type { BackupInfo, EncryptedCopyInfo } from '../../../core/domain/types.ts';
import { api, downloadUrl } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/fields.tsx';
import { formatFrTimestamp, formatMegabytes, plural } from '../../ui/format.ts';

type Say = (message: { kind: 'ok' | 'error' | 'info'; text: string }) => void;

/** Hands a file of the backups folder to the user (download, or shown in its folder by Electron). */
export async function presentBackupFile(fileName: string, say: Say): Promise<void> {
  const r = await api.call('backups/present', { fileName });
  if (!r.ok) return say({ kind: 'error', text: r.error.message_fr });
  if (r.value.url) downloadUrl(r.value.url, fileName);
}

/** « Exporter une copie chiffrée » of one backup: a passphrase typed twice. */
export function EncryptDialog(props: { backup: BackupInfo; onClose(): void; onDone(copy: EncryptedCopyInfo): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ field: 'passphrase' | 'again'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (passphrase !== again) return setError({ field: 'again', text: 'Les deux phrases de passe ne sont pas identiques.' });
    setBusy(true);
    const r = await api.call('backups/encrypt', { fileName: props.backup.fileName, passphrase });
    setBusy(false);
    if (!r.ok) return setError({ field: 'passphrase', text: r.error.message_fr });
    props.onDone(r.value);
  }
  return (
    <Dialog title="Exporter une copie chiffrée" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          Copie chiffrée de la sauvegarde du <strong>{formatFrTimestamp(props.backup.createdAt)}</strong>, à emporter sur une clé USB. Sans la phrase de
          passe, personne ne peut la lire — vous non plus : notez-la et gardez-la à part de la clé.
        </p>
        <TextField label="Phrase de passe" type="password" autoFocus required value={passphrase} onChange={setPassphrase} error={error?.field === 'passphrase' ? error.text : undefined} hint="12 caractères au moins, par exemple quatre mots au hasard." />
        <TextField label="Phrase de passe (confirmation)" type="password" required value={again} onChange={setAgain} error={error?.field === 'again' ? error.text : undefined} />
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            Annuler
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Chiffrement…' : 'Chiffrer la copie'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The encrypted copies of the folder: copy one to a key, or restore one with its passphrase. */
export function EncryptedCopiesSection(props: { copies: EncryptedCopyInfo[]; electron: boolean; say: Say; onChanged(): void }) {
  const [restoring, setRestoring] = useState<EncryptedCopyInfo | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (props.copies.length === 0) return null;
  const close = () => {
    setRestoring(null);
    setPassphrase('');
    setError(null);
  };
  async function restore(copy: EncryptedCopyInfo) {
    setBusy(true);
    const r = await api.call('backups/restore-encrypted', { fileName: copy.fileName, passphrase });
    setBusy(false);
    if (!r.ok) return setError(r.error.message_fr);
    close();
    props.say({ kind: 'info', text: `Restauration prête : ${plural(r.value.patients, 'patient')}, ${plural(r.value.invoices, 'facture')}.` });
    props.onChanged();
  }
  const show = props.electron ? 'Afficher dans le dossier' : 'Télécharger';
  return (
    <>
      <h3>Copies chiffrées</h3>
      <table className="table" aria-label="Copies chiffrées">
        <thead>
          <tr>
            <th>Fichier</th>
            <th className="num">Taille</th>
            <th>Copier ou restaurer</th>
          </tr>
        </thead>
        <tbody>
          {props.copies.map((c) => (
            <tr key={c.fileName}>
              <td className="mono">{c.fileName}</td>
              <td className="num">{formatMegabytes(c.sizeBytes)}</td>
              <td className="row-actions">
                <button type="button" onClick={() => void presentBackupFile(c.fileName, props.say)} aria-label={`${show} la copie chiffrée ${c.fileName}`}>
                  {show}
                </button>
                <button type="button" onClick={() => setRestoring(c)} aria-label={`Restaurer la copie chiffrée ${c.fileName}`}>
                  Restaurer…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {restoring ? (
        <Dialog title="Restaurer une copie chiffrée" role="alertdialog" onClose={close}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void restore(restoring);
            }}
          >
            <p>
              Remplacer toutes les données actuelles par le contenu de <span className="mono">{restoring.fileName}</span> ? Une copie des données actuelles est
              gardée d'abord ; la restauration se fait au prochain démarrage.
            </p>
            <TextField label="Phrase de passe" type="password" autoFocus required value={passphrase} onChange={setPassphrase} error={error ?? undefined} />
            <div className="form-actions">
              <button type="button" onClick={close}>
                Retour
              </button>
              <button type="submit" className="danger" disabled={busy || passphrase === ''}>
                {busy ? 'Vérification…' : 'Restaurer au prochain démarrage'}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
