import type { CatalogueAct } from './types.ts';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Acts matching what is typed: a code (« AMI », « AMI 1,5 ») or words (« prise de sang », « pansement
 * lourd », « vaccin », « genou »), every word found in the code, coefficient, label or key words. Acts in
 * force on `date` only. Acts whose label holds more of the words come first (« prise de sang » puts the
 * ponction veineuse before the prélèvement sur chambre implantable), then the catalogue's order.
 */
export function searchActs(acts: readonly CatalogueAct[], query: string, date: string | null): CatalogueAct[] {
  const words = fold(query).split(/\s+/).filter(Boolean).map((w) => w.replace('.', ','));
  if (words.length === 0) return [];
  const found: { act: CatalogueAct; score: number; index: number }[] = [];
  acts.forEach((a, index) => {
    if (date && (a.effectiveFrom > date || (a.effectiveTo !== null && a.effectiveTo < date))) return;
    const coef = a.coefficient === null ? '' : String(a.coefficient / 100).replace('.', ',');
    const label = fold(`${a.code} ${coef} ${a.label}`);
    const hay = `${label} ${fold(a.keywords)}`;
    if (words.every((w) => hay.includes(w))) found.push({ act: a, score: words.filter((w) => label.includes(w)).length, index });
  });
  return found.sort((x, y) => y.score - x.score || x.index - y.index).map((f) => f.act);
}
