import type { CatalogueAct } from '../../../../core/cotation/types.ts';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Acts matching what is typed: a code (« AMI », « AMI 1,5 ») or words (« prise de sang », « pansement
 * lourd », « insuline »), every word found in the label or key words. Acts in force on `date` only.
 */
export function searchActs(acts: readonly CatalogueAct[], query: string, date: string | null): CatalogueAct[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return acts.filter((a) => {
    if (date && (a.effectiveFrom > date || (a.effectiveTo !== null && a.effectiveTo < date))) return false;
    const coef = a.coefficient === null ? '' : String(a.coefficient / 100).replace('.', ',');
    const hay = fold(`${a.code} ${coef} ${a.label} ${a.keywords}`);
    return words.every((w) => hay.includes(w.replace('.', ',')));
  });
}
