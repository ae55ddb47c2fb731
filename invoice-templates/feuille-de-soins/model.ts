/**
 * What the printed feuille de soins needs, already decided and computed by the backend.
 * Templates only lay it out: no rule, no database. Money in cents, dates ISO (formatted on paper).
 *
 * `FrozenFeuille` is stored with the invoice at validation (table invoice_print_models, immutable):
 * every later print — original, duplicata, batch — renders from it, never from the current patient,
 * practitioner or tariff rows. `PrintState` is what may differ between two prints of the same invoice.
 */
import type { InsuranceNature, InvoiceCircumstances } from '../../core/domain/types.ts';
import type { PractitionerOnPaper } from '../shared/model.ts';

export type { InsuranceNature };

/**
 * Version of the stored JSON shape; a later shape change reads older versions explicitly.
 * 1: first shape. 2: each line also carries its 11B rate (`ratePercent`) and `ngapArticle`; a version-1
 * model lacks them and prints as it always did (every line at 100 %, no article).
 */
export const FROZEN_FEUILLE_VERSION = 2;
/** Stored versions this code still prints. */
export const READABLE_FEUILLE_VERSIONS: readonly number[] = [1, 2];

export interface FrozenFeuille {
  invoice: {
    number: number; // gapless per practitioner
    validatedAt: string; // ISO timestamp
  };
  practitioner: PractitionerOnPaper & {
    /** Situation d'exercice (CSS R161-42): titulaire, or remplaçant of `replaced`. */
    situation: 'titulaire' | 'remplacant';
    replaced: { lastName: string; firstName: string; amNumber: string } | null;
  };
  patient: {
    lastName: string;
    usageName: string | null;
    firstName: string;
    birthDate: string;
    nir: string; // 15 chars normalised
    birthRank: number;
    regime: string | null;
    caisse: string | null;
    /** As printed in degraded mode (BILLING-RULES §2: « 0000 » for the régime général). */
    centre: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
  };
  /** The insured person (assuré): the patient itself when `quality` is assuré. */
  insured: {
    quality: 'assure' | 'ayant_droit';
    lastName: string;
    firstName: string;
    nir: string;
    birthDate: string | null;
  };
  prescription: {
    prescriberName: string;
    prescriberIdentifier: string;
    prescriberSpecialty: string | null;
    date: string;
    /** Kiné: sessions prescribed (« séance n / total »), when entered. */
    sessionsPrescribed?: number | null;
  } | null;
  billing: {
    exonerationLabel: string; // e.g. « Pas d'exonération »
    /** Exonération for an affection de longue durée (the ALD box). */
    ald: boolean;
    tiersPayantAmo: boolean; // « n'a pas payé la part obligatoire »
    tiersPayantAmc: boolean; // « n'a pas payé la part complémentaire »
    amoRate: number;
    amcRate: number;
    amcOrganism: { number: string; name: string } | null;
    ame: boolean;
  };
  /** The AME attestation the acts were billed under (AME invoices only). */
  ameRights: {
    contractCode: string | null;
    attestationNumber: string | null;
    startDate: string;
    endDate: string;
  } | null;
  /** Nature d'assurance, AT/MP, accident caused by a third party, entente préalable (CSS R161-42). */
  circumstances: InvoiceCircumstances;
  lines: {
    actDate: string;
    code: string;
    coefficient: number; // hundredths
    quantity: number;
    unitCents: number;
    amountCents: number;
    qualificatif: 'N' | null;
    /** Kiné: session number within the prescription (1-based), or null. */
    sessionNumber: number | null;
    /** Why the line is priced this way (rule applied, NGAP article), when the pricing gives one. */
    explanation: string | null;
    /** 100, or 50 for the second act of a sitting (NGAP art. 11B, printed « AMI 1,5/2 »). Absent before version 2: 100. */
    ratePercent?: number;
    /** The NGAP article the cotation applied (« NGAP dispositions générales art. 11B »). Absent before version 2. */
    ngapArticle?: string | null;
  }[];
  totals: { totalCents: number; amoCents: number; amcCents: number; patientCents: number };
  /** Printed plainly at the bottom: paper, no télétransmission. */
  notice: string;
}

/** What may change between two prints of one validated invoice. */
export interface PrintState {
  status: 'validated' | 'cancelled';
  cancelReason: string | null;
  /** true for a reprint: « Duplicata », with the original's date and number. */
  duplicata: boolean;
}

export interface FeuilleDeSoinsModel extends Omit<FrozenFeuille, 'invoice'> {
  invoice: FrozenFeuille['invoice'] & PrintState;
}

export const withPrintState = (frozen: FrozenFeuille, state: PrintState): FeuilleDeSoinsModel => ({
  ...frozen,
  invoice: { ...frozen.invoice, ...state },
});
