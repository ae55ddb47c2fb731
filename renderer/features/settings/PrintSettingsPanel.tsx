import { useEffect, useState, type FormEvent } from 'react';
import type { Practitioner, PrintLayout } from '../../../core/domain/types.ts';
import { api, openDocumentUrl } from '../../api/client.ts';
import { SelectField, TextField, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors } from '../../ui/errors.ts';
import { MessageNotice } from '../../ui/Notice.tsx';

const LAYOUTS: readonly { value: PrintLayout; label: string }[] = [
  { value: 'plain', label: 'Papier blanc (feuille complète)' },
  { value: 'overlay', label: 'Formulaire CPAM pré-imprimé (données seules)' },
];

const mmText = (n: number) => String(n).replace('.', ',');
/** « 2,5 » → 2.5; '' → 0; anything else → null. */
const readMm = (s: string): number | null => {
  const t = s.trim().replace(',', '.');
  if (t === '') return 0;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

/** Réglages → Impression: how each practitioner's feuilles print, and the printer's offsets on the CPAM form. */
export function PrintSettingsPanel(props: { practitioners: Practitioner[]; onSaved(): void }) {
  const [practitionerId, setPractitionerId] = useState<number | null>(props.practitioners[0]?.id ?? null);
  const p = props.practitioners.find((x) => x.id === practitionerId) ?? props.practitioners[0];
  const [f, setF] = useState({ layout: 'plain' as PrintLayout, x: '0', y: '0' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (p) setF({ layout: p.printSettings.layout, x: mmText(p.printSettings.xMm), y: mmText(p.printSettings.yMm) });
  }, [p?.id, p?.printSettings.layout, p?.printSettings.xMm, p?.printSettings.yMm]);
  if (!p) return null;

  async function save(e: FormEvent) {
    e.preventDefault();
    const xMm = readMm(f.x);
    const yMm = readMm(f.y);
    if (xMm === null || yMm === null) {
      return setErrors({ xMm: xMm === null ? 'Décalage : un nombre de millimètres, par exemple 2,5.' : undefined, yMm: yMm === null ? 'Décalage : un nombre de millimètres, par exemple -1,5.' : undefined });
    }
    const r = await api.call('practitioners/set-print-settings', { practitionerId: p!.id, layout: f.layout, xMm, yMm });
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      return setMessage({ kind: 'error', text: r.error.message_fr });
    }
    setErrors({});
    setMessage({ kind: 'info', text: 'Réglages d’impression enregistrés.' });
    props.onSaved();
  }

  async function calibrate() {
    const r = await api.call('practitioners/print-calibration', { practitionerId: p!.id });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'info', text: 'Page de calibrage générée : imprimez-la sur papier blanc et posez-la sur un formulaire.' });
    if (r.value.url) openDocumentUrl(r.value.url);
  }

  return (
    <form className="panel" aria-label="Impression des feuilles de soins" onSubmit={save} noValidate>
      <h2>Impression des feuilles de soins</h2>
      <p className="muted">
        Sur formulaire CPAM, seules les données sont imprimées, dans les cases du formulaire. La position des cases n'a pas été vérifiée sur un
        formulaire officiel : imprimez la page de calibrage et corrigez les décalages (en millimètres) pour que votre imprimante tombe dans les cases.
      </p>
      <MessageNotice message={message} />
      <div className="form-grid">
        {props.practitioners.length > 1 ? (
          <SelectField
            label="Praticien"
            value={String(p.id)}
            onChange={(v) => setPractitionerId(Number(v))}
            options={props.practitioners.map((x) => ({ value: String(x.id), label: `${x.lastName.toUpperCase()} ${x.firstName}` }))}
          />
        ) : null}
        <SelectField label="Impression" value={f.layout} onChange={(v) => setF((o) => ({ ...o, layout: v }))} options={LAYOUTS} />
        <TextField label="Décalage horizontal (mm)" inputMode="decimal" value={f.x} onChange={(v) => setF((o) => ({ ...o, x: v }))} error={errors.xMm} hint="Positif : vers la droite." />
        <TextField label="Décalage vertical (mm)" inputMode="decimal" value={f.y} onChange={(v) => setF((o) => ({ ...o, y: v }))} error={errors.yMm} hint="Positif : vers le bas." />
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => void calibrate()}>
          Imprimer la page de calibrage
        </button>
        <button type="submit" className="primary">
          Enregistrer l'impression
        </button>
      </div>
    </form>
  );
}
