import { formatCoefficient } from '../../domain/acts.ts';
import { formatFrDate } from '../../domain/dates.ts';

/** « AMI 1,5 », or « AMI 1,5/2 » for the second act at 50 % (as the feuille de soins expects, NGAP art. 11B). */
export const cotation = (code: string, coefficient: number, ratePercent: 100 | 50 = 100): string =>
  `${code} ${formatCoefficient(coefficient)}${ratePercent === 50 ? '/2' : ''}`;

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
export const dayFr = (date: string, weekdayIndex: number): string => `${DAYS[weekdayIndex]} ${formatFrDate(date)}`;
