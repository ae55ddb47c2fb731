/**
 * Reading typed dates in the screens: the core reader (jj/mm/aaaa, jj/mm/aa, jjmmaaaa) with the practice's
 * today for two-digit years. The App sets today from `app/info` at start; until then, the computer's date.
 */
import { parseFrDate, type IsoDate } from '../../core/domain/dates.ts';

let practiceToday: IsoDate | null = null;

export function setPracticeToday(today: IsoDate): void {
  practiceToday = today;
}

function today(): IsoDate {
  if (practiceToday) return practiceToday;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A typed date → ISO, or null. `past`: a birth date (« 85 » is 1985, never 2085). */
export function readFrDate(text: string, past = false): IsoDate | null {
  return parseFrDate(text, { today: today(), past });
}
