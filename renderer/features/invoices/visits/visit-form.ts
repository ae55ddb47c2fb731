/**
 * A visit as typed on the Actes tab (French text fields), and its conversions: to the API input, to the
 * engine's visit for live pricing (the same core function the server uses), from a stored visit.
 */
import type { MethodInput } from '../../../../core/api/contract.ts';
import type { Coordination, Place, Visit, VisitAct } from '../../../../core/cotation/types.ts';
import { formatFrDate } from '../../../../core/domain/dates.ts';
import { readFrDate } from '../../../ui/dates.ts';
import type { InvoiceVisit } from '../../../../core/domain/types.ts';

export type ApiVisit = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];

export interface ActForm {
  key: number;
  catalogueKey: string | null;
  code: string;
  coefficient: string; // « 1,5 »
  session: 1 | 2;
}

export interface VisitForm {
  key: number;
  date: string; // jj/mm/aaaa
  time: string; // hh:mm or ''
  place: Place;
  householdRank: string;
  distanceKm: string; // « 7,5 » or ''
  urgent: boolean;
  callTime: string; // hh:mm or ''
  imperativePrescription: boolean;
  coordination: Coordination;
  twoSessionsJustified: boolean;
  r251Procedure: boolean;
  acts: ActForm[];
}

let nextKey = 1;
export const newKey = (): number => nextKey++;

export const newVisitForm = (date = ''): VisitForm => ({
  key: newKey(), date, time: '', place: 'cabinet', householdRank: '1', distanceKm: '', urgent: false, callTime: '',
  imperativePrescription: false, coordination: 'aucune', twoSessionsJustified: false, r251Procedure: false, acts: [],
});

const decimal = (hundredths: number, per: number) => String(hundredths / per).replace('.', ',');
const readNumber = (text: string): number => Number(text.trim().replace(',', '.'));

export const visitToForm = (v: InvoiceVisit | Visit): VisitForm => ({
  key: newKey(),
  date: formatFrDate(v.date),
  time: v.time ?? '',
  place: v.place,
  householdRank: String(v.householdRank),
  distanceKm: v.distanceTenths === null ? '' : decimal(v.distanceTenths, 10),
  urgent: v.urgent,
  callTime: v.callTime ?? '',
  imperativePrescription: v.imperativePrescription,
  coordination: v.coordination,
  twoSessionsJustified: v.twoSessionsJustified,
  r251Procedure: v.r251Procedure ?? false,
  acts: v.acts.map((a) => ({ key: newKey(), catalogueKey: a.key ?? null, code: a.code, coefficient: decimal(a.coefficient, 100), session: a.session ?? 1 })),
});

/** Typed visit → API input. Unreadable values are passed as typed so the backend names the field in French. */
export function formToApi(f: VisitForm): ApiVisit {
  return {
    date: readFrDate(f.date) ?? f.date,
    time: f.time.trim() === '' ? null : f.time.trim().replace('h', ':'),
    place: f.place,
    householdRank: readNumber(f.householdRank),
    distanceKm: f.distanceKm.trim() === '' ? null : readNumber(f.distanceKm),
    urgent: f.urgent,
    callTime: f.urgent && f.callTime.trim() !== '' ? f.callTime.trim().replace('h', ':') : null,
    imperativePrescription: f.imperativePrescription,
    coordination: f.coordination,
    twoSessionsJustified: f.twoSessionsJustified,
    r251Procedure: f.r251Procedure,
    acts: f.acts.map((a) => ({ ...(a.catalogueKey ? { key: a.catalogueKey } : {}), code: a.code.trim().toUpperCase(), coefficient: readNumber(a.coefficient), ...(a.session === 2 ? { session: 2 as const } : {}) })),
  };
}

/** API visit → the engine's visit, or null while something typed is not readable yet (no live price then). */
export function apiToEngine(v: ApiVisit): Visit | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) return null;
  if (v.time !== null && v.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) return null;
  if (v.callTime !== null && v.callTime !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.callTime)) return null;
  if (!Number.isFinite(v.householdRank) || (v.distanceKm !== null && v.distanceKm !== undefined && !Number.isFinite(v.distanceKm))) return null;
  const acts: VisitAct[] = [];
  for (const a of v.acts) {
    if (!a.code || !Number.isFinite(a.coefficient) || (a.coefficient ?? 0) <= 0) return null;
    acts.push({ key: a.key ?? null, code: a.code, coefficient: Math.round((a.coefficient ?? 1) * 100), ...(a.session ? { session: a.session } : {}) });
  }
  return {
    date: v.date,
    time: v.time ?? null,
    place: v.place ?? 'cabinet',
    householdRank: v.householdRank ?? 1,
    distanceTenths: v.distanceKm === null || v.distanceKm === undefined ? null : Math.round(v.distanceKm * 10),
    urgent: v.urgent ?? false,
    callTime: v.callTime ?? null,
    imperativePrescription: v.imperativePrescription ?? false,
    coordination: v.coordination ?? 'aucune',
    twoSessionsJustified: v.twoSessionsJustified ?? false,
    r251Procedure: v.r251Procedure ?? false,
    acts,
  };
}

/** A stored visit → API input (to save it again, e.g. when the billing terms change). */
export const storedToApi = (v: InvoiceVisit): ApiVisit => formToApi(visitToForm(v));
