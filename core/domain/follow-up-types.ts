/**
 * The practice's follow-up of validated invoices and the money that comes in, as the API returns them.
 * Dates ISO `YYYY-MM-DD`, money integer cents.
 */
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

/**
 * One line of the livre des recettes: a payment received, with what it paid — or the part of a transfer kept as
 * credit (no invoice yet), so that money is in the month it was received and spreading it later moves no total.
 */
export interface LedgerLine {
  /** The allocation; null for a credit line. */
  paymentId: number | null;
  transferId: number;
  receivedOn: string;
  amountCents: number;
  mode: PaymentMode;
  reference: string | null;
  invoiceId: number | null;
  invoiceNumber: number | null;
  /** null for a credit line (« Trop-perçu non réparti »). */
  patientName: string | null;
  ame: boolean;
  payer: Payer;
  practitionerId: number;
  practitionerName: string;
}
