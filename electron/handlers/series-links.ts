/**
 * Keeps « each planned visit billed once » true on the invoice paths that change a draft made by « Facturer la
 * période » (issue 15): the draft edited by hand, moved to another practitioner, or made again from a cancelled
 * invoice. The database holds one live link per planned visit; these keep the links saying what the draft bills.
 */
import { DomainError } from '../../core/api/result.ts';
import { doersOfLinkedVisits, linkedPlannedVisits, liveBillings, relinkDraft } from '../../db/series-links-repo.ts';
import type { HandlerContext } from '../context.ts';

/** After a draft's visits change: a planned visit no longer on it is freed, the others follow their new position. */
export function relinkAfterEdit(ctx: HandlerContext, invoiceId: number): void {
  const billed = linkedPlannedVisits(ctx.db, invoiceId, 'live');
  if (billed.length > 0) relinkDraft(ctx.db, invoiceId, billed);
}

/** A reissued invoice bills the planned visits the cancelled one billed, unless they were billed again since. */
export function carryLinksToReissue(ctx: HandlerContext, cancelledId: number, draftId: number): void {
  const billed = linkedPlannedVisits(ctx.db, cancelledId, 'freed');
  if (billed.length === 0) return;
  const taken = liveBillings(ctx.db, billed);
  if (taken.length > 0) {
    const where = [...new Set(taken.map((b) => (b.number === null ? 'un brouillon' : `la facture n° ${b.number}`)))].join(', ');
    throw new DomainError(
      'conflict',
      `Les visites de cette facture sont déjà facturées à nouveau (${where}) : annulez ou supprimez celle-ci d'abord, ou gardez-la.`,
    );
  }
  relinkDraft(ctx.db, draftId, billed);
}

/** A draft billing visits of the round stays in the name of who did them. */
export function refuseOtherDoer(ctx: HandlerContext, invoiceId: number, practitionerId: number): void {
  if (doersOfLinkedVisits(ctx.db, invoiceId).some((id) => id !== practitionerId)) {
    throw new DomainError(
      'conflict',
      "Cette facture porte des visites de la tournée faites par un autre praticien : elles se facturent à son nom. Supprimez le brouillon et facturez la période au nom de qui les a faites.",
      'practitionerId',
    );
  }
}
