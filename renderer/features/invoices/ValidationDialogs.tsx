import { Dialog } from '../../ui/Dialog.tsx';
import { ReasonDialog } from '../../ui/ReasonDialog.tsx';

/** « Votre patient est susceptible de bénéficier de l'AME » — Oui formats as AME, Non keeps the invoice. */
export function AmePromptDialog(props: { message: string; onAnswer(answer: 'oui' | 'non'): void; onClose(): void }) {
  return (
    <Dialog title="Aide médicale de l'État" role="alertdialog" onClose={props.onClose}>
      <p>{props.message}</p>
      <p className="muted">Répondez Non si le patient n'est pas bénéficiaire de l'AME de base (vérifiez son attestation).</p>
      <div className="form-actions">
        <button type="button" onClick={() => props.onAnswer('non')}>
          Non
        </button>
        <button type="button" className="primary" autoFocus onClick={() => props.onAnswer('oui')}>
          Oui
        </button>
      </div>
    </Dialog>
  );
}

/** Acts outside the AME rights: validation needs an explicit confirmation. */
export function RightsWarningDialog(props: { message: string; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog title="Droits AME à vérifier" role="alertdialog" onClose={props.onClose}>
      <p>{props.message}</p>
      <div className="form-actions">
        <button type="button" autoFocus onClick={props.onClose}>
          Annuler
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          Valider quand même
        </button>
      </div>
    </Dialog>
  );
}

/** Imprimer without a prescription: the bordereau promises « les prescriptions médicales correspondantes ». */
export function NoPrescriptionDialog(props: { onPrint(): void; onAttach(): void; onClose(): void }) {
  return (
    <Dialog title="Facture sans prescription" role="alertdialog" onClose={props.onClose}>
      <p>
        Aucune prescription n'est jointe à cette facture. Les actes des infirmiers et des masseurs-kinésithérapeutes sont facturés sur
        prescription, et le bordereau d'envoi annonce « les prescriptions médicales correspondantes » : sans elle, la caisse peut
        rejeter la facture.
      </p>
      <div className="form-actions">
        <button type="button" onClick={props.onPrint}>
          Imprimer sans prescription
        </button>
        <button type="button" className="primary" data-autofocus onClick={props.onAttach}>
          Joindre une prescription
        </button>
      </div>
    </Dialog>
  );
}

/** « Supprimer le brouillon » asks first: the acts typed would be lost. */
export function DeleteDraftDialog(props: { onConfirm(): void; onClose(): void }) {
  return (
    <Dialog title="Supprimer le brouillon ?" role="alertdialog" onClose={props.onClose}>
      <p>Le brouillon et les actes saisis seront supprimés définitivement. Aucun numéro de facture n'est consommé.</p>
      <div className="form-actions">
        <button type="button" data-autofocus onClick={props.onClose}>
          Garder le brouillon
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          Supprimer
        </button>
      </div>
    </Dialog>
  );
}

export function CancelInvoiceDialog(props: { number: number; error: string | null; onCancel(reason: string): void; onClose(): void }) {
  return (
    <ReasonDialog
      title={`Annuler la facture n° ${props.number}`}
      explanation="La facture reste dans l'historique, marquée annulée, et garde son numéro. Vous pourrez la refaire ensuite."
      label="Motif d'annulation"
      confirmLabel="Annuler la facture"
      error={props.error}
      onConfirm={props.onCancel}
      onClose={props.onClose}
    />
  );
}

/** Anti-rejection warnings before Imprimer (issue #7 §4): each says what to do; printing needs a confirmation. */
export function ChecksWarningDialog(props: { messages: string[]; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog title="Vérifications avant impression" role="alertdialog" onClose={props.onClose}>
      <ul className="checks-list">
        {props.messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" autoFocus onClick={props.onClose}>
          Corriger
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          Imprimer quand même
        </button>
      </div>
    </Dialog>
  );
}
