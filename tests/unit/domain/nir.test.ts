import { describe, expect, it } from 'vitest';
import { checkNir, computeNirKey, formatNir, isAmePossible, nirProblemMessage } from '../../../core/domain/nir.ts';

describe('NIR / NIA key', () => {
  // BILLING-RULES.md §1 test vectors (python-stdnum doctests, recomputed).
  it.each([
    ['2951099126111', '93'],
    ['253072B073004', '70'],
    ['253072A073004', '43'],
    ['1620662765118', '08'],
    ['162062A765118', '05'],
    ['162062B765118', '32'],
  ])('computes the key of %s as %s', (body, key) => {
    expect(computeNirKey(body)).toBe(key);
  });

  it('accepts a valid NIR typed with spaces, and Corsican 2A/2B in lower case', () => {
    expect(checkNir('2 95 10 99 126 111 93')).toMatchObject({ ok: true, nir: { normalized: '295109912611193' } });
    expect(checkNir('2 53 07 2b 073 004 70')).toMatchObject({ ok: true, nir: { normalized: '253072B07300470' } });
  });

  it('accepts a provisional 7/8 NIA with its key and flags it as AME possible', () => {
    const body = '8850599123456';
    const nia = body + computeNirKey(body)!;
    expect(checkNir(nia).ok).toBe(true);
    expect(isAmePossible(nia)).toBe(true);
    expect(isAmePossible('7' + nia.slice(1))).toBe(true);
  });

  it('does not flag numbers starting with 1 or 2 (AME goes through the button there)', () => {
    expect(isAmePossible('295109912611193')).toBe(false);
    expect(isAmePossible('162066276511808')).toBe(false);
    expect(isAmePossible(null)).toBe(false);
  });

  it('does not reject months 20, 30–42, 50–99 nor first digits 3/4', () => {
    for (const body of ['2952099126111', '1623562765118', '3629962765118', '4620162765118']) {
      expect(checkNir(body + computeNirKey(body)!).ok).toBe(true);
    }
  });

  it('rejects a wrong key with the expected key in French', () => {
    const r = checkNir('2 95 10 99 126 111 94');
    expect(r).toEqual({ ok: false, problem: { kind: 'key', expected: '93', given: '94' } });
    if (!r.ok) expect(nirProblemMessage(r.problem)).toBe("La clé du NIR ou NIA est incorrecte : 94 saisie, 93 attendue. Vérifiez le numéro sur l'attestation.");
  });

  it('rejects wrong lengths, letters and a first digit out of 1–8', () => {
    expect(checkNir('29510991261119')).toMatchObject({ ok: false, problem: { kind: 'length', length: 14 } });
    expect(checkNir('')).toMatchObject({ ok: false, problem: { kind: 'empty' } });
    expect(checkNir('2951099X2611193')).toMatchObject({ ok: false, problem: { kind: 'characters' } });
    expect(checkNir('29510992A611193')).toMatchObject({ ok: false, problem: { kind: 'corsica' } });
    const body = '9951099126111';
    expect(checkNir(body + computeNirKey(body)!)).toMatchObject({ ok: false, problem: { kind: 'sex' } });
  });

  it('formats a NIR as on attestations', () => {
    expect(formatNir('253072B07300470')).toBe('2 53 07 2B 073 004 70');
  });
});
