/**
 * Kiné « séance n / total » for a feuille billing visits of a care series: n is the visit's rank among the
 * done visits of every series on that prescription (a visit not done is no séance), the total the séances of the series' own prescription,
 * else the series' count (DESIGN §7: counts, not columns) — not the invoice's prescription, which the desk may
 * have changed on the draft. Null when the invoice bills no series visit.
 */
import { sessionNumbers, seriesProgress } from '../../core/series/progress.ts';
import type { Invoice } from '../../core/domain/types.ts';
import { getPrescription } from '../../db/billing-repo.ts';
import { billedVisitsOf, getSeries, listSeriesOfPrescription, listSeriesVisits } from '../../db/series-repo.ts';
import { cached } from '../../db/statements.ts';
import type { HandlerContext } from '../context.ts';

export function seriesSessions(
  ctx: HandlerContext,
  invoice: Invoice,
  isSession: (code: string) => boolean,
): { numbers: (number | null)[]; total: number } | null {
  const billed = billedVisitsOf(ctx.db, invoice.id);
  if (billed.size === 0) return null;
  const billedIds = new Set(billed.values());
  const seriesIds = new Set<number>();
  const visitSeries = new Map<number, number>();
  const numbers = new Map<number, number>();
  let total = 0;
  for (const plannedId of billed.values()) {
    const row = cached(ctx.db, 'SELECT series_id FROM planned_visits WHERE id = ?').get(plannedId) as { series_id: number };
    visitSeries.set(plannedId, row.series_id);
    seriesIds.add(row.series_id);
  }
  const prescriptionIds = new Set<number>();
  for (const seriesId of seriesIds) {
    const series = getSeries(ctx.db, seriesId)!;
    prescriptionIds.add(series.prescriptionId);
    const sessionsPrescribed = getPrescription(ctx.db, series.prescriptionId)?.sessionsPrescribed ?? null;
    total = Math.max(total, seriesProgress(listSeriesVisits(ctx.db, seriesId), { sessionsPrescribed, ruleCount: series.rule.count }, ctx.clock.today()).prescribed);
  }
  // The séances of a prescription are numbered across all its series: a séance the round added (its own
  // one-visit series « Visite non prévue ») follows the series' séances, it is not « 1 / total » again.
  for (const prescriptionId of prescriptionIds) {
    const visits = listSeriesOfPrescription(ctx.db, prescriptionId).flatMap((s) => listSeriesVisits(ctx.db, s.id));
    for (const [id, n] of sessionNumbers(visits)) {
      numbers.set(id, n);
      // Without a number of séances on the prescription, the total is never below a séance printed.
      if (billedIds.has(id)) total = Math.max(total, n);
    }
  }
  return {
    numbers: invoice.lines.map((l) => {
      if (l.visitPosition === null || !isSession(l.code)) return null;
      const planned = billed.get(l.visitPosition);
      return planned === undefined ? null : (numbers.get(planned) ?? null);
    }),
    total,
  };
}
