/**
 * Public holidays for the Sunday/holiday majoration (NGAP art. 14: « dimanche et jours fériés »).
 * National days (Code du travail L3133-1) from `@socialgouv/jours-feries`; Alsace-Moselle adds Good
 * Friday and 26 Dec; each DOM adds its abolition-of-slavery day (BILLING-RULES §6). Whether the local
 * days count for the NGAP majoration is unsure (§6): they are flagged `local` so the engine says so.
 */
import joursFeries from '@socialgouv/jours-feries';

export interface Holiday {
  name: string;
  /** True for a day that is a holiday only locally (Alsace-Moselle, a DOM). */
  local: boolean;
}

/** Abolition-of-slavery days by DOM department (loi 83-550, décret 83-1003). */
const DOM_DAYS: Record<string, { monthDay: string; name: string }> = {
  '971': { monthDay: '05-27', name: "Abolition de l'esclavage (Guadeloupe)" },
  '972': { monthDay: '05-22', name: "Abolition de l'esclavage (Martinique)" },
  '973': { monthDay: '06-10', name: "Abolition de l'esclavage (Guyane)" },
  '974': { monthDay: '12-20', name: "Abolition de l'esclavage (La Réunion)" },
  '976': { monthDay: '04-27', name: "Abolition de l'esclavage (Mayotte)" },
};

const ALSACE_MOSELLE = ['57', '67', '68'];

const iso = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The national days of a year, and those Alsace-Moselle adds, by ISO date: computed once per year (pricing asks for each visit). */
const byYear = new Map<number, { national: Map<string, string>; alsace: Map<string, string> }>();

function daysOf(year: number): { national: Map<string, string>; alsace: Map<string, string> } {
  let days = byYear.get(year);
  if (!days) {
    const national = joursFeries(year);
    const alsace = new Map<string, string>();
    for (const [name, d] of Object.entries(joursFeries(year, { alsace: true }))) if (!(name in national)) alsace.set(iso(d), name);
    days = { national: new Map(Object.entries(national).map(([name, d]) => [iso(d), name])), alsace };
    byYear.set(year, days);
  }
  return days;
}

/** The holiday falling on `date` for an office at `postalCode`, or null. */
export function holidayOn(date: string, postalCode: string): Holiday | null {
  const days = daysOf(Number(date.slice(0, 4)));
  const national = days.national.get(date);
  if (national !== undefined) return { name: national, local: false };
  if (ALSACE_MOSELLE.includes(postalCode.slice(0, 2))) {
    const local = days.alsace.get(date);
    if (local !== undefined) return { name: local, local: true };
  }
  const dom = DOM_DAYS[postalCode.slice(0, 3)];
  if (dom && date.slice(5) === dom.monthDay) return { name: dom.name, local: true };
  return null;
}

/** 0 = Sunday … 6 = Saturday, for an ISO date (UTC arithmetic: no time zone involved). */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
