import { useEffect, useState, type FormEvent } from 'react';
import type { RelanceDelays } from '../../../core/domain/relances.ts';
import { api } from '../../api/client.ts';
import { TextField } from '../../ui/fields.tsx';
import { MessageNotice, type NoticeKind } from '../../ui/Notice.tsx';

const LABELS: Record<keyof RelanceDelays, string> = {
  amo: 'Caisse (AMO) : relancer après (jours)',
  amc: 'AME / complémentaire (AMC) : relancer après (jours)',
  patient: 'Patient (sa part) : relancer après (jours)',
};

/** Réglages → Relances: after how many days without payment an invoice is « à relancer », per payer. */
export function RelanceDelaysPanel() {
  const [values, setValues] = useState<Record<keyof RelanceDelays, string> | null>(null);
  const [message, setMessage] = useState<{ kind: NoticeKind; text: string } | null>(null);
  useEffect(() => {
    void api.call('relances/delays', {}).then((r) => r.ok && setValues({ amo: String(r.value.amo), amc: String(r.value.amc), patient: String(r.value.patient) }));
  }, []);
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!values) return;
    const days = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);
    const r = await api.call('relances/set-delays', { amo: days(values.amo), amc: days(values.amc), patient: days(values.patient) });
    setMessage(r.ok ? { kind: 'ok', text: 'Délais de relance enregistrés.' } : { kind: 'error', text: r.error.message_fr });
  }
  return (
    <section className="panel" aria-labelledby="relance-delays-title">
      <h2 id="relance-delays-title">Relances</h2>
      {values ? (
        <form onSubmit={save} noValidate>
          <div className="form-grid">
            {(Object.keys(LABELS) as (keyof RelanceDelays)[]).map((k) => (
              <TextField key={k} label={LABELS[k]} value={values[k]} onChange={(v) => setValues({ ...values, [k]: v })} />
            ))}
          </div>
          <MessageNotice message={message} />
          <button type="submit">Enregistrer les délais</button>
        </form>
      ) : null}
    </section>
  );
}
