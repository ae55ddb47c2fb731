import { useEffect, useState } from 'react';
import type { BackupsState } from '../../../core/api/contract.ts';
import type { BackupInfo, EncryptedCopyInfo } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { MessageNotice, Notice } from '../../ui/Notice.tsx';
import { formatFrTimestamp, formatMegabytes, plural } from '../../ui/format.ts';
import { EncryptDialog, EncryptedCopiesSection, presentBackupFile } from './EncryptedCopies.tsx';

/**
 * Backups of the database: made every day at start-up, on demand here; download one to keep it
 * off this computer; restore one (applied at the next start, after a safety copy).
 */
export function BackupsPanel() {
  const [folder, setFolder] = useState('');
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [lastRestore, setLastRestore] = useState<BackupsState['lastRestore']>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [encrypting, setEncrypting] = useState<BackupInfo | null>(null);
  const [copies, setCopies] = useState<EncryptedCopyInfo[]>([]);
  const [busy, setBusy] = useState(false);

  const load = () =>
    void api.call('backups/list', {}).then((r) => {
      if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
      setFolder(r.value.folder);
      setBackups(r.value.backups);
      setCopies(r.value.encryptedCopies);
      setPending(r.value.pendingRestore);
      setLastRestore(r.value.lastRestore);
    });
  useEffect(load, []);
  const [electron, setElectron] = useState(false);
  useEffect(() => void api.call('app/info', {}).then((r) => r.ok && setElectron(r.value.transport === 'electron')), []);

  async function backupNow() {
    setBusy(true);
    const r = await api.call('backups/create', {});
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    const done = `Sauvegarde faite et vérifiée : ${plural(r.value.patients, 'patient')}, ${plural(r.value.invoices, 'facture')}.`;
    setMessage(r.value.warning ? { kind: 'info', text: `${done} ${r.value.warning}` } : { kind: 'ok', text: done });
    load();
  }

  const present = (b: BackupInfo) => presentBackupFile(b.fileName, setMessage);

  async function restore(b: BackupInfo) {
    setRestoring(null);
    const r = await api.call('backups/restore', { fileName: b.fileName });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'info', text: `Restauration prête : ${plural(r.value.patients, 'patient')}, ${plural(r.value.invoices, 'facture')}.` });
    load();
  }

  async function cancelRestore() {
    const r = await api.call('backups/cancel-restore', {});
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'info', text: 'Restauration annulée : vos données actuelles restent en place.' });
    load();
  }

  const pendingBackup = backups?.find((b) => b.fileName === pending);
  const restart = electron
    ? 'Fermez Feuillet puis rouvrez-le pour la terminer.'
    : "Arrêtez Feuillet (Ctrl+C dans la fenêtre où « npm start » tourne), relancez « npm start », puis rouvrez l'adresse affichée.";
  return (
    <div className="panel">
      <div className="page-header">
        <h2>Sauvegardes</h2>
        <div className="toolbar__spacer" />
        <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()}>
          Sauvegarder maintenant
        </button>
      </div>
      <p>
        Feuillet sauvegarde vos données chaque jour à l'ouverture et garde les 30 dernières sauvegardes dans <span className="mono">{folder}</span>.
        Copiez-en régulièrement une hors de cet ordinateur (clé USB, disque externe) : un ordinateur volé ou en panne emporte tout ce qu'il contient.
      </p>
      <MessageNotice message={message} />
      {pending ? (
        <Notice kind="warn">
          <p>
            Restauration demandée : la sauvegarde du {pendingBackup ? formatFrTimestamp(pendingBackup.createdAt) : pending} remplacera vos données au prochain
            démarrage. {restart} Tout ce que vous saisirez d'ici là sera remplacé.
          </p>
          <button type="button" onClick={() => void cancelRestore()}>
            Annuler la restauration
          </button>
        </Notice>
      ) : null}
      {lastRestore && !pending ? (
        <Notice kind={lastRestore.ok ? 'info' : 'error'}>
          {lastRestore.ok
            ? `Dernière restauration : ${lastRestore.fileName}, le ${formatFrTimestamp(lastRestore.at)}.`
            : `La restauration de ${lastRestore.fileName} n'a pas pu se faire le ${formatFrTimestamp(lastRestore.at)} (${lastRestore.reason ?? 'erreur inconnue'}) : vos données sont restées telles quelles.`}
        </Notice>
      ) : null}
      {backups === null ? null : backups.length === 0 ? (
        <p className="empty">Aucune sauvegarde pour l'instant.</p>
      ) : (
        <table className="table" aria-label="Sauvegardes">
          <thead>
            <tr>
              <th>Date</th>
              <th className="num">Taille</th>
              <th>Copier ou restaurer</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.fileName}>
                <td>
                  {formatFrTimestamp(b.createdAt)} {b.beforeRestore ? <span className="badge badge--muted">avant restauration</span> : null}
                  {b.doubt ? <div className="muted">{b.fileName} : {b.doubt} ; jamais supprimé automatiquement.</div> : null}
                </td>
                <td className="num">{formatMegabytes(b.sizeBytes)}</td>
                <td className="row-actions row-actions--nowrap">
                  <button type="button" onClick={() => void present(b)} aria-label={`${electron ? 'Afficher dans le dossier' : 'Télécharger'} la sauvegarde du ${formatFrTimestamp(b.createdAt)}`}>
                    {electron ? 'Afficher dans le dossier' : 'Télécharger'}
                  </button>
                  <button type="button" onClick={() => setEncrypting(b)} aria-label={`Exporter une copie chiffrée de la sauvegarde du ${formatFrTimestamp(b.createdAt)}`}>
                    Copie chiffrée…
                  </button>
                  <button type="button" onClick={() => setRestoring(b)} aria-label={`Restaurer la sauvegarde du ${formatFrTimestamp(b.createdAt)}`}>
                    Restaurer…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <EncryptedCopiesSection copies={copies} electron={electron} say={setMessage} onChanged={load} />
      {encrypting ? (
        <EncryptDialog
          backup={encrypting}
          onClose={() => setEncrypting(null)}
          onDone={(copy) => {
            setEncrypting(null);
            setMessage({ kind: 'ok', text: `Copie chiffrée faite : ${copy.fileName}. Copiez-la sur la clé USB ; la phrase de passe sera demandée pour la restaurer.` });
            load();
            void presentBackupFile(copy.fileName, setMessage);
          }}
        />
      ) : null}
      {restoring ? (
        <Dialog title="Restaurer une sauvegarde" role="alertdialog" onClose={() => setRestoring(null)}>
          <p>
            Remplacer toutes les données actuelles par la sauvegarde du <strong>{formatFrTimestamp(restoring.createdAt)}</strong> ? Tout ce qui a été saisi depuis sera
            remplacé. Une copie des données actuelles est gardée d'abord (« avant restauration »).
          </p>
          <p className="muted">La restauration se fait au prochain démarrage de Feuillet.</p>
          <div className="form-actions">
            <button type="button" autoFocus onClick={() => setRestoring(null)}>
              Retour
            </button>
            <button type="button" className="danger" onClick={() => void restore(restoring)}>
              Restaurer au prochain démarrage
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
