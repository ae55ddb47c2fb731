import { useState, type FormEvent } from 'react';
import { api, openDocumentUrl } from '../../api/client.ts';
import { DateField, readRequiredDate } from '../../ui/fields.tsx';
import { MessageNotice } from '../../ui/Notice.tsx';
import { formatFrDate } from '../../ui/format.ts';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** « Imprimer les feuilles du jour »: every invoice validated that day, in one PDF. */
export function DayFeuillesPanel() {
  const [day, setDay] = useState(formatFrDate(localToday()));
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const date = readRequiredDate('Jour de validation', day);
    if (date.error) return setError(date.error);
    setError(undefined);
    const r = await api.call('invoices/print-batch', { kind: 'day', date: date.iso! });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message_fr });
    setMessage({ kind: 'info', text: `${r.value.count} feuille${r.value.count > 1 ? 's' : ''} de soins du ${formatFrDate(date.iso)} dans un seul document.` });
    if (r.value.document.url) openDocumentUrl(r.value.document.url);
  }

  return (
    <form className="toolbar" aria-label="Feuilles du jour" onSubmit={submit} noValidate>
      <DateField label="Jour de validation" value={day} onChange={setDay} error={error} />
      <button type="submit">Imprimer les feuilles du jour</button>
      <MessageNotice message={message} />
    </form>
  );
}
