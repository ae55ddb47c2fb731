import { formatCoefficient } from '../../../core/domain/acts.ts';
import type { Frequency } from '../../../core/series/expand.ts';
import type { PlannedStatus, SeriesAct } from '../../../core/series/types.ts';

export const statusLabels: Record<PlannedStatus, string> = { planned: 'Prévue', done: 'Faite', 'not-done': 'Non faite', cancelled: 'Supprimée' };

export const actsText = (acts: readonly SeriesAct[]): string => acts.map((a) => `${a.code} ${formatCoefficient(a.coefficient)}`).join(' + ');

const DAY_SHORT = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];

export function frequencyText(f: Frequency): string {
  if (f.kind === 'daily') return 'chaque jour';
  if (f.kind === 'every-other-day') return 'tous les 2 jours';
  return [...f.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => DAY_SHORT[d]).join(', ');
}
