import type { FormEvent } from 'react';
import type { Invoice, Patient, Practitioner, Prescription } from '../../../core/domain/types.ts';
import { formatActCode } from '../../../core/domain/acts.ts';
import { amePromptDecision } from '../../../core/domain/ame.ts';
import { exonerationLabels, professionLabels } from '../../../core/domain/exoneration.ts';
import { patientDisplayName } from '../../../core/domain/patient-name.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { DialogActions } from '../../ui/DialogActions.tsx';
import { formatEuros, formatFrDate, formatNir } from '../../ui/format.ts';

/** « AME 0075500017 », the organism's name and number, or « aucune ». */
function complementaryLabel(invoice: Invoice): string {
  const org = invoice.amcOrganism;
  if (!org) return 'aucune';
  return invoice.ame ? `AME ${org.number}` : `${org.name} ${org.number}`;
}

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

        <table className="table" aria-label="Actes à imprimer">
          <thead>
            <tr>
              <th>Date</th>
              <th>Acte</th>
              <th className="num">Qté</th>
              <th className="num">Valeur</th>
              <th className="num">Montant</th>
              <th>Qualificatif</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l) => (
              <tr key={l.id}>
                <td>{formatFrDate(l.actDate)}</td>
                <td className="mono">{formatActCode(l.code, l.coefficient, l.ratePercent)}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">{formatEuros(l.unitCents)}</td>
                <td className="num">{formatEuros(l.amountCents)}</td>
                <td>{l.qualificatif ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <table className="table totals" aria-label="Montants à imprimer">
          <tbody>
            <tr>
              <th>Total</th>
              <td className="num">{formatEuros(invoice.totalCents)}</td>
            </tr>
            <tr>
              <th>Part obligatoire (caisse, {invoice.amoRate} %)</th>
              <td className="num">{formatEuros(invoice.amoCents)}</td>
            </tr>
            <tr>
              <th>
                Part complémentaire ({complementaryLabel(invoice)}, {invoice.amcRate} %)
              </th>
              <td className="num">{formatEuros(invoice.amcCents)}</td>
            </tr>
            <tr>
              <th>Reste à payer par le patient</th>
              <td className="num">
                <strong>{formatEuros(invoice.patientCents)}</strong>
              </td>
            </tr>
          </tbody>
        </table>

        <DialogActions submitLabel="Imprimer" cancelLabel="Corriger" onCancel={props.onCorrect} autoFocusSubmit />
      </form>
    </Dialog>
  );
}
