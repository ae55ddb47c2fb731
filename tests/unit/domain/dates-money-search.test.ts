import { describe, expect, it } from 'vitest';
import { addMonths, formatFrDate, isValidIsoDate, parseFrDate, proposeAmeEndDate } from '../../../core/domain/dates.ts';
import { formatEuros, mulDivRoundHalfUp, parseEuros, percentOf } from '../../../core/domain/money.ts';
import { indexTermsForName, parsePatientQuery, searchWords } from '../../../core/domain/search.ts';
import { coverageState } from '../../../core/domain/coverage.ts';

describe('dates', () => {
  it('knows real calendar dates, leap years included', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
  });
  it('parses jj/mm/aaaa and formats back', () => {
    expect(parseFrDate('05/03/2026')).toBe('2026-03-05');
    expect(parseFrDate('5/3/2026')).toBe('2026-03-05');
    expect(parseFrDate('31/04/2026')).toBeNull();
    expect(parseFrDate('2026-03-05')).toBeNull();
    expect(formatFrDate('2026-03-05')).toBe('05/03/2026');
  });
  it('proposes AME end = start + 1 year − 1 day', () => {
    expect(proposeAmeEndDate('2026-03-01')).toBe('2027-02-28');
    expect(proposeAmeEndDate('2026-01-01')).toBe('2026-12-31');
    expect(proposeAmeEndDate('2024-02-29')).toBe('2025-02-27');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describe('coverage state', () => {
  it('is future, en cours, expire bientôt or expirée on the boundaries', () => {
    expect(coverageState('2026-12-01', '2027-11-30', '2026-11-30')).toBe('future');
    expect(coverageState('2026-12-01', '2027-11-30', '2026-12-01')).toBe('en-cours');
    expect(coverageState('2026-01-01', '2027-01-24', '2026-11-25')).toBe('expire-bientot');
    expect(coverageState('2026-01-01', '2027-01-25', '2026-11-25')).toBe('en-cours');
    expect(coverageState('2025-01-01', '2026-11-25', '2026-11-25')).toBe('expire-bientot');
    expect(coverageState('2025-01-01', '2026-11-24', '2026-11-25')).toBe('expiree');
  });
});

describe('money in cents', () => {
  it('rounds half up on integer arithmetic', () => {
    expect(mulDivRoundHalfUp(315, 150, 100)).toBe(473); // AMI 1,5 = 4,725 → 4,73
    expect(mulDivRoundHalfUp(221, 810, 100)).toBe(1790); // AMK 8,1 = 17,901 → 17,90
    expect(percentOf(1001, 60)).toBe(601); // 600,6
    expect(percentOf(1000, 0)).toBe(0);
    expect(() => mulDivRoundHalfUp(1.5, 1, 1)).toThrow();
  });
  it('formats like 1 234,56 € with no-break spaces', () => {
    expect(formatEuros(123456)).toBe('1\u00a0234,56\u00a0€');
    expect(formatEuros(0)).toBe('0,00\u00a0€');
    expect(formatEuros(-550)).toBe('−5,50\u00a0€');
    expect(formatEuros(100000000)).toBe('1\u00a0000\u00a0000,00\u00a0€');
  });
  it('parses typed amounts', () => {
    expect(parseEuros('3,15')).toBe(315);
    expect(parseEuros('1 234,5 €')).toBe(123450);
    expect(parseEuros('abc')).toBeNull();
  });
});

describe('search normalisation', () => {
  it('ignores accents and case', () => {
    expect(searchWords('Séverine')).toEqual(['severine']);
    expect(searchWords('ÉLOÏSE Bœuf')).toEqual(['eloise', 'boeuf']);
  });
  it('splits and glues compound and apostrophe names', () => {
    expect(indexTermsForName("N'Diaye")).toEqual(['n', 'diaye', 'ndiaye']);
    expect(indexTermsForName('Le Gall-Martin')).toEqual(['le', 'gall', 'martin', 'legallmartin']);
  });
  it('reads what the user typed', () => {
    expect(parsePatientQuery('12/03/1985')).toEqual({ kind: 'birth-date', iso: '1985-03-12' });
    expect(parsePatientQuery('2 95 10')).toEqual({ kind: 'nir-prefix', prefix: '29510' });
    expect(parsePatientQuery("n'diaye")).toEqual({ kind: 'words', words: ['n', 'diaye'] });
    expect(parsePatientQuery('   ')).toEqual({ kind: 'empty' });
  });
});

import { formatActCode, formatCoefficient } from '../../../core/domain/acts.ts';
describe('act codes', () => {
  it('writes coefficients the French way and allowances alone', () => {
    expect(formatCoefficient(150)).toBe('1,5');
    expect(formatCoefficient(810)).toBe('8,1');
    expect(formatCoefficient(125)).toBe('1,25');
    expect(formatActCode('AMI', 100)).toBe('AMI 1');
    expect(formatActCode('IFD', 100)).toBe('IFD');
    expect(formatActCode('AMK', 810)).toBe('AMK 8,1');
  });
});
