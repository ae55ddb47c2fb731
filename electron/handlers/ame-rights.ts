import type { AmeCoverageCheck } from '../../core/api/contract.ts';
import { checkAmeRights } from '../../core/domain/ame.ts';
import type { Invoice } from '../../core/domain/types.ts';
import { listCoverages } from '../../db/coverages-repo.ts';
import type { HandlerContext } from '../context.ts';

/** Where the patient's AME rights stand for the acts of an invoice (today's date when there are no acts yet). */
export function ameCoverageCheck(ctx: HandlerContext, invoice: Invoice): AmeCoverageCheck {
  const today = ctx.clock.today();
  const coverages = listCoverages(ctx.db, invoice.patientId, today).filter((c) => c.organism.isAme);
  const dates = invoice.lines.length > 0 ? invoice.lines.map((l) => l.actDate) : [today];
  const check = checkAmeRights(dates, coverages, today);
  return {
    status: check.status,
    coverage: check.periodIndex === null ? null : coverages[check.periodIndex]!,
    datesOutside: invoice.lines.length > 0 ? check.datesOutside : [],
    endingSoon: check.endingSoon,
    message_fr: check.message_fr,
  };
}
