/**
 * Published worked cotation examples (tests/fixtures/cotation-examples.json), each with its source, run through
 * the dispatcher: the data-driven acceptance test and `npm run cotation:report` share this runner.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput } from '../../core/api/contract.ts';
import type { Invoice } from '../../core/domain/types.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, ROOT, type TestBackend } from './test-backend.ts';

type VisitIn = NonNullable<MethodInput<'invoices/update-draft'>['visits']>[number];

export const EXAMPLE_KINDS = ['worked', 'rule', 'rule-derived', 'table', 'third-party'] as const;
export type ExampleKind = (typeof EXAMPLE_KINDS)[number];

export interface CotationExample {
  id: string;
  profession: 'infirmier' | 'masseur-kinesitherapeute';
  zone: 'metropole' | 'dom';
  ikZone: 'plaine' | 'montagne';
  /** Document and page or URL the example comes from. */
  source: string;
  /**
   * `worked`: the source cotes this exact visit (the only kind counted as a published worked example);
   * `rule` / `rule-derived`: the smallest visit illustrating a rule the source states; `table`: one row of a
   * tariff table; `third-party`: an interpretation from public code or specs. All run, only `worked` counts.
   */
  kind: ExampleKind;
  /** For a worked example: how the collection that found it labelled it (case, worked, published). */
  origin?: string;
  /** False when the source gives no exact day: a weekday inside the period the source's cotation holds. */
  exactDate: boolean;
  visit: {
    date: string; time: string | null; place: 'cabinet' | 'domicile'; distanceKm: number | null; urgent: boolean; imperativePrescription?: boolean;
    /** Rank of the patient among those seen at the same address on that trip (1 when left out). */
    householdRank?: number;
    coordination: 'aucune' | 'palliatif' | 'pansement-complexe'; acts: { key?: string; code: string; coefficient: number }[];
  };
  /** Age of the patient (a child) when the example needs one, else an adult. */
  childAge: number | null;
  /** The cotation as the source writes it, and what it says. */
  sourceSays: string;
  quote: string;
  /** Lines « CODE coefficient(hundredths) rate »; travel lines left out when the source leaves them out. */
  expected: { lines: string[]; ignoreTravel: boolean; totalCents: number | null };
}

export const EXAMPLES: CotationExample[] = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'cotation-examples.json'), 'utf8'));

/** A source names a document and where in it: a URL (or a site's address), a page or a slide. */
export const citesDocument = (source: string): boolean =>
  /https?:\/\/\S+|\b[\w-]+(\.[\w-]+)*\.(fr|com|org|net|io)\b|\b(p\.|page|slide)\s*\d/i.test(source);

/** Examples counted by kind and profession (what the report prints and the acceptance test checks). */
export const countByKind = (examples: readonly CotationExample[]): Record<ExampleKind, { infirmier: number; kine: number }> => {
  const counts = Object.fromEntries(EXAMPLE_KINDS.map((k) => [k, { infirmier: 0, kine: 0 }])) as Record<ExampleKind, { infirmier: number; kine: number }>;
  for (const e of examples) {
    if (!EXAMPLE_KINDS.includes(e.kind)) throw new Error(`${e.id}: unknown kind « ${e.kind} »`);
    counts[e.kind][e.profession === 'infirmier' ? 'infirmier' : 'kine'] += 1;
  }
  return counts;
};

const TRAVEL = /^(IFD|IFI|IFS|IFO|IFR|IFN|IFP|IK[PMS]?)$/;

export interface ExampleOutcome {
  example: CotationExample;
  invoice: Invoice | null;
  error: string | null;
  /** The engine's lines compared with the source's. */
  lines: string[];
  totalCents: number;
  explanations: string[];
}

/** One backend for all the examples: a practitioner per (profession, zone, IK zone), one patient per age. */
export class ExampleRunner {
  readonly t: TestBackend = makeTestBackend('2026-11-25');
  private practitioners = new Map<string, number>();
  private patients = new Map<string, number>();
  private counter = 0;

  private async practitioner(e: CotationExample): Promise<number> {
    const k = `${e.profession}|${e.zone}|${e.ikZone}`;
    if (!this.practitioners.has(k)) {
      this.counter += 1;
      const dom = e.zone === 'dom';
      const p = await this.t.call('practitioners/create', buildPractitionerInput({
        profession: e.profession, tariffZone: e.zone, ikZone: e.ikZone, amNumber: `${dom ? 97 : 75}12345${this.counter}`.padEnd(9, '0').slice(0, 9),
        ...(dom ? { postalCode: '97110', city: 'Pointe-à-Pitre' } : {}),
      }));
      this.practitioners.set(k, p.id);
    }
    return this.practitioners.get(k)!;
  }

  private async patient(e: CotationExample): Promise<number> {
    const birth = e.childAge === null ? '1960-03-14' : `${Number(e.visit.date.slice(0, 4)) - e.childAge}${e.visit.date.slice(4, 8)}01`;
    if (!this.patients.has(birth)) this.patients.set(birth, (await this.t.call('patients/create', buildPatientInput({ firstName: 'Exemple', birthDate: birth }))).id);
    return this.patients.get(birth)!;
  }

  async run(e: CotationExample): Promise<ExampleOutcome> {
    const v = e.visit;
    const visit: VisitIn = {
      date: v.date, time: v.time, callTime: null, place: v.place, householdRank: v.householdRank ?? 1, distanceKm: v.distanceKm, urgent: v.urgent,
      imperativePrescription: v.imperativePrescription ?? false, coordination: v.coordination, twoSessionsJustified: false, r251Procedure: false, acts: v.acts,
    };
    const draft = await this.t.call('invoices/create-draft', { practitionerId: await this.practitioner(e), patientId: await this.patient(e) });
    const r = await this.t.dispatch('invoices/update-draft', { invoiceId: draft.id, visits: [visit] });
    if (!r.ok) return { example: e, invoice: null, error: r.error.message_fr, lines: [], totalCents: 0, explanations: [] };
    const invoice = r.value as Invoice;
    const kept = invoice.lines.filter((l) => !(e.expected.ignoreTravel && TRAVEL.test(l.code)));
    return {
      example: e, invoice, error: null,
      lines: kept.map((l) => `${l.code} ${l.coefficient} ${l.ratePercent}`),
      totalCents: kept.reduce((s, l) => s + l.amountCents, 0),
      explanations: [...invoice.lines.map((l) => l.explanation ?? ''), ...invoice.visits.flatMap((x) => [...x.explanations, ...x.dropped.map((d) => d.explanation)])],
    };
  }

  dispose(): void {
    this.t.dispose();
  }
}

/** True when the engine's lines and total are the source's. */
export const agrees = (o: ExampleOutcome): boolean =>
  o.error === null &&
  [...o.lines].sort().join('|') === [...o.example.expected.lines].sort().join('|') &&
  (o.example.expected.totalCents === null || o.example.expected.totalCents === o.totalCents);
