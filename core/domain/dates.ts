/**
 * Calendar dates as ISO strings `YYYY-MM-DD` in data, `jj/mm/aaaa` on screen and on paper.
 * Pure: no time zone, no clock. The clock is injected where "today" matters.
 */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FR_RE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\s*$/;
/** Digits only: jjmmaaaa, or jjmmaa. */
const COMPACT_RE = /^\s*(\d{2})(\d{2})(\d{4}|\d{2})\s*$/;

export type IsoDate = string;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date such as 2024-02-29; false for 2023-02-29 or 2024-13-01. */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1850 || year > 2200) return false;
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/**
 * How a two-digit year is read: against `today` (the practice's date), as the latest year that puts the
 * date not after today (`past`: birth dates, « 01/12/26 » typed on 25/11/2026 is 1926) or in a year not more
 * than 10 years after today's (acts, rights, payments).
 * Without `today` a two-digit year is not read.
 */
export interface FrDateOptions {
  today?: IsoDate | undefined;
  past?: boolean | undefined;
}

/**
 * The one date reader of every date field (issue #19 item 10): `jj/mm/aaaa`, `jj/mm/aa`, `jjmmaaaa`, `jjmmaa`
 * (also `j/m/aaaa`, `.` or `-` as separators) → ISO, or null when it is not a real date.
 */
export function parseFrDate(value: string, opts: FrDateOptions = {}): IsoDate | null {
  const m = FR_RE.exec(value) ?? COMPACT_RE.exec(value);
  if (!m) return null;
  const monthDay = `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const year = m[3]!.length === 4 ? m[3]! : fullYear(Number(m[3]), monthDay, opts);
  if (year === null) return null;
  const iso = `${year}-${monthDay}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** The latest year ending in `yy` whose date is not after today (`past`: a birth date) or not after 10 years ahead. */
function fullYear(yy: number, monthDay: string, opts: FrDateOptions): string | null {
  if (!opts.today || !ISO_RE.test(opts.today)) return null;
  const thisYear = Number(opts.today.slice(0, 4));
  const latest = opts.past ? opts.today : `${thisYear + 10}-12-31`;
  const century = Math.floor(Number(latest.slice(0, 4)) / 100) * 100;
  const candidate = century + yy;
  const year = `${candidate}-${monthDay}` <= latest ? candidate : candidate - 100;
  return String(year).padStart(4, '0');
}

/** `2026-03-05` → `05/03/2026`. Returns the input unchanged when it is not an ISO date. */
export function formatFrDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_RE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function toUtcMs(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(iso) + days * 86_400_000);
}

/** Adds calendar months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** AME is granted for one year: the proposed end of rights is start + 1 year − 1 day. */
export function proposeAmeEndDate(start: IsoDate): IsoDate {
  return addDays(addMonths(start, 12), -1);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / 86_400_000);
}

/** Inclusive range check on ISO dates (string comparison is exact for ISO dates). */
export function isWithin(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return date >= start && date <= end;
}
