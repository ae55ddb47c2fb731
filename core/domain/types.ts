/**
 * Entities as the API returns them. Dates are ISO `YYYY-MM-DD`, timestamps ISO 8601 UTC,
 * money integer cents, rates integer percents, coefficients in hundredths (AMI 1.5 → 150).
 */
import type { DroppedAct, TariffZone, Visit } from '../cotation/types.ts';
import type { FollowUpState } from './follow-up-types.ts';

export type Sex = 'F' | 'M';
export type Quality = 'assure' | 'ayant_droit';
export type Profession = 'infirmier' | 'masseur-kinesitherapeute';
export type IkZone = 'plaine' | 'montagne' | 'pied-ski';

export interface Patient {
  id: number;
  lastName: string; // nom de naissance
  usageName: string | null; // nom d'usage
  firstName: string;
  birthDate: string;
  sex: Sex;
  nir: string; // 15 characters, normalised (no spaces), 2A/2B kept
  birthRank: number; // rang de naissance / gémellaire, 1–9
  regime: string | null; // e.g. 01
  caisse: string | null; // e.g. 751
  centre: string | null; // e.g. 0000
  quality: Quality;
  insuredLastName: string | null;
  insuredFirstName: string | null;
  insuredNir: string | null;
  insuredBirthDate: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  notes: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One row of the patient list: enough to pick the right person, nothing more. */
export interface PatientSummary {
  id: number;
  lastName: string;
  usageName: string | null;
  firstName: string;
  birthDate: string;
  nir: string;
  archived: boolean;
  /** NIR/NIA beginning with 7 or 8: a hint, never a decision. */
  amePossible: boolean;
  /** State of the most relevant AME coverage today, or null when the patient has none. */
  ameState: CoverageState | null;
}

export interface Organism {
  id: number;
  number: string; // 10 digits as shown by desk software, e.g. 0075500017
  name: string;
  isAme: boolean;
}

export type CoverageState = 'en-cours' | 'expire-bientot' | 'expiree' | 'future';

export interface Coverage {
  id: number;
  patientId: number;
  organism: Organism;
  startDate: string;
  endDate: string;
  contractCode: string | null;
  /** The AME attestation's number, as printed on the card. */
  attestationNumber: string | null;
  state: CoverageState;
  createdAt: string;
}

export interface Practitioner {
  id: number;
  profession: Profession;
  lastName: string;
  firstName: string;
  amNumber: string; // n° de facturation (identifiant AM), 9 digits
  rpps: string | null; // 11 digits
  addressLine: string;
  postalCode: string;
  city: string;
  phone: string | null;
  ikZone: IkZone;
  /** Métropole or DOM: which tariff values apply (issue #7). */
  tariffZone: TariffZone;
  /** Situation d'exercice (printed on the feuille): titulaire, or remplaçant of `replaced`. */
  situation: 'titulaire' | 'remplacant';
  replaced: { lastName: string; firstName: string; amNumber: string } | null;
  /** How feuilles print: plain paper, or data only on the CPAM pre-printed form (shifted by the offsets, in mm). */
  printSettings: PrintSettings;
  archived: boolean;
}

export interface Prescriber {
  id: number;
  lastName: string;
  firstName: string;
  identifier: string; // identifiant AM (9 digits) or RPPS (11 digits)
  specialty: string | null;
}

/** Exonération du ticket modérateur. Codes are ours; labels are what the desk user picks. */
export type Exoneration = 'aucune' | 'ald' | 'maternite' | 'atmp' | 'soins-particuliers';

export interface Prescription {
  id: number;
  patientId: number;
  prescriber: Prescriber;
  prescriptionDate: string;
  /** The box « aide médicale de base - AME ». */
  ame: boolean;
  exoneration: Exoneration;
  /** Acts prescribed, free text as written on the prescription (e.g. « AMI 1 × 2/j pendant 10 j »). */
  plannedActs: string | null;
  /** Kiné: sessions prescribed, printed as « séance n / total ». */
  sessionsPrescribed: number | null;
  /** Whose prescription it is (issue #19 item 8); null for one typed before: offered to everyone. */
  profession: Profession | null;
  /** Key letters picked from the catalogue (« AMI », « AIS »); the « acte non prescrit » check uses them only. */
  prescribedActs: string[];
  createdAt: string;
}

export interface Tariff {
  id: number;
  profession: Profession;
  code: string; // lettre-clé or allowance: AMI, AMK, IFD, IK…
  label: string;
  unitCents: number;
  effectiveFrom: string;
  createdAt: string;
  zone: TariffZone;
  effectiveTo: string | null;
  /** Why the value is unsure (BILLING-RULES): shown « à vérifier ». Null = sure. */
  verifyNote: string | null;
  source: string | null;
}

export type InvoiceStatus = 'draft' | 'validated' | 'cancelled';
export type AmeSource = 'button' | 'prescription' | 'prompt';
export type AmePromptAnswer = 'oui' | 'non';
/** rights: AME formatting applied by default (acts inside the AME rights on file); declined: the user turned it off. */
export type AmeChoice = 'rights' | 'declined';

export interface InvoiceLine {
  id: number;
  actDate: string;
  code: string;
  coefficient: number; // hundredths: 1 → 100, 8.1 → 810
  quantity: number;
  unitCents: number; // tariff value in force on actDate
  amountCents: number; // round(coefficient × unit) × quantity
  /** Qualificatif de dépense: N on every AME act (SESAM-Vitale SFG RG_CF655 [SP06]); null = blank. */
  qualificatif: 'N' | null;
  tariffId: number;
  /** 100, or 50 for the second act of a sitting (NGAP art. 11B, written « AMI 1,5/2 »). */
  ratePercent: number;
  /** Why the line is there and at this rate (cotation engine); null on lines typed by hand. */
  explanation: string | null;
  ngapArticle: string | null;
  /** The visit (1-based position) the line derives from; null on lines typed by hand. */
  visitPosition: number | null;
}

/** A visit stored with its invoice: what the user described, and what the engine dropped and said. */
export interface InvoiceVisit extends Visit {
  position: number;
  dropped: DroppedAct[];
  explanations: string[];
}

export interface Invoice {
  id: number;
  number: number | null; // gapless per practitioner, given at validation
  status: InvoiceStatus;
  practitionerId: number;
  patientId: number;
  prescriptionId: number | null;
  exoneration: Exoneration;
  tiersPayantAmo: boolean;
  tiersPayantAmc: boolean;
  amoRate: number; // percent
  amcRate: number; // percent
  amcOrganism: Organism | null;
  ame: boolean;
  ameSource: AmeSource | null;
  amePromptAnswer: AmePromptAnswer | null;
  ameChoice: AmeChoice | null;
  outsideRightsConfirmed: boolean;
  lines: InvoiceLine[];
  /** Visits described on the Actes tab; empty when the lines were typed by hand. */
  visits: InvoiceVisit[];
  totalCents: number;
  amoCents: number;
  amcCents: number;
  /** What the patient pays at the desk (0 on an AME invoice). */
  patientCents: number;
  createdAt: string;
  validatedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  replacesInvoiceId: number | null;
  pdfFile: string | null;
  /** Printed in their boxes of the feuille de soins (CSS R161-42); set on the draft. */
  circumstances: InvoiceCircumstances;
}

/** A caisse of the catalogue (Réglages): where a bordereau is addressed. */
export interface Caisse {
  regime: string; // 2 digits, e.g. 01
  caisse: string; // 3 digits, e.g. 751
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  updatedAt: string;
}

export type PrintLayout = 'plain' | 'overlay';
export interface PrintSettings {
  layout: PrintLayout;
  xMm: number;
  yMm: number;
}

export type InsuranceNature = 'maladie' | 'maternite' | 'atmp';

/** Nature d'assurance (with the AT number or date), accident caused by a third party, entente préalable. */
export interface InvoiceCircumstances {
  insuranceNature: InsuranceNature;
  atNumber: string | null;
  atDate: string | null;
  thirdPartyAccident: boolean;
  accidentDate: string | null;
  priorAgreementDate: string | null;
}

export interface InvoiceSummary {
  id: number;
  number: number | null;
  status: InvoiceStatus;
  practitionerId: number;
  patientId: number;
  patientName: string;
  firstActDate: string | null;
  ame: boolean;
  totalCents: number;
  createdAt: string;
  /** Where it stands in the follow-up (null for a draft). */
  followUpState: FollowUpState | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  entity: string;
  entityId: number;
  action: string;
  before: unknown;
  after: unknown;
}

/** A generated PDF: in Electron the shell opens it for printing; in the browser the UI opens `url`. */
export interface DocumentRef {
  fileName: string;
  url: string | null;
  openedByShell: boolean;
}

// The follow-up and money-in entities, and the backup entities, live beside this file; re-exported so
// every layer keeps one import for the API's entities.
export type * from './follow-up-types.ts';
export type * from './backup-types.ts';
