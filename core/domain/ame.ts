/**
 * The AME rules of the invoice (seed 000 « Mise en place d'une AME », DESIGN §3).
 */
import type { AmeChoice, AmePromptAnswer, AmeSource, Exoneration } from './types.ts';
import { isAmePossible } from './nir.ts';
import { formatFrDate, isWithin } from './dates.ts';
import { coverageState } from './coverage.ts';

/** The billing terms of an invoice header that the AME formatting decides. */
export interface BillingTerms {
  exoneration: Exoneration;
  tiersPayantAmo: boolean;
  tiersPayantAmc: boolean;
  amoRate: number;
  amcRate: number;
  amcOrganismId: number | null;
  ame: boolean;
  ameSource: AmeSource | null;
  qualificatif: 'N' | null;
}

/** AMO rate of auxiliaires médicaux in mode dégradé: 60 %, or 100 % with an exonération. */
export const DEFAULT_AMO_RATE = 60;

/**
 * AME formatting, identical whether it comes from the button, the prescription or the prompt:
 * pas d'exonération; tiers payant on the AMO and AMC shares; 0 % for the caisse; 100 % for the
 * AME organism (0075500017); qualificatif de dépense N on every act — SESAM-Vitale SFG RG_CF655
 * [SP06]: « le code qualificatif de la dépense est à N pour tous les actes ».
 */
export function ameTerms(ameOrganismId: number, source: AmeSource): BillingTerms {
  return {
    exoneration: 'aucune',
    tiersPayantAmo: true,
    tiersPayantAmc: true,
    amoRate: 0,
    amcRate: 100,
    amcOrganismId: ameOrganismId,
    ame: true,
    ameSource: source,
    qualificatif: 'N',
  };
}

/**
 * The normal degraded-mode invoice (what removing the AME formatting restores): the exonération of
 * the prescription (if any), AMO 60 % or 100 % when exonerated, no AMC, blank qualificatif.
 */
export function normalTerms(exoneration: Exoneration, tiersPayantAmo = false): BillingTerms {
  return {
    exoneration,
    tiersPayantAmo,
    tiersPayantAmc: false,
    amoRate: exoneration === 'aucune' ? DEFAULT_AMO_RATE : 100,
    amcRate: 0,
    amcOrganismId: null,
    ame: false,
    ameSource: null,
    qualificatif: null,
  };
}

export const AME_PROMPT_MESSAGE =
  "Votre patient est susceptible de bénéficier de l'AME (son numéro commence par 7 ou 8). Voulez-vous mettre la facture en forme pour l'Aide médicale d'État ?";

/**
 * Asked on Imprimer of an invoice without the AME formatting whose patient has AME rights covering every
 * act (issue #19 item 1): one click on the button must not bill the caisse at 60 % with no question.
 */
export function ameRightsPromptMessage(startDate: string, endDate: string, datesOutside: readonly string[] = []): string {
  const covers = datesOutside.length === 0
    ? 'qui couvrent les actes de la facture'
    : `qui couvrent une partie des actes de la facture (hors droits : ${datesOutside.map(formatFrDate).join(', ')})`;
  return `Ce patient a des droits AME enregistrés du ${formatFrDate(startDate)} au ${formatFrDate(endDate)}, ${covers}, mais la facture n'est pas en AME : la caisse paierait ${DEFAULT_AMO_RATE} % et le patient le reste. Voulez-vous mettre la facture en forme pour l'Aide médicale d'État ?`;
}

/**
 * The AME question, asked on Imprimer of an invoice not AME-formatted: when the NIR/NIA starts with 7 or 8
 * (the forgotten-AME prompt, unless the button was turned off on this draft), or when AME rights on file
 * cover at least one act (asked even after the button was turned off: a single click must not drop the AME;
 * rights ending inside the invoice's dates must not bill the covered acts at 60 % without a word either).
 * Not asked once answered; numbers beginning with 1 or 2 without rights are never prompted.
 */
