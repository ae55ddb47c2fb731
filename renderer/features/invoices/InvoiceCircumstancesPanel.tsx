import { useState, type FormEvent } from 'react';
import type { InsuranceNature, Invoice } from '../../../core/domain/types.ts';
import { api } from '../../api/client.ts';
import { CheckboxField, DateField, SelectField, TextField, frToIso, isoToFr, type FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors, formMessage } from '../../ui/errors.ts';
import { Notice } from '../../ui/Notice.tsx';
import { formatFrDate } from '../../ui/format.ts';

const NATURES: readonly { value: InsuranceNature; label: string }[] = [
  { value: 'maladie', label: 'Maladie' },
  { value: 'maternite', label: 'Maternité' },
  { value: 'atmp', label: 'Accident du travail / maladie professionnelle' },
];

/**
 * Boxes of the feuille de soins filled per invoice (CSS R161-42): nature d'assurance (with the AT),
 * accident caused by a third party, demande d'entente préalable. Editable on a draft, read-only after.
 */
export function InvoiceCircumstancesPanel(props: { invoice: Invoice; onSaved(invoice: Invoice): void }) {
  const c = props.invoice.circumstances;
  const draft = props.invoice.status === 'draft';
  const [f, setF] = useState({
    insuranceNature: c.insuranceNature,
    atNumber: c.atNumber ?? '',
    atDate: isoToFr(c.atDate ?? ''),
    thirdPartyAccident: c.thirdPartyAccident,
    accidentDate: isoToFr(c.accidentDate ?? ''),
    priorAgreementDate: isoToFr(c.priorAgreementDate ?? ''),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof f>(k: K) => (v: (typeof f)[K]) => {
    setSaved(false);
    setF((old) => ({ ...old, [k]: v }));
  };

  if (!draft) {
    return (
      <section className="panel" aria-label="Renseignements de la feuille de soins">
        <h3>Renseignements de la feuille de soins</h3>
        <dl className="kv">
          <dt>Nature de l'assurance</dt>
          <dd>
            {NATURES.find((n) => n.value === c.insuranceNature)?.label}
            {c.atNumber ? ` — n° ${c.atNumber}` : ''}
            {c.atDate ? ` du ${formatFrDate(c.atDate)}` : ''}
          </dd>
          <dt>Accident causé par un tiers</dt>
          <dd>{c.thirdPartyAccident ? `Oui, le ${formatFrDate(c.accidentDate ?? '')}` : 'Non'}</dd>
          <dt>Entente préalable</dt>
          <dd>{c.priorAgreementDate ? `demandée le ${formatFrDate(c.priorAgreementDate)}` : 'Sans objet'}</dd>
        </dl>
      </section>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const dates: FieldErrors = {};
    const read = (field: 'atDate' | 'accidentDate' | 'priorAgreementDate') => {
      const iso = frToIso(f[field]);
      if (iso === 'invalid') dates[field] = 'Date invalide (jj/mm/aaaa attendu, date réelle).';
      return iso === 'invalid' ? null : iso;
    };
    const input = {
      invoiceId: props.invoice.id,
      insuranceNature: f.insuranceNature,
      atNumber: f.atNumber,
      atDate: read('atDate'),
      thirdPartyAccident: f.thirdPartyAccident,
      accidentDate: read('accidentDate'),
      priorAgreementDate: read('priorAgreementDate'),
    };
    if (Object.keys(dates).length > 0) return setErrors(dates);
    const r = await api.call('invoices/set-circumstances', input);
    if (!r.ok) {
      setErrors(fieldErrors(r.error));
      setMessage(formMessage(r.error));
      return;
    }
    setErrors({});
    setMessage(null);
    setSaved(true);
    props.onSaved(r.value);
  }

  return (
    <form className="panel" aria-label="Renseignements de la feuille de soins" onSubmit={submit} noValidate>
      <h3>Renseignements de la feuille de soins</h3>
      {message ? <Notice kind="error">{message}</Notice> : null}
      <div className="form-grid">
        <SelectField label="Nature de l'assurance" value={f.insuranceNature} onChange={set('insuranceNature')} options={NATURES} error={errors.insuranceNature} />
        {f.insuranceNature === 'atmp' ? (
          <>
            <TextField label="N° de l'accident du travail" maxLength={20} value={f.atNumber} onChange={set('atNumber')} error={errors.atNumber} />
            <DateField label="Date de l'accident du travail" value={f.atDate} onChange={set('atDate')} error={errors.atDate} />
          </>
        ) : null}
        <CheckboxField label="Accident causé par un tiers" checked={f.thirdPartyAccident} onChange={set('thirdPartyAccident')} />
        {f.thirdPartyAccident ? <DateField label="Date de l'accident" value={f.accidentDate} onChange={set('accidentDate')} error={errors.accidentDate} /> : null}
        <DateField
          label="Demande d'entente préalable du"
          value={f.priorAgreementDate}
          onChange={set('priorAgreementDate')}
          error={errors.priorAgreementDate}
          hint="Seulement si une demande d'entente préalable a été faite."
        />
      </div>
      <div className="form-actions">
        {saved ? <span className="muted" role="status">Renseignements enregistrés.</span> : null}
        <button type="submit">Enregistrer les renseignements</button>
      </div>
    </form>
  );
}
