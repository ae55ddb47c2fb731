/**
 * Cotation types: the dated NGAP catalogue (db/catalogue/*.json, loaded by migration 0004), the visit a
 * user describes, and what the engine derives from it (DESIGN §5).
 */
import type { IkZone, Profession } from '../domain/types.ts';

export type TariffZone = 'metropole' | 'dom';

/** One dated value of a lettre-clé, allowance or majoration. `verifyNote` set = shown « à vérifier ». */
export interface CatalogueTariff {
  id: number;
  profession: Profession;
  code: string;
  zone: TariffZone;
  label: string;
  unitCents: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  verifyNote: string | null;
  source: string | null;
}

/**
 * How an act behaves under NGAP art. 11B (several acts in one sitting), see rules/acts-11b.ts:
 * standard → ranked (100 %, 50 %, then not billed); perfusion and insuline → groups counted as one act;
 * ais + pansement-lourd → a pair at full rate; prise-de-sang → full rate beside one other act from
 * 01/12/2019; vaccination → full rate at home; analgesie-topique → full rate beside its pansement; forfait →
 * BSI daily forfaits outside the ranking.
 */
export const ACT_GROUPS = ['standard', 'perfusion', 'pansement-lourd', 'ais', 'insuline', 'forfait', 'kine', 'prise-de-sang', 'vaccination', 'analgesie-topique'] as const;
export type ActGroup = (typeof ACT_GROUPS)[number];

export interface CatalogueAct {
  key: string;
  profession: Profession;
  code: string;
  /** Hundredths; null = typed from the prescription (kiné key letters). */
  coefficient: number | null;
  label: string;
  ngap: string;
  group: ActGroup;
  keywords: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  verifyNote: string | null;
  source: string;
}

/** A kiné coefficient replaced on a date (avenant 7): `codes` '*' = every annexe-2 key letter. */
export interface CoefficientStep {
  profession: Profession;
  codes: string;
  from: number;
  to: number;
  date: string;
  verifyNote: string | null;
  source: string;
}

export interface Catalogue {
  tariffs: readonly CatalogueTariff[];
  acts: readonly CatalogueAct[];
  steps: readonly CoefficientStep[];
}

export type Place = 'cabinet' | 'domicile';
/** MCI conditions (NGAP titre XVI): palliative care at home, or a heavy and complex dressing. */
export type Coordination = 'aucune' | 'palliatif' | 'pansement-complexe';

/** One act as typed or picked. Coefficient in hundredths. Kinés: `session` 2 = a second session that day. */
export interface VisitAct {
  /** The catalogue act picked (ngap_acts.key): tells AMI 1 « insuline » from AMI 1 « injection ». */
  key?: string | null | undefined;
  code: string;
  coefficient: number;
  session?: 1 | 2 | undefined;
}

/** The unit of cotation: one visit (séance) of one patient. */
export interface Visit {
  date: string;
  /** 'HH:MM', null when not recorded (then no night majoration can apply). */
  time: string | null;
  place: Place;
  /** 1 = first patient of the household seen at this visit (the only one with IFD/IK, NGAP art. 13). */
  householdRank: number;
  /** One-way distance in tenths of km from the office, null = none (no IK). */
  distanceTenths: number | null;
  /** Urgence justifiée par l'état du patient (NGAP art. 14). */
  urgent: boolean;
  /** 'HH:MM' of the emergency call, when recorded: a night majoration needs a call between 19h and 7h. */
  callTime?: string | null | undefined;
  /** « Exécution de nuit / quotidienne impérative » written on the prescription (NGAP art. 14B). */
  imperativePrescription: boolean;
  coordination: Coordination;
  /** Kinés: two prescriptions and two distinct anatomical regions for the second session (titre XIV). */
  twoSessionsJustified: boolean;
  /** Kinés, AME: care following a procedure listed in art. R251-3 CASF (knee, hip, shoulder prosthesis…). */
  r251Procedure?: boolean | undefined;
  acts: readonly VisitAct[];
}

export interface Practice {
  profession: Profession;
  tariffZone: TariffZone;
  ikZone: IkZone;
  /** Office postal code: Alsace-Moselle (57, 67, 68) and DOM (971–976) holidays. */
  postalCode: string;
}

export interface PatientFacts {
  birthDate: string;
}

export type LineKind = 'act' | 'majoration' | 'travel';

/** A billed line: what goes on the invoice and the feuille, with why. */
export interface PricedLine {
  kind: LineKind;
  actDate: string;
  code: string;
  coefficient: number;
  /** 100, or 50 for the second act under NGAP art. 11B (written « AMI 1,5/2 »). */
  ratePercent: 100 | 50;
  unitCents: number;
  amountCents: number;
  tariffId: number;
  explanation: string;
  ngapArticle: string;
}

/** An act typed but not billed (third act under 11B, second kiné cotation…): kept for the explanation. */
export interface DroppedAct {
  code: string;
  coefficient: number;
  explanation: string;
  ngapArticle: string;
}

export interface Problem {
  level: 'block' | 'warn';
  code: string;
  message_fr: string;
}

export interface PricedVisit {
  lines: PricedLine[];
  dropped: DroppedAct[];
  explanations: string[];
  problems: Problem[];
}

/** A reusable set of acts of one practitioner (« insuline matin »). */
export interface ActModel {
  id: number;
  practitionerId: number;
  name: string;
  acts: VisitAct[];
}