export function amePromptDecision(input: {
  nir: string;
  ame: boolean;
  storedAnswer: AmePromptAnswer | null;
  givenAnswer: AmePromptAnswer | undefined;
  /** The user turned the « Aide médicale d'État » button off on this draft. */
  declined?: boolean;
  /** AME rights on file cover at least one act of the invoice. */
  rightsCover?: boolean;
}): 'not-needed' | 'ask' | 'apply-ame' | 'keep' {
  if (input.ame) return 'not-needed';
  if (!input.rightsCover && (input.declined || !isAmePossible(input.nir))) return 'not-needed';
  // The latest answer wins over one stored earlier (issue #9: one « Oui » must not lock a draft into AME).
  const answer = input.givenAnswer ?? input.storedAnswer;
  if (answer === undefined || answer === null) return 'ask';
  return answer === 'oui' ? 'apply-ame' : 'keep';
}

/**
 * The AME formatting by default from the rights on file (vendor manual, seed 000: the AME rights are
 * recorded so that the invoices of the period are AME invoices). Applied when every act falls inside
 * recorded AME rights and the user has not turned the button off; withdrawn when it was applied by
 * default and the acts no longer fall inside the rights. Anything the user or a prescription decided stays.
 */
export function ameDefaultDecision(input: {
  ame: boolean;
  choice: AmeChoice | null;
  rights: 'none' | 'covered' | 'outside';
  /** « Non » to the forgotten-AME prompt is the user's latest word, like the button turned off. */
  promptAnswer?: AmePromptAnswer | null;
}): 'apply' | 'withdraw' | 'keep' {
  if (!input.ame && input.choice === null && input.promptAnswer !== 'non' && input.rights === 'covered') return 'apply';
  if (input.ame && input.choice === 'rights' && input.rights !== 'covered') return 'withdraw';
  return 'keep';
}

export interface RightsPeriod {
  startDate: string;
  endDate: string;
}

export interface RightsCheck {
  status: 'none' | 'covered' | 'outside';
  /** Index of the period used for the message (covering most acts, else the latest). */
  periodIndex: number | null;
  datesOutside: string[];
  endingSoon: boolean;
  message_fr: string | null;
}

/**
 * Are the act dates inside the AME rights on file? Boundaries are inclusive: the first and the last
 * day of rights are covered. Reference date = the act's date (NGAP: isolated act → date of execution;
 * SFG RG_CF600). Rights ending within two months of today raise a renewal reminder.
 */
export function checkAmeRights(actDates: readonly string[], periods: readonly RightsPeriod[], today: string): RightsCheck {
  if (periods.length === 0) {
    return {
      status: 'none',
      periodIndex: null,
      datesOutside: [...new Set(actDates)].sort(),
      endingSoon: false,
      message_fr: "Aucune couverture AME n'est enregistrée pour ce patient. Ajoutez les dates de droits figurant sur l'attestation (onglet Complémentaire).",
    };
  }
  const uniqueDates = [...new Set(actDates)].sort();
  const datesOutside = uniqueDates.filter((d) => !periods.some((p) => isWithin(d, p.startDate, p.endDate)));
  const covering = periods.map((p) => uniqueDates.filter((d) => isWithin(d, p.startDate, p.endDate)).length);
  let periodIndex = 0;
  periods.forEach((p, i) => {
    const best = periods[periodIndex]!;
    if (covering[i]! > covering[periodIndex]! || (covering[i] === covering[periodIndex] && p.endDate > best.endDate)) periodIndex = i;
  });
  const period = periods[periodIndex]!;
  const endingSoon = coverageState(period.startDate, period.endDate, today) === 'expire-bientot';
  const rights = `du ${formatFrDate(period.startDate)} au ${formatFrDate(period.endDate)}`;
  let message_fr: string | null = null;
  if (datesOutside.length > 0) {
    const list = datesOutside.map(formatFrDate).join(', ');
    message_fr = `${datesOutside.length > 1 ? 'Actes du' : 'Acte du'} ${list} hors des droits AME enregistrés (${rights}). La caisse risque de rejeter la facture : vérifiez l'attestation ou le renouvellement.`;
  } else if (endingSoon) {
    message_fr = `Les droits AME se terminent le ${formatFrDate(period.endDate)} : pensez au renouvellement (à demander deux mois avant l'échéance).`;
  }
  return { status: datesOutside.length > 0 ? 'outside' : 'covered', periodIndex, datesOutside, endingSoon, message_fr };
}
