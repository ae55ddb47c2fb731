import type { CotationContext } from '../../../core/api/contract.ts';
import type { Problem } from '../../../core/cotation/types.ts';
import type { Invoice } from '../../../core/domain/types.ts';
import type { FieldErrors } from '../../ui/fields.tsx';
import { ActsEditor } from './ActsEditor.tsx';
import type { ActRow } from './acts-form.ts';
import { VisitsEditor } from './visits/VisitsEditor.tsx';
import type { ActForm, VisitForm } from './visits/visit-form.ts';

/** The Actes tab of an invoice: visits through the cotation engine, or lines typed by hand (« Saisie libre »). */
export function InvoiceActsTab(props: {
  invoice: Invoice;
  mode: 'visits' | 'lines' | null;
  onMode(mode: 'visits' | 'lines'): void;
  facts: CotationContext | null;
  forms: VisitForm[];
  onForms(forms: VisitForm[]): void;
  rows: ActRow[];
  onRows(rows: ActRow[]): void;
  codes: string[];
  errors: FieldErrors;
  checks: Problem[];
  today: string;
  onSave(): void;
  onFavourite(key: string, on: boolean): void;
  onSaveModel(name: string, acts: ActForm[]): void;
}) {
  const { invoice, mode, facts } = props;
  const draft = invoice.status === 'draft';
  return (
    <div className="panel">
      {draft && mode === 'visits' && !facts ? (
        <p className="muted">Chargement du catalogue des actes…</p>
      ) : draft && mode === 'visits' && facts ? (
        <VisitsEditor
          invoice={invoice}
          facts={facts}
          forms={props.forms}
          errors={props.errors}
          checks={props.checks}
          today={props.today}
          onChange={props.onForms}
          onSave={props.onSave}
          onFavourite={props.onFavourite}
          onSaveModel={props.onSaveModel}
        />
      ) : (
        <div
          onKeyDown={(e) => {
            // Enter in an act field saves the acts (keyboard-first); the row's fields are reached with Tab.
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
              e.preventDefault();
              props.onSave();
            }
          }}
        >
          <ActsEditor invoice={invoice} rows={props.rows} codes={props.codes} errors={props.errors} today={props.today} onChange={props.onRows} onSave={props.onSave} />
        </div>
      )}
      {draft ? (
        <p className="muted small">
          <button type="button" className="link" onClick={() => props.onMode(mode === 'visits' ? 'lines' : 'visits')}>
            {mode === 'visits' ? 'Saisie libre des lignes (sans cotation automatique)' : 'Saisie par visite (cotation automatique)'}
          </button>
        </p>
      ) : null}
    </div>
  );
}
