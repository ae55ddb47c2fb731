/**
 * The practice's own follow-up of paper invoices: bordereaux sent to a caisse, payments received,
 * rejections. Pure rules; the state of an invoice itself is computed by the `invoice_follow_up` view.
 */
import type { FollowUpState, Payer, PaymentMode } from './types.ts';
import { addDays, formatFrDate } from './dates.ts';
import { formatEuros, type Cents } from './money.ts';

/**
 * A practice habit, not a regulation: an invoice sent this many days ago and still unpaid is shown
 * « à relancer ». Caisses usually pay tiers payant well within this.
 */
export const REMINDER_AFTER_DAYS = 30;

export const followUpStateLabels: Record<FollowUpState, string> = {
  brouillon: 'Brouillon',
  annulee: 'Annulée',
  'a-envoyer': 'À envoyer',
  'a-encaisser': 'À encaisser (patient)',
  envoyee: 'Envoyée, en attente',
  'payee-partiellement': 'Payée en partie',
  payee: 'Réglée',
  rejetee: 'Rejetée',
};

export const payerLabels: Record<Payer, string> = {
  amo: 'Caisse (AMO)',
  amc: 'Complémentaire / AME (AMC)',
  patient: 'Patient',
};

/**
 * Who a payment comes from when the desk does not say: the tiers-payant payer still awaited (the AME
 * organism for an AME invoice, else the caisse), else the patient when their own share is still due.
 */
export function defaultPayer(row: { ame: boolean; expectedCents: Cents; paidCents: Cents; patientDueCents: Cents; patientPaidCents: Cents }): Payer {
  if (row.paidCents < row.expectedCents) return row.ame ? 'amc' : 'amo';
  if (row.patientPaidCents < row.patientDueCents) return 'patient';
  return row.ame ? 'amc' : 'amo';
}

/** The patient's own share: positive, not more than what the patient still owes. */
export function checkPatientPaymentAmount(amountCents: Cents, dueCents: Cents, paidCents: Cents): string | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return 'Le montant reçu doit être positif.';
  const remaining = Math.max(0, dueCents - paidCents);
  if (remaining === 0) return 'Le patient ne doit rien sur cette facture (sa part est réglée ou prise en charge en tiers payant).';
  if (amountCents > remaining) {
    return `Le montant reçu du patient (${formatEuros(amountCents)}) dépasse ce qu'il doit encore (${formatEuros(remaining)}).`;
  }
  return null;
}

export const paymentModeLabels: Record<PaymentMode, string> = {
  virement: 'Virement',
  cheque: 'Chèque',
  especes: 'Espèces',
};

/** Sent at least REMINDER_AFTER_DAYS ago and still waiting for (part of) its payment. */
export function isOverdue(state: FollowUpState, sentOn: string | null, today: string): boolean {
  if (state !== 'envoyee' && state !== 'payee-partiellement') return false;
  return sentOn !== null && sentOn <= addDays(today, -REMINDER_AFTER_DAYS);
}

/** The last sending date that makes an invoice overdue today (for SQL filters). */
export const overdueSentOnOrBefore = (today: string): string => addDays(today, -REMINDER_AFTER_DAYS);

/** A caisse as the paper names it: régime + caisse codes (e.g. 01 751). */
export interface Destination {
  regime: string;
  caisse: string;
}

export const destinationKey = (d: Destination): string => `${d.regime}-${d.caisse}`;
export const destinationLabel = (d: Destination): string => `Régime ${d.regime} — caisse ${d.caisse}`;

/**
 * Checks a bordereau before it is created: at least one invoice, every invoice validated and not yet
 * sent, one destination for all. Returns the destination, or the French problem.
 */
export function checkBordereauInvoices(
  invoices: readonly { number: number; state: FollowUpState; regime: string | null; caisse: string | null; patientName: string }[],
): { ok: true; destination: Destination } | { ok: false; message_fr: string } {
  if (invoices.length === 0) return { ok: false, message_fr: 'Choisissez au moins une facture à mettre dans le bordereau.' };
  for (const inv of invoices) {
    if (inv.state !== 'a-envoyer') {
      return { ok: false, message_fr: `La facture n° ${inv.number} n'est pas « à envoyer » (${followUpStateLabels[inv.state].toLowerCase()}).` };
    }
    if (!inv.regime || !inv.caisse) {
      return {
        ok: false,
        message_fr: `La facture n° ${inv.number} (${inv.patientName}) : la caisse du patient n'est pas renseignée. Complétez le régime et la caisse dans son dossier.`,
      };
    }
  }
  const first = invoices[0]!;
  const destination = { regime: first.regime!, caisse: first.caisse! };
  const other = invoices.find((inv) => destinationKey({ regime: inv.regime!, caisse: inv.caisse! }) !== destinationKey(destination));
  if (other) {
    return {
      ok: false,
      message_fr: `Un bordereau va à une seule caisse : la facture n° ${other.number} relève de ${destinationLabel({ regime: other.regime!, caisse: other.caisse! }).toLowerCase()}, pas de ${destinationLabel(destination).toLowerCase()}.`,
    };
  }
  return { ok: true, destination };
}

