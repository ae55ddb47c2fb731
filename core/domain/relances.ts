/**
 * Relances: invoices unpaid too long after they were sent, to remind the caisse (a letter listing them) or
 * the patient (their own share). The delay is set per payer in Réglages (30 days by default: a practice
 * habit, caisses usually pay tiers payant well within it).
 */
import type { Cents } from './money.ts';
import type { Payer } from './types.ts';

export type RelanceAddressee = 'caisse' | 'patient';

export type RelanceDelays = Record<Payer, number>;

/** One invoice to remind about, with what is still awaited and when it was last reminded. */
export interface RelanceDue {
  invoiceId: number;
  number: number;
  patientId: number;
  patientName: string;
  ame: boolean;
  regime: string | null;
  caisse: string | null;
  /** Sent to the caisse (bordereau) or, for the patient's share, validated. */
  since: string;
  days: number;
  awaitedCents: Cents;
  addressee: RelanceAddressee;
  lastRelanceOn: string | null;
  relanceCount: number;
}

export interface Relance {
  id: number;
  practitionerId: number;
  addressee: RelanceAddressee;
  sentOn: string;
  invoices: { invoiceId: number; number: number; awaitedCents: Cents }[];
}

/** The payer whose delay applies: the patient for their share; else the AME (AMC) for AME invoices, the caisse otherwise. */
export const delayFor = (delays: RelanceDelays, addressee: RelanceAddressee, ame: boolean): number =>
  addressee === 'patient' ? delays.patient : ame ? delays.amc : delays.amo;
