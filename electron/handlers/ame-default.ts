/**
 * The AME formatting by default from the AME rights on file (issue #9, item 3): a draft whose acts all fall
 * inside recorded AME rights is formatted as AME without the button; the screen says so in one sentence
 * and the button undoes it.
 */
import { ameDefaultDecision, ameTerms } from '../../core/domain/ame.ts';
import type { Invoice } from '../../core/domain/types.ts';
import { setAmeChoice } from '../../db/invoices-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { HandlerContext } from '../context.ts';
import type { AlreadyRead } from './cotation-pricing.ts';
import { ameCoverageCheck } from './ame-rights.ts';
import { ameOrganismId, nonAmeTerms, rememberNonAmeTerms, repriceDraft, requireInvoice } from './invoice-drafts.ts';

/**
 * Applies or withdraws the default AME formatting of a draft; caller holds the transaction. `opts.read`: what
 * the caller read or priced for the draft's visits; `opts.audit: false` when the caller records the draft's
 * final state itself (« Facturer la période »: one audit entry per feuille).
 */
export function applyAmeDefault(ctx: HandlerContext, invoice: Invoice, opts: { read?: AlreadyRead; audit?: boolean } = {}): Invoice {
  if (invoice.status !== 'draft') return invoice;
  const rights = ameCoverageCheck(ctx, invoice).status;
  const decision = ameDefaultDecision({ ame: invoice.ame, choice: invoice.ameChoice, rights, promptAnswer: invoice.amePromptAnswer });
  if (decision === 'keep') return invoice;
  if (decision === 'apply') rememberNonAmeTerms(ctx, invoice);
  const terms = decision === 'apply' ? { ...ameTerms(ameOrganismId(ctx), 'button'), ameSource: null } : nonAmeTerms(ctx, invoice);
  repriceDraft(ctx, invoice, terms, invoice, opts.read);
  setAmeChoice(ctx.db, invoice.id, decision === 'apply' ? 'rights' : null);
  const after = requireInvoice(ctx, invoice.id);
  if (opts.audit !== false) recordAudit(ctx.db, ctx.clock.nowIso(), 'invoice', invoice.id, decision === 'apply' ? 'ame-by-rights' : 'ame-by-rights-withdrawn', invoice, after);
  return after;
}
