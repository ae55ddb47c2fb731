/**
 * Money in: a transfer received (a bank credit or an entry at the desk) allocated to invoices. Pure rules;
 * what an invoice has been paid is derived by the database from the allocations of live transfers.
 */
import type { Payer, PaymentMode } from './types.ts';
import type { Cents } from './money.ts';
import type { MatchSuggestion } from './bank-matching.ts';

export interface Allocation {
  id: number;
  invoiceId: number;
  invoiceNumber: number;
  patientName: string;
  amountCents: Cents;
}

export interface Transfer {
  id: number;
  practitionerId: number;
  receivedOn: string;
  payer: Payer;
  amountCents: Cents;
  mode: PaymentMode;
  reference: string | null;
  bankLineId: number | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  allocatedCents: Cents;
  /** Received beyond what the invoices owed: kept on the transfer, never spread silently. */
  creditCents: Cents;
  allocations: Allocation[];
}

/** What one invoice still owes the transfer's payer. */
export interface OwedInvoice {
  invoiceId: number;
  /** Whose share this is (a caisse transfer pays the AMC share of AME invoices, the AMO share of the others). */
  payer: Payer;
  owedCents: Cents;
}

export interface AllocationPlan {
  allocations: { invoiceId: number; payer: Payer; amountCents: Cents }[];
  /** Left on the transfer after every invoice got what it owed. */
  creditCents: Cents;
  /** Still owed by the payer on these invoices once the transfer is spent (a partial payment). */
  shortCents: Cents;
}

/**
 * Spreads a transfer over invoices in the given order, each for what it still owes the payer and never
 * more: a partial payment leaves the last invoices (partly) due, an overpayment leaves a credit.
 */
export function planAllocation(amountCents: Cents, invoices: readonly OwedInvoice[]): AllocationPlan {
  let left = amountCents;
  const allocations: AllocationPlan['allocations'] = [];
  let owedTotal = 0;
  for (const inv of invoices) {
    owedTotal += Math.max(0, inv.owedCents);
    const part = Math.min(left, Math.max(0, inv.owedCents));
    if (part > 0) {
      allocations.push({ invoiceId: inv.invoiceId, payer: inv.payer, amountCents: part });
      left -= part;
    }
  }
  return { allocations, creditCents: left, shortCents: Math.max(0, owedTotal - amountCents) };
}

/** A transfer just recorded, with what it left due and the sentence the desk reads. */
export interface TransferOutcome {
  transfer: Transfer;
  shortCents: Cents;
  message_fr: string;
}

/** A credit of an imported statement, with the transfer that points it (if any) and what it most likely pays. */
export interface BankLineView {
  id: number;
  account: string;
  bookedOn: string;
  amountCents: Cents;
  label: string;
  source: 'csv' | 'ofx' | 'camt';
  transferId: number | null;
  suggestion: MatchSuggestion | null;
}

export interface StatementImport {
  source: 'csv' | 'ofx' | 'camt';
  /** New credit lines stored. */
  imported: number;
  /** Credit lines already imported before (same identity): left as they were. */
  alreadyKnown: number;
  debitsSkipped: number;
  /** The file's credits still to point, with their suggestions. */
  lines: BankLineView[];
  message_fr: string;
}
