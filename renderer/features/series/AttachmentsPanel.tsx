import { useEffect, useId, useRef, useState } from 'react';
import type { AttachmentInfo } from '../../../core/series/types.ts';
import { api, openDocumentUrl } from '../../api/client.ts';
import { MessageNotice } from '../../ui/Notice.tsx';
import { formatFrDate } from '../../ui/format.ts';

const KINDS: { value: AttachmentInfo['kind']; label: string }[] = [
  { value: 'ordonnance', label: 'Ordonnance' },
  { value: 'attestation-ame', label: 'Attestation AME' },
  { value: 'autre', label: 'Autre pièce' },
];
const kindLabel = (k: AttachmentInfo['kind']) => KINDS.find((x) => x.value === k)!.label;

/** A photo from a phone is shrunk to 1600 px (JPEG) before it is sent: the file stays under the 700 Ko the app keeps. */
async function shrink(file: File): Promise<{ mime: 'image/jpeg'; base64: string }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return { mime: 'image/jpeg', base64: canvas.toDataURL('image/jpeg', 0.85).split(',')[1]! };
}

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

/** Scans and photos of the ordonnance and the AME attestation (kept in the database, backed up with it). */
export function AttachmentsPanel(props: { patientId: number }) {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<AttachmentInfo[]>([]);
  const [kind, setKind] = useState<AttachmentInfo['kind']>('ordonnance');
  const [shown, setShown] = useState<{ name: string; url: string } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = () => void api.call('attachments/list', { patientId: props.patientId }).then((r) => r.ok && setList(r.value));
  useEffect(load, [props.patientId]);

  async function add(file: File | undefined) {
    if (!file) return;
    const pdf = file.type === 'application/pdf';
    if (!pdf && !file.type.startsWith('image/')) return setMessage({ kind: 'error', text: 'Format accepté : PDF, JPEG ou PNG.' });
    const content = pdf ? { mime: 'application/pdf' as const, base64: await toBase64(file) } : await shrink(file).catch(() => null);
    if (!content) return setMessage({ kind: 'error', text: 'Image illisible : choisissez une photo JPEG ou PNG.' });
    const r = await api.call('attachments/add', { patientId: props.patientId, kind, fileName: file.name.slice(0, 120), mime: content.mime, contentBase64: content.base64 });
    setMessage(r.ok ? { kind: 'ok', text: `${kindLabel(kind)} ajoutée au dossier.` } : { kind: 'error', text: r.error.message_fr });
    load();
  }

  async function open(a: AttachmentInfo) {
    const r = await api.call('attachments/open', { id: a.id });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    if (r.value.dataUrl) setShown({ name: a.fileName, url: r.value.dataUrl });
    else if (r.value.document?.url) openDocumentUrl(r.value.document.url);
  }

  return (
    <section aria-label="Pièces jointes">
      <h3>Pièces jointes</h3>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${inputId}-kind`}>Type de pièce</label>
          <select id={`${inputId}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AttachmentInfo['kind'])}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        {/* The browser's own file button speaks its language, not always French: a French button opens it. */}
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          hidden
          aria-label="Scan ou photo (PDF, JPEG, PNG)"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => void add(e.target.files?.[0]).finally(() => (e.target.value = ''))}
        />
        <button type="button" onClick={() => fileInput.current?.click()}>
          Ajouter un scan ou une photo…
        </button>
      </div>
      <MessageNotice message={message} />
      {list.length > 0 ? (
        <ul aria-label="Pièces du dossier">
          {list.map((a) => (
            <li key={a.id}>
              <button type="button" className="link" onClick={() => void open(a)}>
                {kindLabel(a.kind)} — {a.fileName}
              </button>{' '}
              <span className="muted small">ajoutée le {formatFrDate(a.createdAt.slice(0, 10))}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {shown ? (
        <figure className="attachment-preview">
          <img src={shown.url} alt={shown.name} />
          <figcaption>
            {shown.name}{' '}
            <button type="button" onClick={() => setShown(null)}>
              Fermer
            </button>
          </figcaption>
        </figure>
      ) : null}
    </section>
  );
}
