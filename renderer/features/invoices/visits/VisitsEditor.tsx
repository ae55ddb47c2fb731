import { useEffect, useRef } from 'react';
import type { PricedVisit, Problem } from '../../../../core/cotation/types.ts';
import { priceVisit } from '../../../../core/cotation/price-visit.ts';
import { computeShares } from '../../../../core/domain/invoice-calc.ts';
import type { Invoice } from '../../../../core/domain/types.ts';
import { formatEuros } from '../../../ui/format.ts';
import type { FieldErrors } from '../../../ui/fields.tsx';
import type { CotationFacts } from './types.ts';
import { VisitCard } from './VisitCard.tsx';
import { pickerSearchId } from './ActPicker.tsx';
import { apiToEngine, formToApi, newVisitForm, type ActForm, type VisitForm } from './visit-form.ts';

/**
 * The Actes tab of a draft, visit by visit. Amounts are computed live with the same pure engine the
 * server runs at save and validation (core/cotation/price-visit.ts); the server's result is the truth.
 * Keyboard: Enter in a field saves the visits (the act picker keeps Enter for adding the highlighted
 * act while its results are shown); « Ajouter une visite » puts the cursor in the new visit's act search.
 */
export function VisitsEditor(props: {
  invoice: Invoice;
  facts: CotationFacts;
  forms: VisitForm[];
  errors: FieldErrors;
  checks: Problem[];
  today: string;
  onChange(forms: VisitForm[]): void;
  onSave(): void;
  onFavourite(key: string, on: boolean): void;
  onSaveModel(name: string, acts: ActForm[]): void;
}) {
  const { facts, forms, invoice } = props;
  const priced: (PricedVisit | null)[] = forms.map((f) => {
    const v = apiToEngine(formToApi(f));
    return v && v.acts.length > 0 ? priceVisit(v, facts.catalogue, facts.practice, { birthDate: facts.patientBirthDate ?? '1900-01-01' }) : null;
  });
  const amounts = priced.flatMap((p) => p?.lines.map((l) => l.amountCents) ?? []);
  const shares = computeShares(amounts, invoice);
  const lastDate = forms.at(-1)?.date || props.today.split('-').reverse().join('/');
  const focusVisit = useRef<number | null>(null);
  useEffect(() => {
    if (focusVisit.current === null) return;
    const i = forms.findIndex((f) => f.key === focusVisit.current);
    if (i < 0) return;
    focusVisit.current = null;
    document.getElementById(pickerSearchId(i + 1))?.focus();
  }, [forms]);
  return (
    <div
      className="visits-editor"
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(e.target instanceof HTMLInputElement)) return;
        e.preventDefault();
        props.onSave();
      }}
    >
      {forms.length === 0 ? <p className="muted">Aucune visite : ajoutez la première visite, puis ses actes.</p> : null}
      {forms.map((f, i) => (
        <VisitCard
          key={f.key}
          n={i + 1}
          form={f}
          facts={facts}
          isoDate={apiToEngine(formToApi(f))?.date ?? null}
          priced={priced[i] ?? null}
          errors={props.errors}
          onChange={(next) => props.onChange(forms.map((x) => (x.key === f.key ? next : x)))}
          onRemove={() => props.onChange(forms.filter((x) => x.key !== f.key))}
          onFavourite={props.onFavourite}
          onSaveModel={props.onSaveModel}
        />
      ))}
      {props.errors.visits ? (
        <p className="field__error" role="alert">
          {props.errors.visits}
        </p>
      ) : null}
      <div className="totals-live" aria-label="Totaux calculés">
        <span>
          Total : <strong>{formatEuros(shares.totalCents)}</strong>
        </span>
        <span>Part AMO : {formatEuros(shares.amoCents)}</span>
        <span>Part complémentaire : {formatEuros(shares.amcCents)}</span>
        <span>Reste à payer par le patient : {formatEuros(shares.patientCents)}</span>
      </div>
      {props.checks.length > 0 ? (
        <section className="checks" aria-label="Vérifications avant impression">
          <h3>Vérifications avant impression</h3>
          {props.checks.map((c, i) => (
            <p key={i} className={`notice notice--${c.level === 'block' ? 'error' : 'warn'}`}>
              {c.message_fr}
            </p>
          ))}
        </section>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          onClick={() => {
            const next = newVisitForm(lastDate);
            focusVisit.current = next.key;
            props.onChange([...forms, next]);
          }}
        >
          Ajouter une visite
        </button>
        <button type="button" className="primary" onClick={props.onSave}>
          Enregistrer les visites
        </button>
      </div>
    </div>
  );
}
