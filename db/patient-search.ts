/**
 * Patient search: the planning of a type-ahead query (name words, NIR/NIA start, birth date) onto the
 * search keys, pairs, FTS and alphabetical indexes, and the AME badge of each result. The rows are
 * written by patients-repo.ts.
 */
import type { PatientSummary } from '../core/domain/types.ts';
import {
  digitsAsBirth,
  pairsOfWords,
  parsePatientQuery,
  withinOneTypo,
  type PatientQuery,
} from '../core/domain/search.ts';
import { isAmePossible } from '../core/domain/nir.ts';
import { coverageState, mostRelevantCoverage } from '../core/domain/coverage.ts';
import type { Db } from './connection.ts';
import { cached } from './statements.ts';

interface SummaryRow {
  id: number;
  last_name: string;
  usage_name: string | null;
  first_name: string;
  birth_date: string;
  nir: string;
  archived_at: string | null;
}

/** FTS5 query: every typed word must start a term of the patient ("sev" finds Séverine). */
const ftsQuery = (words: string[]): string => words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' AND ');

const SUMMARY_COLS = 'p.id, p.last_name, p.usage_name, p.first_name, p.birth_date, p.nir, p.archived_at';

/**
 * SQL of each kind of type-ahead search. Each uses an index: FTS5 prefix index for names,
 * `patients_nir` for the first digits of a NIR/NIA (range scan), `patients_birth_date` for jj/mm/aaaa (both
 * covering: 0008-covering-search-indexes.sql),
 * `patients_sort` for the plain list. `+p.archived_at` keeps the planner off `patients_sort` when a
 * narrower index applies (checked by EXPLAIN QUERY PLAN in the tests).
 */
export function patientSearchSql(kind: PatientQuery['kind'], includeArchived: boolean): string {
  const archived = includeArchived ? '' : 'AND +p.archived_at IS NULL';
  switch (kind) {
    case 'empty':
      return `SELECT ${SUMMARY_COLS} FROM patients p WHERE ${includeArchived ? '1' : 'p.archived_at IS NULL'} ORDER BY p.sort_key LIMIT ?`;
    case 'nir-prefix':
      // In NIR order: the list reads like the number being typed, and the index range stops after `limit` rows.
      return `SELECT ${SUMMARY_COLS} FROM patients p WHERE p.nir >= ? AND p.nir < ? ${archived} ORDER BY p.nir LIMIT ?`;
    case 'birth-date':
      return `SELECT ${SUMMARY_COLS} FROM patients p WHERE p.birth_date = ? ${archived} ORDER BY p.sort_key LIMIT ?`;
    case 'words':
      return `SELECT ${SUMMARY_COLS} FROM patients_fts f JOIN patients p ON p.id = f.rowid
              WHERE patients_fts MATCH ? ${archived} ORDER BY p.sort_key LIMIT ?`;
  }
}

/**
 * One typed word through the search keys (0007-search-keys.sql): the key's entries are already in
 * alphabetical order, so the walk stops after `limit` patients (archived ones skipped unless asked) —
 * the same cost at 1,000 or 100,000 patients, however common the word.
 */
export function searchKeySql(includeArchived: boolean): string {
  return `SELECT ${SUMMARY_COLS} FROM patient_search_keys k CROSS JOIN patients p
    WHERE k.key = @key AND p.id = k.patient_id ${includeArchived ? '' : 'AND p.archived_at IS NULL'} ORDER BY k.sort_key, k.patient_id LIMIT @limit`;
}

/** Exact FTS5 query: every typed word is a whole term of the patient. */
const ftsExactQuery = (words: string[]): string => words.map((w) => `"${w.replace(/"/g, '')}"`).join(' AND ');

/** Rows of several queries, best first, each patient once, at most `limit`. */
function mergeRows(limit: number, ...lists: SummaryRow[][]): SummaryRow[] {
  const seen = new Set<number>();
  const out: SummaryRow[] = [];
  for (const list of lists) {
    for (const r of list) {
      if (out.length >= limit) return out;
      if (!seen.has(r.id)) (seen.add(r.id), out.push(r));
    }
  }
  return out;
}

/**
 * Indexed terms within one typo of a typed word, among terms sharing its first letter (a range scan of
 * the FTS vocabulary: a few thousand short terms at 100,000 patients). Words under 4 letters are not
 * corrected (too many neighbours).
 */
function termsWithinOneTypo(db: Db, word: string): string[] {
  if (word.length < 4) return [];
  const first = word[0]!;
  const next = String.fromCharCode(first.charCodeAt(0) + 1);
  const terms = cached(db, 'SELECT term FROM patients_fts_terms WHERE term >= ? AND term < ?').pluck().all(first, next) as string[];
  return terms.filter((t) => t !== word && withinOneTypo(word, t)).slice(0, 20);
}

