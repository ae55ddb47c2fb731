/**
 * The practice's figures (Tableau de bord): receipts per month, expected against received, what is unpaid by
 * age and by payer, AME against the rest. Computed by the database from the follow-up view and the live
 * allocations (db/dashboard-repo.ts): the same facts as Suivi, never a second bookkeeping. Each chart
 * exports to CSV for the accountant, formulas neutralised (csv.ts).
 */
import { csvEuros, toCsv } from './csv.ts';
import type { Cents } from './money.ts';

export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const ageBucketLabels: Record<AgeBucket, string> = {
  '0-30': '0 à 30 jours',
  '31-60': '31 à 60 jours',
  '61-90': '61 à 90 jours',
  '90+': 'Plus de 90 jours',
};

/** Unpaid, split by who still owes it. */
export interface ByPayer {
  amoCents: Cents;
  amcCents: Cents;
  patientCents: Cents;
  totalCents: Cents;
}

export interface DashboardFigures {
  practitionerId: number | null;
  today: string;
  /** Money received per month (live allocations), oldest month first, the last `months` months. */
  receipts: ({ month: string } & ByPayer)[];
  /** Per month of validation: what those invoices were to bring in, and what they brought in so far. */
  expectedVsReceived: { month: string; expectedCents: Cents; receivedCents: Cents }[];
  /** Still awaited, by age since the sending (or the validation if never sent). */
  unpaidByAge: ({ bucket: AgeBucket; count: number } & ByPayer)[];
  /** AME invoices against the others, for the same months as `expectedVsReceived`. */
  ameVsRest: { group: 'ame' | 'autres'; expectedCents: Cents; receivedCents: Cents; unpaidCents: Cents }[];
  /** The unpaid tiers-payant total: the same figure as Suivi's « à envoyer » + « en attente » + « rejetées ». */
  unpaidTiersPayantCents: Cents;
  unpaidPatientCents: Cents;
  /** Money received and not allocated to any invoice (overpayments, credits not pointed). */
  creditCents: Cents;
}

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export type DashboardChart = 'recettes' | 'attendu-recu' | 'impayes-anciennete' | 'ame';

export function dashboardCsv(chart: DashboardChart, f: DashboardFigures): string {
  const payerColumns = ['Caisse (AMO) (€)', 'AME / complémentaire (AMC) (€)', 'Patient (€)', 'Total (€)'];
  const payerCells = (r: ByPayer) => [csvEuros(r.amoCents), csvEuros(r.amcCents), csvEuros(r.patientCents), csvEuros(r.totalCents)];
  switch (chart) {
    case 'recettes':
      return toCsv(['Mois', ...payerColumns], f.receipts.map((r) => [monthLabel(r.month), ...payerCells(r)]));
    case 'attendu-recu':
      return toCsv(['Mois de validation', 'Attendu (€)', 'Reçu (€)', 'Reste (€)'], f.expectedVsReceived.map((r) => [monthLabel(r.month), csvEuros(r.expectedCents), csvEuros(r.receivedCents), csvEuros(r.expectedCents - r.receivedCents)]));
    case 'impayes-anciennete':
      return toCsv(['Ancienneté', 'Factures', ...payerColumns], f.unpaidByAge.map((r) => [ageBucketLabels[r.bucket], r.count, ...payerCells(r)]));
    case 'ame':
      return toCsv(['Groupe', 'Attendu (€)', 'Reçu (€)', 'Impayé (€)'], f.ameVsRest.map((r) => [r.group === 'ame' ? 'AME' : 'Autres', csvEuros(r.expectedCents), csvEuros(r.receivedCents), csvEuros(r.unpaidCents)]));
  }
}
