import type { AmeCoverageCheck } from '../../../core/api/contract.ts';
import type { Exoneration, Invoice, Patient, Practitioner, Prescription } from '../../../core/domain/types.ts';
import { exonerationLabels, exonerationOptions, professionLabels } from '../../../core/domain/exoneration.ts';
import { isAmePossible } from '../../../core/domain/nir.ts';
import { CheckboxField, SelectField } from '../../ui/fields.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { formatFrDate, formatNir } from '../../ui/format.ts';
import { InvoiceTotals } from './InvoiceTotals.tsx';
import { patientDisplayName } from '../../../core/domain/patient-name.ts';

const SOURCE_LABEL = { button: "bouton « Aide médicale d'État »", prescription: 'prescription cochée AME', prompt: 'réponse Oui à la question AME' } as const;

/** First tab of the invoice: who, under which terms, and the « Aide médicale d'État » button. */
export function InvoiceTermsTab(props: {
  invoice: Invoice;
  patient: Patient;
  practitioner: Practitioner | null;
  prescription: Prescription | null;
  coverage: AmeCoverageCheck | null;
  onToggleAme(): void;
  onTerms(terms: { exoneration?: Exoneration; tiersPayantAmo?: boolean }): void;
  onAddCoverage(): void;
}) {
  const { invoice, patient, practitioner, prescription, coverage } = props;
  const draft = invoice.status === 'draft';
  return (
    <div className="panel">
      <dl className="kv">
        <dt>Patient</dt>
        <dd>
          <strong>{patientDisplayName(patient)}</strong> — <span className="mono">{formatNir(patient.nir)}</span>
          {isAmePossible(patient.nir) && !invoice.ame ? <span className="badge badge--warn">AME possible</span> : null}
        </dd>
        <dt>Praticien</dt>
        <dd>{practitioner ? `${practitioner.firstName} ${practitioner.lastName} — ${professionLabels[practitioner.profession]}` : '—'}</dd>
        <dt>Prescription</dt>
        <dd>{prescription ? `du ${formatFrDate(prescription.prescriptionDate)}, Dr ${prescription.prescriber.lastName.toUpperCase()}${prescription.ame ? ' — aide médicale de base - AME' : ''}` : 'Sans prescription'}</dd>
      </dl>

      {draft ? (
        <div className="toolbar ame-toolbar">
          <button type="button" className="ame" aria-pressed={invoice.ame} onClick={props.onToggleAme}>
            Aide médicale d'État
          </button>
          <span className="muted">{invoice.ame ? 'Cliquez à nouveau pour retirer la mise en forme AME.' : "Met la facture en forme pour un patient bénéficiaire de l'AME de base."}</span>
        </div>
      ) : null}

      {invoice.ame ? (
        <div className="ame-summary" aria-label="Mise en forme AME">
          <span className="badge badge--ok">Pas d'exonération</span>
          <span className="badge badge--ok">Tiers payant AMO + AMC</span>
          <span className="badge badge--ok">Caisse 0 %</span>
          <span className="badge badge--ok">AME 100 % ({invoice.amcOrganism?.number ?? '—'})</span>
          <span className="badge badge--ok">Qualificatif N</span>
          {invoice.ameSource ? <span className="muted">par {SOURCE_LABEL[invoice.ameSource]}</span> : null}
        </div>
      ) : draft ? (
        <div className="form-grid">
          <SelectField label="Exonération" value={invoice.exoneration} onChange={(v) => props.onTerms({ exoneration: v })} options={exonerationOptions} />
          <CheckboxField label="Tiers payant sur la part obligatoire" checked={invoice.tiersPayantAmo} onChange={(v) => props.onTerms({ tiersPayantAmo: v })} />
        </div>
      ) : (
        <p>
          {exonerationLabels[invoice.exoneration]} — part obligatoire {invoice.amoRate} %{invoice.tiersPayantAmo ? ', tiers payant' : ''}
        </p>
      )}

      {invoice.ame && coverage?.status === 'none' && draft ? (
        <Notice kind="warn">
          {coverage.message_fr}{' '}
          <button type="button" onClick={props.onAddCoverage}>
            Ajouter les droits AME
          </button>
        </Notice>
      ) : null}
      {invoice.ame && coverage && coverage.status !== 'none' && coverage.message_fr ? (
        <Notice kind={coverage.status === 'outside' ? 'error' : 'warn'}>{coverage.message_fr}</Notice>
      ) : null}
      {invoice.amePromptAnswer ? (
        <p className="muted">Question AME posée à l'impression : réponse « {invoice.amePromptAnswer === 'oui' ? 'Oui' : 'Non'} ».</p>
      ) : null}
      <InvoiceTotals invoice={invoice} />
    </div>
  );
}
