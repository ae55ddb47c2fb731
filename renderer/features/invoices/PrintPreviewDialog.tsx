import { formatCoefficient } from '../../../core/domain/acts.ts';
import type { FormEvent } from 'react';
import type { Invoice, Patient, Practitioner, Prescription } from '../../../core/domain/types.ts';
import { amePromptDecision } from '../../../core/domain/ame.ts';
import { exonerationLabels, professionLabels } from '../../../core/domain/exoneration.ts';
import { patientDisplayName } from '../../../core/domain/patient-name.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { DialogActions } from '../../ui/DialogActions.tsx';
import { InvoiceLinesTable } from './InvoiceLinesTable.tsx';
import { complementaryLabel, InvoiceTotals } from './InvoiceTotals.tsx';
import { formatFrDate, formatNir } from '../../ui/format.ts';

function tiersPayantLabel(invoice: Invoice): string {
  if (invoice.tiersPayantAmo && invoice.tiersPayantAmc) return 'AMO + AMC';
  if (invoice.tiersPayantAmo) return 'AMO';
  if (invoice.tiersPayantAmc) return 'AMC';
  return 'non (le patient règle le praticien)';
}

/**
 * Imprimer, first step: what the feuille de soins will carry, as the server priced it (lines written as on
 * paper, shares, AME formatting, prescription). Imprimer (Enter, focused) goes on; Corriger (Escape) goes back.
 */
export function PrintPreviewDialog(props: {
  invoice: Invoice;
  patient: Patient;
  practitioner: Practitioner | null;
  prescription: Prescription | null;
  onPrint(): void;
  onCorrect(): void;
}) {
  const { invoice, patient, practitioner, prescription } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onPrint();
  };
  const willAsk =
    amePromptDecision({ nir: patient.nir, ame: invoice.ame, storedAnswer: invoice.amePromptAnswer, givenAnswer: undefined, declined: invoice.ameChoice === 'declined' }) === 'ask';
  return (
    <Dialog title="Aperçu avant impression" onClose={props.onCorrect} wide>
      <form onSubmit={submit} noValidate className="print-preview">
        <dl className="kv">
          <dt>Patient</dt>
          <dd>
            <strong>{patientDisplayName(patient)}</strong> — <span className="mono">{formatNir(patient.nir)}</span>
          </dd>
          <dt>Praticien</dt>
          <dd>
            {practitioner
              ? `${practitioner.firstName} ${practitioner.lastName} — ${professionLabels[practitioner.profession]} — n° AM ${practitioner.amNumber}${
                  practitioner.situation === 'remplacant' && practitioner.replaced ? `, remplaçant de ${practitioner.replaced.firstName} ${practitioner.replaced.lastName}` : ''
                }`
              : '—'}
          </dd>
          <dt>Prescription</dt>
          <dd>
            {prescription
              ? `du ${formatFrDate(prescription.prescriptionDate)}, Dr ${prescription.prescriber.lastName.toUpperCase()}${prescription.ame ? ' — aide médicale de base - AME' : ''}`
              : 'Sans prescription'}
          </dd>
          {invoice.visits.length > 0 ? (
            <>
              <dt>{invoice.visits.length > 1 ? 'Visites' : 'Visite'}</dt>
              <dd>
                {/* When and where the care was given (issue #19 item 13): the hour and the place, IK distance included. */}
                {invoice.visits.map((v) => (
                  <div key={v.position}>
                    {formatFrDate(v.date)}
                    {v.time ? ` à ${v.time.replace(':', ' h ')}` : ''} — {v.place === 'domicile' ? 'à domicile' : 'au cabinet'}
                    {v.place === 'domicile' && v.distanceTenths !== null ? ` (${formatCoefficient(v.distanceTenths * 10)} km aller)` : ''}
                  </div>
                ))}
              </dd>
            </>
          ) : null}
          <dt>Conditions</dt>
          <dd>
            {exonerationLabels[invoice.exoneration]} — tiers payant : {tiersPayantLabel(invoice)}
          </dd>
        </dl>

        {invoice.ame ? (
          <div className="notice notice--info" role="note" aria-label="Mise en forme AME">
            Mise en forme AME : pas d'exonération, tiers payant AMO + AMC, part obligatoire 0 % et part complémentaire 100 % ({complementaryLabel(invoice)}),
            qualificatif N sur chaque acte.
          </div>
        ) : willAsk ? (
          <p className="notice notice--warn">
            Numéro commençant par 7 ou 8 : la question AME vous sera posée à l'impression. Si vous répondez Oui, la facture sera mise en forme AME
            (caisse 0 %, AME 100 %, rien à payer par le patient).
          </p>
        ) : null}

        <InvoiceLinesTable lines={invoice.lines} label="Actes à imprimer" />

        <InvoiceTotals invoice={invoice} label="Montants à imprimer" />

        <DialogActions submitLabel="Imprimer" cancelLabel="Corriger" onCancel={props.onCorrect} autoFocusSubmit />
      </form>
    </Dialog>
  );
}