/** A payment must be positive and not exceed what is still awaited on the invoice. */
export function checkPaymentAmount(amountCents: Cents, expectedCents: Cents, paidCents: Cents): string | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return 'Le montant reçu doit être positif.';
  const remaining = Math.max(0, expectedCents - paidCents);
  if (remaining === 0) return 'Cette facture est déjà entièrement réglée : rien ne reste à recevoir.';
  if (amountCents > remaining) {
    return `Le montant reçu (${formatEuros(amountCents)}) dépasse ce qui reste à recevoir sur cette facture (${formatEuros(remaining)}).`;
  }
  return null;
}

/** The tiers-payant payers as a sentence names them. */
const payerNames: Record<Exclude<Payer, 'patient'>, string> = {
  amo: 'la caisse (AMO)',
  amc: "la complémentaire ou l'AME (AMC)",
};

/**
 * What a tiers-payant payer owes the practice on an invoice: its share when the invoice is in tiers payant on
 * that share, else nothing (without tiers payant it reimburses the patient, not the practice).
 */
export function payerOwedCents(
  payer: Exclude<Payer, 'patient'>,
  invoice: { tiersPayantAmo: boolean; tiersPayantAmc: boolean; amoCents: Cents; amcCents: Cents },
): Cents {
  if (payer === 'amo') return invoice.tiersPayantAmo ? invoice.amoCents : 0;
  return invoice.tiersPayantAmc ? invoice.amcCents : 0;
}

/** A payment from the caisse or the complémentaire/AME: not more than what that payer still owes on the invoice. */
export function checkPayerPaymentAmount(payer: Exclude<Payer, 'patient'>, amountCents: Cents, owedCents: Cents, paidCents: Cents): string | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return 'Le montant reçu doit être positif.';
  const remaining = Math.max(0, owedCents - paidCents);
  const name = payerNames[payer];
  if (remaining === 0) {
    return `Rien n'est dû par ${name} sur cette facture (reste dû par ce payeur : ${formatEuros(0)}) : vérifiez le payeur du paiement.`;
  }
  if (amountCents > remaining) {
    return `Le montant reçu (${formatEuros(amountCents)}) dépasse ce que doit encore ${name} sur cette facture (${formatEuros(remaining)}).`;
  }
  return null;
}

/** A date the user says something happened (sent, received, rejected): not in the future, not before `notBefore`. */
export function checkEventDate(date: string, today: string, notBefore: string, what: string): string | null {
  if (date > today) return `${what} : la date (${formatFrDate(date)}) est dans le futur.`;
  if (date < notBefore) return `${what} : la date (${formatFrDate(date)}) est antérieure à la validation de la facture (${formatFrDate(notBefore)}).`;
  return null;
}

/** The period of an invoice's acts: « 01/10/2026 », « 01/10 au 15/10/2026 » or « 28/12/2025 au 03/01/2026 ». */
export function actPeriod(first: string | null, last: string | null): string {
  if (!first || !last) return '—';
  if (first === last) return formatFrDate(first);
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${sameYear ? formatFrDate(first).slice(0, 5) : formatFrDate(first)} au ${formatFrDate(last)}`;
}

/** Where a whole bordereau stands, from its invoices' states: « Payé » once the caisse paid every one. */
export function bordereauStateLabel(b: { cancelledAt: string | null; invoices: readonly { state: FollowUpState; paidCents: number }[] }): { label: string; tone: 'ok' | 'warn' | 'danger' } {
  if (b.cancelledAt) return { label: 'Annulé', tone: 'danger' };
  const live = b.invoices.filter((r) => r.state !== 'annulee');
  if (live.length > 0 && live.every((r) => r.state === 'payee' || r.state === 'a-encaisser')) return { label: 'Payé', tone: 'ok' };
  if (live.some((r) => r.paidCents > 0)) return { label: 'Payé en partie', tone: 'warn' };
  return { label: 'Envoyé', tone: 'ok' };
}
