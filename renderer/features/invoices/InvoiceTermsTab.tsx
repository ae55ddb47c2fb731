import type { AmeCoverageCheck } from '../../../core/api/contract.ts';
import type { Exoneration, Invoice, Patient, Practitioner, Prescription } from '../../../core/domain/types.ts';
import { exonerationLabels, exonerationOptions, professionLabels } from '../../../core/domain/exoneration.ts';
import { isAmePossible } from '../../../core/domain/nir.ts';
import { nirIdentityWarning } from '../../../core/domain/nir-identity.ts';
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
  /** Draft only: who bills it, and its prescription (attach, replace, remove). */
  practitioners?: readonly Practitioner[];
  prescriptions?: readonly Prescription[];
  onPractitioner?(id: number): void;
  onPrescription?(id: number | null): void;
  onNewPrescription?(): void;
}) {
  const { invoice, patient, practitioner, prescription, coverage } = props;
  const draft = invoice.status === 'draft';
  const identityWarning = nirIdentityWarning(patient.nir, patient.birthDate, patient.sex);
  const prescriptionLabel = (p: Prescription) =>
    `du ${formatFrDate(p.prescriptionDate)}, Dr ${p.prescriber.lastName.toUpperCase()}${p.ame ? ' — aide médicale de base - AME' : ''}`;
  return (
    <div className="panel">
      <dl className="kv">
        <dt>Patient</dt>
        <dd>
          <strong>{patientDisplayName(patient)}</strong> — <span className="mono">{formatNir(patient.nir)}</span>
          <PatientAmeBadge invoice={invoice} patient={patient} coverage={coverage} />
          {identityWarning ? <Notice kind="warn">{identityWarning}</Notice> : null}
        </dd>
        <dt>Praticien</dt>
        <dd>
          {draft && props.onPractitioner && props.practitioners && props.practitioners.length > 1 ? (
            <select aria-label="Praticien de la facture" value={invoice.practitionerId} onChange={(e) => props.onPractitioner!(Number(e.target.value))}>
              {props.practitioners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.firstName} {p.lastName} — {professionLabels[p.profession]}
                </option>
              ))}
            </select>
          ) : practitioner ? (
            `${practitioner.firstName} ${practitioner.lastName} — ${professionLabels[practitioner.profession]}`
          ) : (
            '—'
          )}
        </dd>
        <dt>Prescription</dt>
        <dd>
          {draft && props.onPrescription ? (
            <span className="inline-controls">
              <select
                aria-label="Prescription de la facture"
                value={invoice.prescriptionId ?? ''}
                onChange={(e) => props.onPrescription!(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">Sans prescription</option>
                {(props.prescriptions ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {prescriptionLabel(p)}
                  </option>
                ))}
              </select>
              {props.onNewPrescription ? (
                <button type="button" onClick={props.onNewPrescription}>
                  Nouvelle prescription
                </button>
              ) : null}
            </span>
          ) : prescription ? (
            prescriptionLabel(prescription)
          ) : (
            'Sans prescription'
          )}
        </dd>
      </dl>
      {invoice.ame && invoice.ameChoice === 'rights' && draft ? (
        <Notice kind="info">
          Facture mise en forme AME d'office : les actes tombent dans les droits AME enregistrés
          {coverage?.coverage ? ` (du ${formatFrDate(coverage.coverage.startDate)} au ${formatFrDate(coverage.coverage.endDate)})` : ''}.{' '}
          <button type="button" onClick={props.onToggleAme}>
            Ne pas facturer en AME
          </button>
        </Notice>
      ) : null}

      {draft ? (
        <div className="toolbar ame-toolbar">
          {/* The state in words and in shape (issue #19 item 1): a filled, ticked button reading « activée », or an empty box reading « non ». */}
          <button type="button" className="ame" aria-pressed={invoice.ame} onClick={props.onToggleAme}>
            <span className="ame__box" aria-hidden="true">
              {invoice.ame ? '✓' : ''}
            </span>
            Aide médicale d'État : <strong>{invoice.ame ? 'activée' : 'non'}</strong>
          </button>
          <span className="muted">
            {invoice.ame
              ? "Facture en AME : caisse 0 %, AME 100 %, rien à payer pour le patient. Cliquez pour retirer l'AME."
              : "Facture hors AME : caisse 60 % (ou 100 % exonéré), le patient paie le reste. Cliquez pour facturer en AME."}
          </span>
        </div>
      ) : null}

      {invoice.ame ? (
        <div className="ame-summary" aria-label="Mise en forme AME">
          <span className="badge badge--ok">Pas d'exonération</span>
          <span className="badge badge--ok">Tiers payant AMO + AMC</span>
          <span className="badge badge--ok">Caisse 0 %</span>
          <span className="badge badge--ok">AME 100 % ({invoice.amcOrganism?.number ?? '—'})</span>
          <span className="badge badge--ok">Qualificatif N</span>
          {invoice.ameSource ? (
            <span className="muted">par {SOURCE_LABEL[invoice.ameSource]}</span>
          ) : invoice.ameChoice === 'rights' ? (
            <span className="muted">d'office : droits AME enregistrés</span>
          ) : null}
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

/**
 * What the patient line says about AME on an invoice that is not AME-formatted: rights on file covering the
 * acts are a warning (the invoice should probably be AME); a 7/8 number without such rights, a hint.
 */
function PatientAmeBadge(props: { invoice: Invoice; patient: Patient; coverage: AmeCoverageCheck | null }) {
  if (props.invoice.ame) return null;
  if (props.coverage?.status === 'covered' && props.coverage.coverage) {
    const c = props.coverage.coverage;
    return (
      <span className="badge badge--warn">
        Droits AME du {formatFrDate(c.startDate)} au {formatFrDate(c.endDate)} — facture hors AME
      </span>
    );
  }
  return isAmePossible(props.patient.nir) ? <span className="badge badge--warn">AME possible</span> : null;
}
