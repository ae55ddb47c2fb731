/**
 * A series' rule changed after creation (issue 15): the visits still to come are planned again from `from`
 * (today), the others kept as they are — done, not done, billed, skipped, added by hand, and every visit
 * before `from`. Pure: the caller says which visits it keeps. The rhythm stays anchored on the series' start
 * (« tous les 2 jours » keeps its days); with a number of séances, the kept visits count among them.
 */
import { addDays } from '../domain/dates.ts';
import { checkRule, expandSeries, MAX_SERIES_DAYS, type Expansion, type SeriesRule } from './expand.ts';
import type { PlannedStatus } from './types.ts';

/** Why a visit a changed rule no longer plans, once billed then freed, is kept cancelled (dropPlannedVisits). */
export const REPLANNED_REASON = 'Série modifiée';

export interface KeptVisit {
  date: string;
  plannedTime: string | null;
  status: PlannedStatus;
  reason: string | null;
}

/** The visits to plan from `from` under `rule` (its start is the series' start), around the kept ones. */
export function replanSlots(rule: SeriesRule, kept: readonly KeptVisit[], from: string, postalCode: string): Expansion {
  const problem = checkRule(rule);
  if (problem) return { ok: false, ...problem };
  const lastDay = rule.end ?? addDays(rule.start, MAX_SERIES_DAYS - 1);
  if (lastDay < from) return { ok: true, slots: [] };
  const expansion = expandSeries({ ...rule, end: lastDay, count: null }, postalCode);
  if (!expansion.ok) return expansion;
  // A slot is taken by a visit kept, and by one the desk skipped (« supprimée »: not planned there again); not by
  // one a previous change of rule cancelled.
  const taken = new Set(kept.filter((v) => v.status !== 'cancelled' || v.reason !== REPLANNED_REASON).map((v) => `${v.date} ${v.plannedTime ?? ''}`));
  const open = expansion.slots.filter((s) => s.date >= from && !taken.has(`${s.date} ${s.time}`));
  if (rule.count === null) return { ok: true, slots: open };
  const remaining = Math.max(0, rule.count - kept.filter((v) => v.status === 'planned' || v.status === 'done').length);
  if (open.length < remaining) {
    return { ok: false, field: 'count', message_fr: `${rule.count} séances ne tiennent pas dans une année avec ce rythme : réduisez le nombre ou changez la fréquence.` };
  }
  return { ok: true, slots: open.slice(0, remaining) };
}