/**
 * Name words matching many patients (« ma » matches one patient in ten): joining every match and sorting
 * them costs time in proportion to the matches. Above WALK_ABOVE matches, the alphabetical index
 * (`patients_sort`) is walked instead and each patient kept if its id is among the matches: about
 * limit × patients / matches rows read, a few hundred, whatever the size of the file. Same rows, same
 * order. Counting stops at WALK_ABOVE + 1, so choosing costs little.
 */
export const WALK_ABOVE = 2000;
export const PATIENT_WORDS_WALK_SQL = `SELECT ${SUMMARY_COLS} FROM patients p INDEXED BY patients_sort
  WHERE p.archived_at IS NULL AND +p.id IN (SELECT f.rowid FROM patients_fts f WHERE patients_fts MATCH ?) ORDER BY p.sort_key LIMIT ?`;
const COUNT_MATCHES_SQL = 'SELECT count(*) AS n FROM (SELECT 1 FROM patients_fts f WHERE patients_fts MATCH ? LIMIT ?)';

/** The SQL for one FTS match string: the alphabetical walk when the match is common (see WALK_ABOVE). */
function wordsSql(db: Db, match: string, includeArchived: boolean): string {
  if (!includeArchived) {
    const { n } = cached(db, COUNT_MATCHES_SQL).get(match, WALK_ABOVE + 1) as { n: number };
    if (n > WALK_ABOVE) return PATIENT_WORDS_WALK_SQL;
  }
  return patientSearchSql('words', includeArchived);
}

/**
 * Type-ahead search on name words, NIR/NIA prefix or birth date (see core/domain/search.ts), ranked exact
 * first: whole words before word starts; one-typo matches when nothing matches as typed; a birth date typed without separators
 * (`14031985`) or a year (`1985`) before NIR/NIA starts.
 */
export function searchPatients(
  db: Db,
  query: string,
  opts: { includeArchived: boolean; limit: number; today: string },
): PatientSummary[] {
  const q = parsePatientQuery(query);
  const run = (kind: PatientQuery['kind'], ...params: unknown[]) =>
    cached(db, patientSearchSql(kind, opts.includeArchived)).all(...params, opts.limit) as SummaryRow[];
  const runWords = (match: string) => cached(db, wordsSql(db, match, opts.includeArchived)).all(match, opts.limit) as SummaryRow[];
  /** Typos are looked for only when nothing matches as typed (keeps the common case a pure index lookup). */
  const fuzzyRows = (words: string[]): SummaryRow[] => {
    const alternatives = words.map((w) => termsWithinOneTypo(db, w));
    if (!alternatives.some((a) => a.length > 0)) return [];
    const match = words
      .map((w, i) => [`"${w.replace(/"/g, '')}"*`, ...alternatives[i]!.map((t) => `"${t}"`)].join(' OR '))
      .map((alt) => `(${alt})`)
      .join(' AND ');
    return runWords(match);
  };
  /** Name words through the FTS index: what the search keys and pairs cannot serve (« le ba »). */
  const byFullText = (words: string[]): SummaryRow[] => {
    const few = fewMatches(db, words, opts);
    const exact = few ? few.exact : runWords(ftsExactQuery(words));
    const prefix = few ? few.prefix : exact.length < opts.limit ? runWords(ftsQuery(words)) : [];
    return mergeRows(opts.limit, exact, prefix);
  };
  let rows: SummaryRow[];
  if (q.kind === 'nir-prefix') {
    const birth = digitsAsBirth(q.prefix);
    const archived = opts.includeArchived ? '' : 'AND +p.archived_at IS NULL';
    const byYear = birth.birthYear
      ? (cached(db, `SELECT ${SUMMARY_COLS} FROM patients p WHERE p.birth_date BETWEEN ? AND ? ${archived} ORDER BY p.birth_date, p.sort_key LIMIT ?`)
          .all(`${birth.birthYear}-01-01`, `${birth.birthYear}-12-31`, opts.limit) as SummaryRow[])
      : [];
    rows = mergeRows(opts.limit, birth.birthDate ? run('birth-date', birth.birthDate) : [], byYear, run('nir-prefix', q.prefix, `${q.prefix}\uffff`));
  } else if (q.kind === 'birth-date') {
    rows = run('birth-date', q.iso);
  } else if (q.kind === 'words') {
    rows = byWordsIndexes(db, q.words, opts) ?? byFullText(q.words);
    if (rows.length === 0) rows = fuzzyRows(q.words);
  } else {
    rows = run('empty');
  }
  return withAmeState(db, rows, opts.today);
}

