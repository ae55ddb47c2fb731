import type { ValidateOutcome } from '../../../core/api/contract.ts';
import type { DocumentRef, Invoice } from '../../../core/domain/types.ts';
import { api, openDocumentUrl } from '../../api/client.ts';
import type { View } from '../../stores/nav.ts';
import type { FieldErrors } from '../../ui/fields.tsx';
import { fieldErrors } from '../../ui/errors.ts';
import type { InvoiceDialog, ValidateExtra } from './InvoiceDialogs.tsx';

type Message = { kind: 'ok' | 'error' | 'info'; text: string };

/** What the invoice screen holds that its print, cancel and reissue steps read and update. */
export interface LifecycleContext {
  invoice: Invoice;
  dirty: boolean;
  dialog: InvoiceDialog;
  /** Saves the acts as typed; null (and the reason shown) when they are refused. */
  saveActs(): Promise<Invoice | null>;
  show(inv: Invoice): void;
  setDialog(d: InvoiceDialog): void;
  setMessage(m: Message | null): void;
  setErrors(e: FieldErrors): void;
  go(view: View): void;
}

/** An invoice's life after its acts are typed: Imprimer (preview, prompts, validation), reprint, cancel, reissue, delete. */
export function invoiceLifecycle(c: LifecycleContext) {
  const { invoice } = c;

  function afterValidated(doc: DocumentRef | null, inv: Invoice) {
    c.show(inv);
    if (!doc) {
      return c.setMessage({ kind: 'error', text: `Facture n° ${inv.number} validée, mais la feuille de soins n'a pas pu être produite : cliquez sur « Imprimer la feuille de soins ».` });
    }
    c.setMessage({ kind: 'ok', text: `Facture n° ${inv.number} validée. ${doc.openedByShell ? 'La feuille de soins est ouverte pour impression.' : "La feuille de soins s'ouvre dans un nouvel onglet pour impression."}` });
    // The draft's buttons are gone: the focus goes to the next useful control, back to the patient's file (issue #19 item 11).
    setTimeout(() => document.querySelector<HTMLButtonElement>('[data-focus-after-validation]')?.focus(), 0);
    if (doc.url) openDocumentUrl(doc.url);
  }

  async function validate(extra: ValidateExtra = {}) {
    c.setDialog(null);
    if (c.dirty && !(await c.saveActs())) return;
    const r = await api.call('invoices/validate', { invoiceId: invoice.id, ...extra });
    if (!r.ok) {
      c.setErrors(fieldErrors(r.error));
      return c.setMessage({ kind: 'error', text: r.error.message_fr });
    }
    const outcome: ValidateOutcome = r.value;
    if (outcome.kind === 'ame-prompt') return c.setDialog({ kind: 'prompt', message: outcome.message_fr });
    if (outcome.kind === 'rights-warning') {
      void api.call('invoices/get', { id: invoice.id }).then((g) => g.ok && c.show(g.value));
      return c.setDialog({ kind: 'rights', message: outcome.message_fr });
    }
    if (outcome.kind === 'checks-warning') return c.setDialog({ kind: 'checks', messages: outcome.problems.map((p) => p.message_fr), extra: extra.confirmOutsideRights ? { confirmOutsideRights: true } : {} });
    afterValidated(outcome.document, outcome.invoice);
  }

  return {
    validate,
    /**
     * Imprimer, step 1: pending edits saved (the server prices them), then the preview of what will be
     * printed. An invoice without acts has nothing to preview: straight to validation, which says so.
     */
    async imprimer() {
      if (c.dialog !== null) return;
      let current = invoice;
      if (c.dirty) {
        const saved = await c.saveActs();
        if (!saved) return;
        current = saved;
      }
      if (current.lines.length === 0) return void validate();
      c.setDialog({ kind: 'preview' });
    },
    /** Imprimer, step 2 (after the preview): an auxiliaire médical bills on prescription — without one, say so first. */
    printConfirmed() {
      if (invoice.prescriptionId === null) return c.setDialog({ kind: 'no-prescription' });
      void validate();
    },
    async reprint() {
      const r = await api.call('invoices/print', { id: invoice.id });
      if (!r.ok) return c.setMessage({ kind: 'error', text: r.error.message_fr });
      c.setMessage({ kind: 'info', text: invoice.pdfFile ? 'Duplicata généré.' : 'Feuille de soins générée.' });
      void api.call('invoices/get', { id: invoice.id }).then((g) => g.ok && c.show(g.value));
      if (r.value.url) openDocumentUrl(r.value.url);
    },
    async cancel(reason: string) {
      const r = await api.call('invoices/cancel', { invoiceId: invoice.id, reason });
      if (!r.ok) return c.setDialog({ kind: 'cancel', error: r.error.message_fr });
      c.setDialog(null);
      c.show(r.value);
      c.setMessage({ kind: 'info', text: `Facture n° ${r.value.number} annulée.` });
    },
    async reissue() {
      const r = await api.call('invoices/reissue', { id: invoice.id });
      if (r.ok) c.go({ name: 'invoice', invoiceId: r.value.id });
      else c.setMessage({ kind: 'error', text: r.error.message_fr });
    },
    async deleteDraft() {
      const r = await api.call('invoices/delete-draft', { id: invoice.id });
      if (r.ok) c.go({ name: 'patient', patientId: invoice.patientId, tab: 'factures' });
      else c.setMessage({ kind: 'error', text: r.error.message_fr });
    },
  };
}
