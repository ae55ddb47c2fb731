/**
 * Pointing a bank credit: which bordereau or invoice it most likely pays. By amount (what is still owed),
 * the date (after the sending, within a window), and the words of the label (CPAM, the caisse's number,
 * the bordereau's number). Indexed by amount and by bordereau number: a statement of thousands of lines
 * against tens of thousands of open invoices is matched in linear time.
 */
import { addDays } from './dates.ts';
import type { Cents } from './money.ts';

/** A caisse pays well within this after receiving the paper (practice habit; beyond, the desk points by hand). */
export const MATCH_WINDOW_DAYS = 120;

export interface MatchCandidate {
  kind: 'bordereau' | 'invoice';
  id: number;
  number: number;
  practitionerId: number;
  /** The caisse code of a bordereau (e.g. 751), null for an invoice. */
  caisse: string | null;
  /** Sent (bordereau) or validated (invoice not sent yet): the earliest a payment can arrive. */
  since: string;
  owedCents: Cents;
  ame: boolean;
}

export interface MatchSuggestion {
  kind: 'bordereau' | 'invoice';
  id: number;
  number: number;
  practitionerId: number;
  owedCents: Cents;
  /** The credit pays exactly what is owed; false: a partial payment recognised by the label. */
  exact: boolean;
  payer: 'amo' | 'amc';
  reason_fr: string;
  score: number;
}

const CAISSE_WORDS = /\b(CPAM|CAISSE PRIMAIRE|ASSURANCE MALADIE|AMELI|CGSS|MSA|AME)\b/i;
const BORDEREAU_NUMBER = /\bBORD(?:EREAU)?\.?\s*(?:N[°O.]?\s*)?0*(\d{1,6})\b/gi;

/** The bordereau numbers a label names (« VIR CPAM 75 BORD 12 » → [12]). */
export function bordereauNumbersIn(label: string): number[] {
  return [...label.matchAll(BORDEREAU_NUMBER)].map((m) => Number(m[1]));
}

export interface CandidateIndex {
  byAmount: Map<Cents, MatchCandidate[]>;
  bordereauxByNumber: Map<number, MatchCandidate[]>;
  /** The last day of each candidate's window, computed once. */
  windowEnd: Map<MatchCandidate, string>;
}

export function indexCandidates(candidates: readonly MatchCandidate[]): CandidateIndex {
  const byAmount = new Map<Cents, MatchCandidate[]>();
  const bordereauxByNumber = new Map<number, MatchCandidate[]>();
  const windowEnd = new Map<MatchCandidate, string>();
  const ends = new Map<string, string>();
  for (const c of candidates) {
    if (c.owedCents <= 0) continue;
    let end = ends.get(c.since);
    if (end === undefined) ends.set(c.since, (end = addDays(c.since, MATCH_WINDOW_DAYS)));
    windowEnd.set(c, end);
    const same = byAmount.get(c.owedCents);
    if (same) same.push(c);
    else byAmount.set(c.owedCents, [c]);
    if (c.kind === 'bordereau') {
      const n = bordereauxByNumber.get(c.number);
      if (n) n.push(c);
      else bordereauxByNumber.set(c.number, [c]);
    }
  }
  return { byAmount, bordereauxByNumber, windowEnd };
}


/** The best suggestion for a credit line, or null when nothing owed fits it. */
export function suggestMatch(line: { bookedOn: string; amountCents: Cents; label: string }, index: CandidateIndex): MatchSuggestion | null {
  const caisseWords = CAISSE_WORDS.test(line.label);
  const named = new Set(bordereauNumbersIn(line.label));
  const labelDigits = new Set(line.label.match(/\d{3}/g) ?? []);
  const score = (c: MatchCandidate, exact: boolean) =>
    (exact ? 4 : 0) + (c.kind === 'bordereau' ? 2 : 0) + (named.has(c.number) && c.kind === 'bordereau' ? 4 : 0)
    + (caisseWords ? 1 : 0) + (c.caisse && labelDigits.has(c.caisse) ? 1 : 0);
  let best: MatchSuggestion | null = null;
  let bestSince = '';
  const consider = (c: MatchCandidate, exact: boolean) => {
    if (line.bookedOn < c.since || line.bookedOn > index.windowEnd.get(c)!) return;
    const s = score(c, exact);
    // Ties go to the oldest sending: caisses pay in order.
    if (best && (s < best.score || (s === best.score && c.since >= bestSince))) return;
    const what = c.kind === 'bordereau' ? `bordereau n° ${c.number}` : `facture n° ${c.number}`;
    const why = [exact ? 'montant exact' : 'montant inférieur à ce qui est dû (paiement partiel)'];
    if (named.has(c.number) && c.kind === 'bordereau') why.push('numéro du bordereau dans le libellé');
    if (caisseWords) why.push('caisse nommée dans le libellé');
    const payer = c.ame ? 'amc' : 'amo';
    best = { kind: c.kind, id: c.id, number: c.number, practitionerId: c.practitionerId, owedCents: c.owedCents, exact, payer, reason_fr: `${what} : ${why.join(', ')}`, score: s };
    bestSince = c.since;
  };
  for (const c of index.byAmount.get(line.amountCents) ?? []) consider(c, true);
  for (const n of named) for (const c of index.bordereauxByNumber.get(n) ?? []) if (line.amountCents < c.owedCents) consider(c, false);
  return best;
}
