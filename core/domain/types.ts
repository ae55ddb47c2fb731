/**
 * Entities as the API returns them. Dates are ISO `YYYY-MM-DD`, timestamps ISO 8601 UTC,
 * money integer cents, rates integer percents, coefficients in hundredths (AMI 1.5 → 150).
 */
import type { DroppedAct, TariffZone, Visit } from '../cotation/types.ts';

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

/**
 * Where a validated invoice stands in the practice's own follow-up (no electronic return comes back
 * for AME de base). Computed by the database view `invoice_follow_up`, never stored.
 */
export type FollowUpState = 'brouillon' | 'annulee' | 'a-envoyer' | 'a-encaisser' | 'envoyee' | 'payee-partiellement' | 'payee' | 'rejetee';
export type PaymentMode = 'virement' | 'cheque' | 'especes';
/** Who paid: the caisse (part obligatoire), the complémentaire or the AME (part complémentaire), or the patient. */
export type Payer = 'amo' | 'amc' | 'patient';

export interface Payment {
  id: number;
  invoiceId: number;
  receivedOn: string;
  amountCents: number;
  mode: PaymentMode;
  payer: Payer;
  reference: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** The transfer it is part of (one allocation of it); cancelling the payment cancels that transfer. */
  transferId: number;
}

export interface Rejection {
  id: number;
  invoiceId: number;
  rejectedOn: string;
  reason: string;
  /** The usual reason picked in the list (rejection-reasons.ts), null for free text only. */
  reasonCode: string | null;
  createdAt: string;
  withdrawnAt: string | null;
}

export interface BordereauSummary {
  id: number;
  practitionerId: number;
  number: number; // gapless per practitioner
  regime: string;
  caisse: string;
  sentOn: string;
  invoiceCount: number;
  totalCents: number;
  /** What the caisse should pay for the batch (tiers-payant parts). */
  expectedCents: number;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Its PDF was produced once (later prints are duplicatas). */
  printed: boolean;
}

/** One invoice as the follow-up screens and the bordereau list it. */
export interface FollowUpRow {
  invoiceId: number;
  number: number;
  /** ISO timestamp of the validation: nothing that follows (sending, payment, rejection) can be earlier. */
  validatedAt: string;
  practitionerId: number;
  patientId: number;
  patientName: string;
  nir: string;
  regime: string | null;
  caisse: string | null;
  firstActDate: string | null;
  lastActDate: string | null;
  ame: boolean;
  totalCents: number;
  expectedCents: number;
  paidCents: number;
  /** What the patient owes the practice (the part not paid by tiers payant) and has paid of it. */
  patientDueCents: number;
  patientPaidCents: number;
  state: FollowUpState;
  bordereau: { id: number; number: number; sentOn: string } | null;
  /** Sent (or validated, if never sent) long ago and still not paid: time to call the caisse. */
  overdue: boolean;
}

export interface Bordereau extends BordereauSummary {
  invoices: FollowUpRow[];
}

export interface InvoiceFollowUp {
  row: FollowUpRow;
  payments: Payment[];
  rejections: Rejection[];
  /** The relances that listed this invoice (its history), oldest first. */
  relances: { relanceId: number; sentOn: string; addressee: 'caisse' | 'patient'; awaitedCents: number }[];
}

/** The figures at the top of the follow-up screen. */
export interface FollowUpTotals {
  aEnvoyer: { count: number; expectedCents: number };
  enAttente: { count: number; expectedCents: number; overdue: number };
  rejetees: { count: number; expectedCents: number };
}

/** A copy of the database in the data folder's `sauvegardes/`. */
export interface BackupInfo {
  fileName: string;
  /** When it was made (ISO timestamp): the date written inside the file, else the one in its name. */
  createdAt: string;
  sizeBytes: number;
  /** Made automatically just before a restore replaced the database. */
  beforeRestore: boolean;
  /**
   * Why its date is not trusted, in French (no date written inside it, or a date in the future), or null.
   * Such a file is never deleted automatically nor counted among the backups kept.
   */
  doubt: string | null;
}

/** An encrypted copy of a backup (age format, passphrase): `feuillet-….sqlite.age`, for a USB key. */
export interface EncryptedCopyInfo {
  fileName: string;
  sizeBytes: number;
  /** When the file was written in this folder (made here, or copied from a key). */
  madeAt: string;
}

/** One line of the livre des recettes: a payment received, with what it paid. */
export interface LedgerLine {
  paymentId: number;
  receivedOn: string;
  amountCents: number;
  mode: PaymentMode;
  reference: string | null;
  invoiceId: number;
  invoiceNumber: number;
  patientName: string;
  ame: boolean;
  payer: Payer;
  practitionerId: number;
  practitionerName: string;
}
