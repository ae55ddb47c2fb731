/**
 * NIR (numéro d'inscription au répertoire) and NIA (numéro identifiant d'attente).
 *
 * Structure: 13 characters + a 2-digit key — sex (1), year (2), month (2), department (2),
 * commune (3), order (3). Key = 97 − (N mod 97), N being the 13 characters read as a number,
 * with department 2A read as 19 and 2B as 18 for the key only (service-public F33078; python-stdnum).
 * An NIA "est constitué comme un NIR" and uses the same key.
 *
 * We deliberately do NOT reject months above 12 (20, 30–42, 50–99 exist for unknown civil-status
 * months) nor first digits 3, 4, 7, 8 (provisional / foreign-born numbers): BILLING-RULES.md §1.
 */

export type NirProblem =
  | { kind: 'empty' }
  | { kind: 'length'; length: number }
  | { kind: 'characters' }
  | { kind: 'sex' }
  | { kind: 'corsica' }
  | { kind: 'key'; given: string };

export interface ParsedNir {
  /** 15 characters, no spaces: 13-character body + 2-digit key. */
  normalized: string;
  body: string;
  key: string;
}

/** Removes spaces, dots, dashes; upper-cases 2a/2b. */
export function normalizeNirInput(input: string): string {
  return input.replace(/[\s.\-\u00a0]/g, '').toUpperCase();
}

/** Key of a 13-character body (digits, or 2A/2B at the department position). Null if malformed. */
export function computeNirKey(body: string): string | null {
  if (!/^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{6}$/.test(body)) return null;
  const numeric = body.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118');
  // 13 digits exceed 2^53? No: 10^13 < 2^53 ≈ 9.007e15, so Number is exact here.
  const n = Number(numeric);
  const key = 97 - (n % 97);
  return String(key).padStart(2, '0');
}

export function checkNir(input: string): { ok: true; nir: ParsedNir } | { ok: false; problem: NirProblem } {
  const value = normalizeNirInput(input);
  if (value.length === 0) return { ok: false, problem: { kind: 'empty' } };
  if (value.length !== 15) return { ok: false, problem: { kind: 'length', length: value.length } };
  if (!/^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/.test(value)) {
    return { ok: false, problem: { kind: /2[AB]/.test(value) ? 'corsica' : 'characters' } };
  }
  if (!/^[1-8]/.test(value)) return { ok: false, problem: { kind: 'sex' } };
  const body = value.slice(0, 13);
  const key = value.slice(13);
  const expected = computeNirKey(body)!;
  if (expected !== key) return { ok: false, problem: { kind: 'key', given: key } };
  return { ok: true, nir: { normalized: value, body, key } };
}

/** The French message shown next to the NIR field. */
export function nirProblemMessage(problem: NirProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'Le NIR ou NIA est obligatoire.';
    case 'length':
      return `Le NIR ou NIA doit comporter 13 caractères suivis d'une clé de 2 chiffres (15 au total) ; ${problem.length} saisi${problem.length > 1 ? 's' : ''}.`;
    case 'characters':
      return 'Le NIR ou NIA ne doit contenir que des chiffres (et 2A ou 2B pour un département corse).';
    case 'corsica':
      return 'Les lettres 2A ou 2B ne sont admises qu\'à la place du département (6e et 7e caractères).';
    case 'sex':
      return 'Le premier chiffre du NIR ou NIA doit être compris entre 1 et 8.';
    case 'key':
      // Never the expected key: copying it would turn a mistyped number into a valid wrong one (issue #19 item 3).
      return `La clé (${problem.given}) ne correspond pas au numéro : un chiffre est sans doute mal saisi. Recopiez le numéro complet depuis l'attestation.`;
  }
}

/**
 * A number beginning with 7 or 8 is a provisional number (NIA, "assuré provisoire", CNAM SNDS
 * BEN_CDI_NIR 04): the patient MAY be an AME beneficiary. A hint, never a proof (seed 000).
 */
export function isAmePossible(nir: string | null | undefined): boolean {
  return !!nir && /^[78]/.test(normalizeNirInput(nir));
}

/** `253072B07300470` → `2 53 07 2B 073 004 70`, as printed on attestations. */
export function formatNir(nir: string): string {
  const v = normalizeNirInput(nir);
  if (v.length !== 15) return nir;
  return `${v[0]} ${v.slice(1, 3)} ${v.slice(3, 5)} ${v.slice(5, 7)} ${v.slice(7, 10)} ${v.slice(10, 13)} ${v.slice(13)}`;
}
