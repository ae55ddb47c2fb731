/**
 * What the printed feuille de soins needs, already decided and computed by the backend.
 * Templates only lay it out: no rule, no database. Money in cents, dates ISO (formatted on paper).
 */
import type { PractitionerOnPaper } from '../shared/model.ts';

export interface FeuilleDeSoinsModel {
  invoice: {
    number: number; // gapless per practitioner
    validatedAt: string; // ISO timestamp
    status: 'validated' | 'cancelled';
    cancelReason: string | null;
    /** true when printed again after the first print. */
    duplicata: boolean;
  };
  practitioner: PractitionerOnPaper;
  patient: {
    lastName: string;
    usageName: string | null;
    firstName: string;
    birthDate: string;
    nir: string; // 15 chars normalised
    birthRank: number;
    regime: string | null;
    caisse: string | null;
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
  } | null;
  billing: {
    exonerationLabel: string; // e.g. « Pas d'exonération »
    tiersPayantAmo: boolean; // « n'a pas payé la part obligatoire »
    tiersPayantAmc: boolean; // « n'a pas payé la part complémentaire »
    amoRate: number;
    amcRate: number;
    amcOrganism: { number: string; name: string } | null;
    ame: boolean;
  };
  lines: {
    actDate: string;
    code: string;
    coefficient: number; // hundredths
    /** 50 = second act of a sitting under NGAP art. 11B, printed « AMI 1,5/2 »; absent = 100. */
    ratePercent?: number;
    quantity: number;
    unitCents: number;
    amountCents: number;
    qualificatif: 'N' | null;
  }[];
  totals: { totalCents: number; amoCents: number; amcCents: number; patientCents: number };
  /** Printed plainly at the bottom: paper, no télétransmission. */
  notice: string;
}
