/**
 * The same care billed twice (issue #19 item 2): before Imprimer, every act of the draft that another live
 * invoice (draft or validated, not cancelled) of the same patient already holds on the same date — a
 * warning the user confirms, recorded with the validation.
 */
import { formatActCode } from '../../core/domain/acts.ts';
import { formatFrDate } from '../../core/domain/dates.ts';
import type { Problem } from '../../core/cotation/types.ts';
import type { Invoice } from '../../core/domain/types.ts';
import { actsOnOtherInvoices } from '../../db/invoices-repo.ts';
import type { HandlerContext } from '../context.ts';

export function alreadyBilled(ctx: HandlerContext, invoice: Invoice): Problem[] {
  const elsewhere = actsOnOtherInvoices(ctx.db, invoice.patientId, invoice.id, invoice.lines.map((l) => l.actDate));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const line of invoice.lines) {
    const other = elsewhere.find((a) => a.actDate === line.actDate && a.code === line.code);
    const key = `${line.actDate} ${line.code}`;
    if (!other || seen.has(key)) continue;
    seen.add(key);
    const act = `${formatActCode(line.code, line.coefficient)} du ${formatFrDate(line.actDate)}`;
    const where = other.number !== null ? `déjà facturé sur la facture n° ${other.number}` : 'déjà saisi sur un brouillon de facture du même patient (non validé)';
    problems.push({ level: 'warn', code: 'already-billed', message_fr: `${act} ${where}.` });
  }
  return problems;
}
