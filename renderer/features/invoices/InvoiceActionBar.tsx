import type { Invoice } from '../../../core/domain/types.ts';
import { SHORTCUTS } from '../../ui/shortcuts.ts';

/** The buttons under an invoice: what its status allows (Imprimer a draft, reprint, cancel, redo). */
export function InvoiceActionBar(props: { invoice: Invoice; onDelete(): void; onImprimer(): void; onReprint(): void; onCancel(): void; onReissue(): void }) {
  const { invoice } = props;
  return (
    <div className="action-bar">
      {invoice.status === 'draft' ? (
        <>
          <button type="button" className="danger" onClick={props.onDelete}>
            Supprimer le brouillon
          </button>
          <button type="button" className="primary" aria-keyshortcuts={SHORTCUTS.imprimer.keys} title={`Imprimer (${SHORTCUTS.imprimer.keys})`} onClick={props.onImprimer}>
            Imprimer
            <kbd className="kbd" aria-hidden="true">
              {SHORTCUTS.imprimer.keys}
            </kbd>
          </button>
        </>
      ) : null}
      {invoice.status !== 'draft' ? (
        <button type="button" onClick={props.onReprint}>
          {invoice.pdfFile ? 'Réimprimer (duplicata)' : 'Imprimer la feuille de soins'}
        </button>
      ) : null}
      {invoice.status === 'validated' ? (
        <button type="button" className="danger" onClick={props.onCancel}>
          Annuler la facture
        </button>
      ) : null}
      {invoice.status === 'cancelled' ? (
        <button type="button" className="primary" onClick={props.onReissue}>
          Refaire la facture
        </button>
      ) : null}
    </div>
  );
}
