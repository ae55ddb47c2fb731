/**
 * Search normalisation shared by the database (what is indexed) and the query (what is typed):
 * accents and case ignored (« Séverine » = « severine »), apostrophes and hyphens split words
 * (N'Diaye → n diaye) and the glued form is indexed too (ndiaye), so every way a desk user types
 * a compound name finds it.
 */
import { parseFrDate } from './dates.ts';

export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase();
}

/** Words of a name: folded, split on anything that is not a letter or digit. */
export function searchWords(value: string): string[] {
  return foldText(value)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Terms indexed for one name: its words plus the glued compound (le gall-martin → legallmartin). */
export function indexTermsForName(value: string): string[] {
  const words = searchWords(value);
  const terms = new Set(words);
  if (words.length > 1) terms.add(words.join(''));
  return [...terms];
}

export type PatientQuery =
  | { kind: 'empty' }
  | { kind: 'nir-prefix'; prefix: string }
  | { kind: 'birth-date'; iso: string }
  | { kind: 'words'; words: string[] };

/**
 * Reads what the user typed in the patient search box:
 * digits (spaces allowed) → start of a NIR/NIA; `jj/mm/aaaa` → birth date; anything else → name words.
 */
export function parsePatientQuery(input: string): PatientQuery {
  const trimmed = input.trim();
  if (trimmed.length === 0) return { kind: 'empty' };
  const dateMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (dateMatch) {
    const iso = `${dateMatch[3]}-${dateMatch[2]!.padStart(2, '0')}-${dateMatch[1]!.padStart(2, '0')}`;
    return { kind: 'birth-date', iso };
  }
  const compact = trimmed.replace(/\s+/g, '').toUpperCase();
  if (/^[0-9]/.test(compact) && /^[0-9]{1,5}(?:[0-9]{0,2}|2A|2B|2)[0-9]{0,8}$/.test(compact)) {
    return { kind: 'nir-prefix', prefix: compact };
  }
  const words = searchWords(trimmed);
  return words.length === 0 ? { kind: 'empty' } : { kind: 'words', words };
}

/**
 * What a run of digits may also mean at the desk (issue #9): `14031985` is a birth date typed without
 * separators, `1985` a birth year. Both are searched besides the start of a NIR/NIA.
 */
export function digitsAsBirth(digits: string): { birthDate?: string; birthYear?: string } {
  if (/^\d{8}$/.test(digits)) {
    // The same reader as every date field (jjmmaaaa).
    const iso = parseFrDate(digits);
    if (iso !== null && iso >= '1900-01-01') return { birthDate: iso };
  }
  if (/^(19|20)\d{2}$/.test(digits)) return { birthYear: digits };
  return {};
}

/**
 * One typo at most between what was typed and an indexed term: one letter missing, added, replaced, or
 * two neighbours swapped (« dialo » → diallo, « diallp » → diallo, « dailo » → dialo).
 */
export function withinOneTypo(typed: string, term: string): boolean {
  if (typed === term) return true;
  const la = typed.length;
  const lb = term.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    const diffs: number[] = [];
    for (let i = 0; i < la && diffs.length <= 2; i++) if (typed[i] !== term[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    return diffs.length === 2 && diffs[1] === diffs[0]! + 1 && typed[diffs[0]!] === term[diffs[1]!] && typed[diffs[1]!] === term[diffs[0]!];
  }
  const [short, long] = la < lb ? [typed, term] : [term, typed];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/**
 * Keys of the search index (db/migrations/0007-search-keys.sql) for a patient's terms: every start of
 * every term ('m', 'ma' … 'martin') and '=' + each whole term ('=martin'), each once. A typed word is
 * then one key: its patients in alphabetical order, whole-word matches under '=' + word.
 */
export function searchKeysForTerms(terms: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const term of terms) {
    if (term.length === 0) continue;
    keys.add(`=${term}`);
    for (let n = 1; n <= term.length; n++) keys.add(term.slice(0, n));
  }
  return [...keys];
}

/** One entry of the pairs index: two different terms of a patient, under their first three letters. */
export interface TermPair {
  p3a: string;
  p3b: string;
  termA: string;
  termB: string;
}

/**
 * The ordered pairs of a patient's different terms (db/migrations/0007-search-keys.sql). Pairs of terms one
 * starting the other (« lea », « le ») serve whole-word searches (« léa lê »), not word starts.
 */
export function searchPairsForTerms(terms: readonly string[]): TermPair[] {
  const distinct = [...new Set(terms.filter((t) => t.length > 0))];
  return distinct.flatMap((a) => distinct.filter((b) => b !== a).map((b) => ({ p3a: a.slice(0, 3), p3b: b.slice(0, 3), termA: a, termB: b })));
}

/**
 * The pairs of typed words that can be looked up in the pairs index, longest words first: the first of
 * three letters or more (its three letters are the key), the second of any length, and neither a start
 * of the other — so they can only match two different terms of the patient, which the index holds.
 * Empty when there is none (« mar martin », « le ba »: the FTS index serves them).
 */
export function pairsOfWords(words: readonly string[]): [string, string][] {
  const distinct = [...new Set(words)].sort((x, y) => y.length - x.length);
  const pairs: [string, string][] = [];
  for (let i = 0; i < distinct.length; i++) {
    const a = distinct[i]!;
    if (a.length < 3) break;
    for (const b of distinct.slice(i + 1)) if (!a.startsWith(b)) pairs.push([a, b]);
  }
  // A second word of three letters or more is one key of the index; a shorter one, a range of keys.
  return [...pairs.filter(([, b]) => b.length >= 3), ...pairs.filter(([, b]) => b.length < 3)];
}