/**
 * Name words through the search keys and pairs (0007-search-keys.sql), whole-word matches first — or null
 * when they cannot serve the word starts (several words under three letters, none starting another: « le ba »).
 * - Whole words: one word is one key ('=' + word); several are one entry of the pairs index (the two
 *   longest as term_a and term_b), the others checked on the keys of those few patients.
 * - Word starts: a typed word that starts another (« lé » in « léa lê ») adds nothing, so it is dropped;
 *   one word left is one key walked in order; several read the pairs of their narrowest pair (pairsSql).
 */
function byWordsIndexes(db: Db, words: string[], opts: { includeArchived: boolean; limit: number }): SummaryRow[] | null {
  const plan = planWordsSearch(db, words, opts);
  if (!plan) return null;
  const run = (step: SearchStep) => cached(db, step.sql).all(step.params) as SummaryRow[];
  const exact = run(plan.exact);
  return exact.length >= opts.limit ? exact : mergeRows(opts.limit, exact, run(plan.prefix));
}

/** One statement of a search and its parameters. */
export interface SearchStep {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The two statements of a name-words search on the search keys and pairs (whole words, then word starts),
 * or null when the word starts need the FTS index. Shared by the app and the bench's raw side.
 */
export function planWordsSearch(db: Db, words: string[], opts: { includeArchived: boolean; limit: number }): { exact: SearchStep; prefix: SearchStep } | null {
  const distinct = [...new Set(words)].sort((x, y) => y.length - x.length);
  const starting = distinct.filter((w) => !distinct.some((o) => o !== w && o.startsWith(w)));
  const pairs = pairsOfWords(starting);
  if (starting.length > 1 && pairs.length === 0) return null;
  const byKey = (key: string): SearchStep => ({ sql: searchKeySql(opts.includeArchived), params: { key, limit: opts.limit } });
  let exact: SearchStep;
  if (distinct.length === 1) {
    exact = byKey(`=${distinct[0]}`);
  } else {
    const [a, b, ...others] = distinct as [string, string, ...string[]];
    const params: Record<string, unknown> = { a, b, pa: a.slice(0, 3), pb: b.slice(0, 3), limit: opts.limit };
    others.forEach((w, i) => (params[`e${i}`] = `=${w}`));
    exact = { sql: exactPairSql(others.length, opts.includeArchived), params };
  }
  if (starting.length === 1) return { exact, prefix: byKey(starting[0]!) };
  const [a, b] = narrowestPair(db, pairs);
  const others = [...starting];
  others.splice(others.indexOf(a), 1);
  others.splice(others.indexOf(b), 1);
  return { exact, prefix: { sql: pairsSql(others.length, opts.includeArchived, b.length < 3), params: pairsParams([a, b], others, opts.limit) } };
}

/** A search key of the patient `p` (a word start `@w<i>`, or a whole word `@e<i>`). */
const hasKey = (param: string) => `EXISTS (SELECT 1 FROM patient_search_keys k WHERE k.key = ${param} AND k.sort_key = p.sort_key AND k.patient_id = p.id)`;

/** Patients having the whole terms @a and @b (one entry of the pairs index each) and the whole words @e<i>. */
export function exactPairSql(otherWords: number, includeArchived: boolean): string {
  const i = Array.from({ length: otherWords }, (_, n) => n);
  return `SELECT ${SUMMARY_COLS} FROM patient_search_pairs s CROSS JOIN patients p ON p.id = s.patient_id
    WHERE s.p3a = @pa AND s.p3b = @pb AND s.term_a = @a AND s.term_b = @b ${includeArchived ? '' : 'AND p.archived_at IS NULL'}
      ${i.map((n) => `AND ${hasKey(`@e${n}`)}`).join(' ')}
    ORDER BY p.sort_key, p.id LIMIT @limit`;
}

/*
 * Word starts of several words, none starting another, through the pairs index (pairsSql): the patients
 * having a term that starts with `a` and another that starts with `b` are read from one key (first three
 * letters of each) and the two term ranges — the patients matching both words, not two whole lists to
 * intersect. The other words are checked on the search keys of each of those patients. Alphabetical.
 */

/**
 * Of several possible pairs (« jean pierre roy »: jean+pierre is every Jean-Pierre), the one with the
 * fewest patients, counted up to PAIR_COUNT_CAP entries each. At most PAIRS_COMPARED pairs are counted,
 * the longest words first (text pasted in the box must not cost a count per pair of its words).
 */
export const PAIR_COUNT_CAP = 200;
const PAIRS_COMPARED = 4;
export function narrowestPair(db: Db, allPairs: [string, string][]): [string, string] {
  const pairs = allPairs.slice(0, PAIRS_COMPARED);
  if (pairs.length === 1) return pairs[0]!;
  let best = pairs[0]!;
  let fewest = Infinity;
  for (const pair of pairs) {
    const count = cached(db, `SELECT count(*) FROM (SELECT 1 ${pairsFrom(pair[1].length < 3)} LIMIT @limit)`).pluck();
    const n = count.get(pairsParams(pair, [], PAIR_COUNT_CAP)) as number;
    if (n < fewest) [best, fewest] = [pair, n];
    if (n <= 1) break;
  }
  return best;
}

/** Named parameters of pairsSql: the pair, its ranges, each other word as a start (`w<i>`). */
export function pairsParams([a, b]: [string, string], others: string[], limit: number): Record<string, unknown> {
  const params: Record<string, unknown> = { a, b, pa: a.slice(0, 3), pb: b.slice(0, 3), aEnd: `${a}\uffff`, bEnd: `${b}\uffff`, limit };
  others.forEach((w, i) => (params[`w${i}`] = w));
  return params;
}

/**
 * The pairs entries of two words: one key when the second word has three letters or more; else (« jean m »)
 * the keys whose second part starts with it — p3a fixed, a range of p3b, the term ranges checked in the row.
 */
const pairsFrom = (shortB: boolean) => `FROM patient_search_pairs
  WHERE p3a = @pa AND ${shortB ? 'p3b >= @b AND p3b < @bEnd' : 'p3b = @pb'} AND term_a >= @a AND term_a < @aEnd AND term_b >= @b AND term_b < @bEnd`;

/** SQL of the word starts on the pairs index for `otherWords` words besides the pair (named parameters, see pairsParams). */
export function pairsSql(otherWords: number, includeArchived: boolean, shortB = false): string {
  const i = Array.from({ length: otherWords }, (_, n) => n);
  return `SELECT ${SUMMARY_COLS} FROM (SELECT DISTINCT patient_id ${pairsFrom(shortB)}) m
    CROSS JOIN patients p ON p.id = m.patient_id
    WHERE 1 ${includeArchived ? '' : 'AND p.archived_at IS NULL'} ${i.map((n) => `AND ${hasKey(`@w${n}`)}`).join(' ')}
    ORDER BY p.sort_key, p.id LIMIT @limit`;
}

const MATCH_IDS_SQL = 'SELECT f.rowid FROM patients_fts f WHERE patients_fts MATCH ? LIMIT ?';

/**
 * Name words matching at most FEW_MATCHES patients (the usual case of a first name and a name): the ids
 * matching as word starts and as typed, one FTS lookup each (ids only, limited), then one sort of those
 * patients, whole-word matches first — two FTS lookups instead of four (count, join and sort of each list).
 * Null when the words match more (the join, or the alphabetical walk, serves them; measured: above a few
 * hundred ids, sorting them from a JSON list costs more than the FTS join) or archived patients are included.
 */
export const FEW_MATCHES = 300;
function fewMatches(db: Db, words: string[], opts: { includeArchived: boolean; limit: number }): { exact: SummaryRow[]; prefix: SummaryRow[] } | null {
  if (opts.includeArchived) return null;
  const matches = cached(db, MATCH_IDS_SQL).pluck();
  const prefixIds = matches.all(ftsQuery(words), FEW_MATCHES + 1) as number[];
  if (prefixIds.length > FEW_MATCHES) return null;
  if (prefixIds.length === 0) return { exact: [], prefix: [] };
  const exactIds = matches.all(ftsExactQuery(words), FEW_MATCHES + 1) as number[];
  const rows = cached(db, FEW_MATCHES_SQL).all({ matches: JSON.stringify(prefixIds), exact: JSON.stringify(exactIds), limit: opts.limit }) as (SummaryRow & { exact: number })[];
  return { exact: rows.filter((r) => r.exact === 1), prefix: rows.filter((r) => r.exact === 0) };
}
const FEW_MATCHES_SQL = `SELECT ${SUMMARY_COLS}, p.id IN (SELECT value FROM json_each(@exact)) AS exact FROM patients p
  WHERE p.id IN (SELECT value FROM json_each(@matches)) AND +p.archived_at IS NULL ORDER BY exact DESC, p.sort_key LIMIT @limit`;

function withAmeState(db: Db, rows: SummaryRow[], today: string): PatientSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const coverageRows = cached(
    db,
    `SELECT c.patient_id AS patientId, c.start_date AS startDate, c.end_date AS endDate
     FROM coverages c JOIN organisms o ON o.id = c.organism_id
     WHERE o.is_ame = 1 AND c.patient_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { patientId: number; startDate: string; endDate: string }[];
  return rows.map((r) => {
    const relevant = mostRelevantCoverage(coverageRows.filter((c) => c.patientId === r.id), today);
    return {
      id: r.id,
      lastName: r.last_name,
      usageName: r.usage_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      nir: r.nir,
      archived: r.archived_at !== null,
      amePossible: isAmePossible(r.nir),
      ameState: relevant ? coverageState(relevant.startDate, relevant.endDate, today) : null,
    };
  });
}
