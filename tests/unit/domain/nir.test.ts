import { describe, expect, it } from 'vitest';
import {
  checkNir,
  computeNirKey,
  formatNir,
  isAmePossible,
  nirProblemMessage,
  normalizeNirInput,
} from '../../../core/domain/nir.ts';
import { nir as nirSchema } from '../../../core/api/schemas/common.ts';

/**
 * Key computed independently of the code under test (BigInt, the rule written out again):
 * 97 − (N mod 97), 2A → 19 and 2B → 18 for the key only (BILLING-RULES.md §1).
 */
function referenceKey(body: string): string {
  const numeric = body.slice(0, 5) + body.slice(5, 7).replace('2A', '19').replace('2B', '18') + body.slice(7);
  return String(97n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

describe('NIR / NIA key', () => {
  // BILLING-RULES.md §1 test vectors (python-stdnum doctests, recomputed).
  const vectors: [string, string][] = [
    ['2 95 10 99 126 111', '93'],
    ['2 53 07 2B 073 004', '70'],
    ['2 53 07 2A 073 004', '43'],
    ['1 62 06 62 765 118', '08'],
    ['1 62 06 2A 765 118', '05'],
    ['1 62 06 2B 765 118', '32'],
  ];

  it.each(vectors)('computes the key of %s as %s', (typed, key) => {
    const body = normalizeNirInput(typed);
    expect(computeNirKey(body)).toBe(key);
    expect(referenceKey(body)).toBe(key);
  });

  it.each(vectors)('accepts %s with its key %s, typed with spaces, and stores 15 characters', (typed, key) => {
    const r = checkNir(`${typed} ${key}`);
    expect(r).toEqual({ ok: true, nir: { normalized: normalizeNirInput(typed) + key, body: normalizeNirInput(typed), key } });
  });

  it.each(vectors)('refuses %s with any other key', (typed, key) => {
    const wrong = String(((Number(key) + 1) % 97) + 1).padStart(2, '0');
    const r = checkNir(`${typed} ${wrong}`);
    expect(r).toEqual({ ok: false, problem: { kind: 'key', given: wrong } });
  });

  it('accepts Corsican 2a/2b typed in lower case, with dots or no-break spaces', () => {
    expect(checkNir('2 53 07 2b 073 004 70')).toMatchObject({ ok: true, nir: { normalized: '253072B07300470' } });
    expect(checkNir('1.62.06.2a.765.118.05')).toMatchObject({ ok: true, nir: { normalized: '162062A76511805' } });
    expect(checkNir('1\u00a062\u00a006\u00a062\u00a0765\u00a0118\u00a008')).toMatchObject({ ok: true });
  });

  it('keeps 2A and 2B distinct (they do not share a key)', () => {
    expect(checkNir('253072A07300470').ok).toBe(false);
    expect(checkNir('253072B07300443').ok).toBe(false);
  });
});

describe('provisional numbers (NIA) beginning with 7 or 8', () => {
  it.each(['7', '8'])('accepts a %s… NIA with a key computed by the same rule and flags « AME possible »', (first) => {
    const body = `${first}850599123456`;
    const nia = body + referenceKey(body);
    expect(checkNir(nia)).toMatchObject({ ok: true, nir: { normalized: nia } });
    expect(isAmePossible(nia)).toBe(true);
    expect(isAmePossible(formatNir(nia))).toBe(true);
  });

  it('refuses a 7/8 NIA whose key is wrong, like any NIR', () => {
    const body = '8850599123456';
    const key = referenceKey(body);
    const wrong = key === '01' ? '02' : '01';
    expect(checkNir(body + wrong)).toMatchObject({ ok: false, problem: { kind: 'key', given: wrong } });
  });

  it('does not flag numbers starting with 1 to 6 (AME goes through the button there)', () => {
    for (const first of ['1', '2', '3', '4', '5', '6']) expect(isAmePossible(`${first}95109912611193`)).toBe(false);
    expect(isAmePossible(null)).toBe(false);
    expect(isAmePossible('')).toBe(false);
  });
});

describe('what the NIR check must NOT reject (BILLING-RULES.md §1)', () => {
  it.each(['20', '30', '35', '42', '50', '77', '99'])('accepts month %s (unknown civil-status month)', (month) => {
    const body = `162${month}62765118`;
    expect(checkNir(body + referenceKey(body)).ok).toBe(true);
  });

  it.each(['3', '4', '7', '8'])('accepts first digit %s (foreign-born, provisional)', (first) => {
    const body = `${first}620662765118`;
    expect(checkNir(body + referenceKey(body)).ok).toBe(true);
  });

  it('accepts a person born abroad (department 99) and overseas departments', () => {
    for (const body of ['2951099126111', '1620697112345', '1620698812345']) {
      expect(checkNir(body + referenceKey(body)).ok).toBe(true);
    }
  });
});

describe('what the NIR check rejects, in French', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['2951099126111', { kind: 'length', length: 13 }],
    ['29510991261119', { kind: 'length', length: 14 }],
    ['2951099126111930', { kind: 'length', length: 16 }],
    ['2951099X2611193', { kind: 'characters' }],
    ['ABCDEFGHIJKLMNO', { kind: 'characters' }],
    ['29510992A611193', { kind: 'corsica' }],
    ['2951099126111AB', { kind: 'characters' }],
    ['29510991261112A', { kind: 'corsica' }],
  ])('refuses « %s »', (input, problem) => {
    expect(checkNir(input)).toEqual({ ok: false, problem });
  });

  it.each(['0', '9'])('refuses first digit %s', (first) => {
    const body = `${first}951099126111`;
    expect(checkNir(body + referenceKey(body))).toEqual({ ok: false, problem: { kind: 'sex' } });
  });

  it('explains a wrong key with the key typed, never the key expected (issue #19 item 3)', () => {
    const r = checkNir('2 95 10 99 126 111 94');
    expect(r).toEqual({ ok: false, problem: { kind: 'key', given: '94' } });
    if (!r.ok) {
      expect(nirProblemMessage(r.problem)).toBe(
        "La clé (94) ne correspond pas au numéro : un chiffre est sans doute mal saisi. Recopiez le numéro complet depuis l'attestation.",
      );
      expect(nirProblemMessage(r.problem)).not.toContain('93');
    }
  });

  it('has a French message for every problem', () => {
    expect(nirProblemMessage({ kind: 'empty' })).toBe('Le NIR ou NIA est obligatoire.');
    expect(nirProblemMessage({ kind: 'length', length: 14 })).toMatch(/15 au total.*14 saisis/);
    expect(nirProblemMessage({ kind: 'length', length: 1 })).toMatch(/1 saisi\.$/);
    expect(nirProblemMessage({ kind: 'characters' })).toMatch(/que des chiffres/);
    expect(nirProblemMessage({ kind: 'corsica' })).toMatch(/2A ou 2B/);
    expect(nirProblemMessage({ kind: 'sex' })).toMatch(/entre 1 et 8/);
  });

  it('gives the same messages through the API schema, and stores the normalised number', () => {
    expect(nirSchema.parse('2 53 07 2b 073 004 70')).toBe('253072B07300470');
    const r = nirSchema.safeParse('2 95 10 99 126 111 94');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(/^La clé \([0-9]{2}\) ne correspond pas au numéro/);
    const missing = nirSchema.safeParse(undefined);
    expect(missing.success).toBe(false);
    if (!missing.success) expect(missing.error.issues[0]!.message).toBe('Le NIR ou NIA est obligatoire.');
  });
});

describe('formatNir', () => {
  it('prints a NIR as on attestations, and leaves anything else alone', () => {
    expect(formatNir('253072B07300470')).toBe('2 53 07 2B 073 004 70');
    expect(formatNir('295109912611193')).toBe('2 95 10 99 126 111 93');
    expect(formatNir('123')).toBe('123');
  });
});
