/**
 * The same care billed twice (issue #19 item 2): before Imprimer, every act of the draft that another live
 * invoice (draft or validated, not cancelled) of the same patient already holds on the same date (and hour,
 * when both visits record one) — a
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
  const timeOf = (position: number | null) => invoice.visits.find((v) => v.position === position)?.time ?? null;
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const line of invoice.lines) {
    // The same act: same date, key letter and coefficient (an AMI 4 is not the AMI 1 of that day), and the
    // same hour when both visits have one (the morning insulin and the evening one are two cares).
    const time = timeOf(line.visitPosition);
    const other = elsewhere.find((a) =>
      a.actDate === line.actDate && a.code === line.code && a.coefficient === line.coefficient
      && (time === null || a.time === null || a.time === time));
    const key = `${line.actDate} ${line.code} ${line.coefficient} ${time ?? ''}`;
    if (!other || seen.has(key)) continue;
    seen.add(key);
    const act = `${formatActCode(line.code, line.coefficient)} du ${formatFrDate(line.actDate)}`;
    const where = other.number !== null ? `déjà facturé sur la facture n° ${other.number}` : 'déjà saisi sur un brouillon de facture du même patient (non validé)';
    problems.push({ level: 'warn', code: 'already-billed', message_fr: `${act} ${where}.` });
  }
  return problems;
}
