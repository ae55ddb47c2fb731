import type { Invoice, Organism, Patient, Practitioner, Prescription } from '../../../core/domain/types.ts';
import { isAmePossible } from '../../../core/domain/nir.ts';
import { CoverageDatesDialog } from '../patients/CoverageDatesDialog.tsx';
import { PrescriptionDialog } from '../prescriptions/PrescriptionDialog.tsx';
import { PrintPreviewDialog } from './PrintPreviewDialog.tsx';
import { AmePromptDialog, CancelInvoiceDialog, ChecksWarningDialog, DeleteDraftDialog, NoPrescriptionDialog, RightsWarningDialog } from './ValidationDialogs.tsx';

/** The dialog open over an invoice, if any. */
export type InvoiceDialog =
  | { kind: 'prompt'; message: string }
  | { kind: 'rights'; message: string }
  | { kind: 'checks'; messages: string[]; extra: { confirmOutsideRights?: boolean } }
  | { kind: 'cancel'; error: string | null }
  | { kind: 'coverage'; organism: Organism }
  | { kind: 'no-prescription' }
  | { kind: 'new-prescription' }
  | { kind: 'delete' }
  | { kind: 'preview' }
  | null;

export interface ValidateExtra {
  ameAnswer?: 'oui' | 'non';
  confirmOutsideRights?: boolean;
  confirmWarnings?: boolean;
}

/** Renders the invoice's open dialog; every answer goes back to the page through one callback. */
export function InvoiceDialogs(props: {
  dialog: InvoiceDialog;
  invoice: Invoice;
  patient: Patient;
  practitioner: Practitioner | null;
  prescription: Prescription | null;
  prescriptions: Prescription[];
  today: string;
  close(): void;
  validate(extra?: ValidateExtra): void;
  printConfirmed(): void;
  cancel(reason: string): void;
  deleteDraft(): void;
  attachPrescription(): void;
  correctActs(): void;
  prescriptionSaved(p: Prescription): void;
  coverageSaved(): void;
}) {
  const { dialog, invoice, close } = props;
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'prompt':
      return <AmePromptDialog message={dialog.message} onAnswer={(a) => props.validate({ ameAnswer: a })} onClose={close} />;
    case 'rights':
      return <RightsWarningDialog message={dialog.message} onConfirm={() => props.validate({ confirmOutsideRights: true })} onClose={close} />;
    case 'checks':
      return <ChecksWarningDialog messages={dialog.messages} onConfirm={() => props.validate({ ...dialog.extra, confirmWarnings: true })} onClose={close} />;
    case 'cancel':
      return invoice.number ? <CancelInvoiceDialog number={invoice.number} error={dialog.error} onCancel={props.cancel} onClose={close} /> : null;
    case 'no-prescription':
      return <NoPrescriptionDialog onPrint={() => props.validate()} onAttach={props.attachPrescription} onClose={close} />;
    case 'preview':
      return (
        <PrintPreviewDialog
          invoice={invoice}
          patient={props.patient}
          practitioner={props.practitioner}
          prescription={props.prescriptions.find((x) => x.id === invoice.prescriptionId) ?? props.prescription}
          onPrint={props.printConfirmed}
          onCorrect={props.correctActs}
        />
      );
    case 'delete':
      return <DeleteDraftDialog onConfirm={props.deleteDraft} onClose={close} />;
    case 'new-prescription':
      return (
        <PrescriptionDialog
          patientId={invoice.patientId}
          amePossible={isAmePossible(props.patient.nir)}
          profession={props.practitioner?.profession ?? null}
          onClose={close}
          onSaved={props.prescriptionSaved}
        />
      );
    case 'coverage':
      return (
        <CoverageDatesDialog
          patientId={invoice.patientId}
          organism={dialog.organism}
          initialStart={invoice.lines[0]?.actDate ?? props.today}
          onClose={close}
          onSaved={props.coverageSaved}
        />
      );
  }
}
