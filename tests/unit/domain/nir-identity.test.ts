/**
 * Issue #19 item 4: a NIR whose sex, year or month digits contradict the sex and birth date typed is
 * warned of (never refused). BILLING-RULES §1: sex 1/3/7 man, 2/4/8 woman; digits 2–3 the year, 4–5 the
 * month; months 20, 30–42, 50–99 stand for an unknown month; a NIA (7/8) is given on provisional data.
 */
import { describe, expect, it } from 'vitest';
import { nirIdentityWarning } from '../../../core/domain/nir-identity.ts';
import { computeNirKey } from '../../../core/domain/nir.ts';

const nir = (body: string) => body + computeNirKey(body)!;

describe('nirIdentityWarning', () => {
  it('names every contradiction: sex, year and month (1 62 06 … for a woman born in May 1988)', () => {
    const w = nirIdentityWarning(nir('1620662765118'), '1988-05-14', 'F');
    expect(w).toContain('il commence par 1 (homme), le sexe saisi est femme');
    expect(w).toContain("l'année de naissance y finit par 62, pas 1988");
    expect(w).toContain('le mois de naissance y est juin (06), pas mai');
    expect(w).toContain("sur l'attestation");
  });

  it('is silent when the number agrees, Corsican department included', () => {
    expect(nirIdentityWarning(nir('1620662765118'), '1962-06-03', 'M')).toBeNull();
    expect(nirIdentityWarning(nir('253072B073004'), '1953-07-01', 'F')).toBeNull();
  });

  it.each(['20', '30', '42', '50', '99'])('does not compare an unknown month %s', (month) => {
    expect(nirIdentityWarning(nir(`288${month}99123456`), '1988-05-14', 'F')).toBeNull();
  });

  it('compares only the sex digit of a NIA (7 or 8)', () => {
    expect(nirIdentityWarning(nir('8850599123456'), '1990-01-02', 'F')).toBeNull();
    expect(nirIdentityWarning(nir('8850599123456'), '1985-05-02', 'M')).toContain('il commence par 8 (femme), le sexe saisi est homme');
    expect(nirIdentityWarning(nir('7910299123456'), '1991-02-02', 'M')).toBeNull();
  });

  it('says nothing about a number it cannot read', () => {
    expect(nirIdentityWarning('12345', '1988-05-14', 'F')).toBeNull();
    expect(nirIdentityWarning(nir('1620662765118'), '', 'M')).toBeNull();
  });
});
