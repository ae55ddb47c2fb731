import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatFrDate,
  isLeapYear,
  isValidIsoDate,
  isWithin,
  parseFrDate,
  proposeAmeEndDate,
} from '../../../core/domain/dates.ts';
import { formatEuros, mulDivRoundHalfUp, parseEuros, percentOf } from '../../../core/domain/money.ts';
import { foldText, indexTermsForName, parsePatientQuery, searchWords } from '../../../core/domain/search.ts';
import { coverageState, mostRelevantCoverage } from '../../../core/domain/coverage.ts';

const NBSP = '\u00a0';

describe('dates: the calendar', () => {
  it('knows leap years (every 4, not every 100, every 400)', () => {
    expect([2024, 2000, 2400, 1996].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2023, 1900, 2100, 2026].map(isLeapYear)).toEqual([false, false, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('accepts only real ISO dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-04-30')).toBe(true);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-01-00')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('05/03/2026')).toBe(false);
    expect(isValidIsoDate('1849-12-31')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });
});

describe('dates: jj/mm/aaaa on screen, ISO in data', () => {
  it.each([
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    [' 05/03/2026 ', '2026-03-05'],
    ['05.03.2026', '2026-03-05'],
    ['05-03-2026', '2026-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/1950', '1950-12-31'],
  ])('parses %s as %s', (typed, iso) => {
    expect(parseFrDate(typed)).toBe(iso);
  });

  it.each(['31/04/2026', '29/02/2023', '30/02/2024', '00/01/2026', '12/13/2026', '2026-03-05', '05/03/26', '5 mars 2026', ''])(
    'refuses %s',
    (typed) => {
      expect(parseFrDate(typed)).toBeNull();
    },
  );

  it('formats ISO as jj/mm/aaaa and leaves anything else alone', () => {
    expect(formatFrDate('2026-03-05')).toBe('05/03/2026');
    expect(formatFrDate(null)).toBe('');
    expect(formatFrDate(undefined)).toBe('');
    expect(formatFrDate('hier')).toBe('hier');
  });
});

describe('dates: arithmetic', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months clamping the day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });

  it('counts days and checks inclusive ranges', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1); // across the clock change
    expect(isWithin('2026-01-01', '2026-01-01', '2026-12-31')).toBe(true);
    expect(isWithin('2026-12-31', '2026-01-01', '2026-12-31')).toBe(true);
    expect(isWithin('2027-01-01', '2026-01-01', '2026-12-31')).toBe(false);
  });
});

describe('proposeAmeEndDate (rights granted for one year)', () => {
  it.each([
    ['2026-01-01', '2026-12-31'],
    ['2026-03-01', '2027-02-28'],
    ['2027-03-01', '2028-02-29'],
    ['2026-11-25', '2027-11-24'],
    ['2026-12-31', '2027-12-30'],
    ['2023-03-01', '2024-02-29'],
  ])('proposes %s → %s', (start, end) => {
    expect(proposeAmeEndDate(start)).toBe(end);
  });

  it('ends on 27 February when the rights start on 29 February (29 Feb + 1 year is clamped to the 28th, minus one day)', () => {
    expect(proposeAmeEndDate('2024-02-29')).toBe('2025-02-27');
  });

  it('always proposes a real date strictly after the start', () => {
    for (let d = '2023-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) {
      const end = proposeAmeEndDate(d);
      expect(isValidIsoDate(end)).toBe(true);
      expect(daysBetween(d, end)).toBeGreaterThanOrEqual(363);
      expect(daysBetween(d, end)).toBeLessThanOrEqual(365);
    }
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

  it('picks the coverage in force, else the next one, else the last one', () => {
    const past = { startDate: '2024-01-01', endDate: '2024-12-31' };
    const current = { startDate: '2026-01-01', endDate: '2026-12-31' };
    const next = { startDate: '2027-01-01', endDate: '2027-12-31' };
    expect(mostRelevantCoverage([past, current, next], '2026-06-01')).toBe(current);
    expect(mostRelevantCoverage([past, next], '2026-06-01')).toBe(next);
    expect(mostRelevantCoverage([past], '2026-06-01')).toBe(past);
    expect(mostRelevantCoverage([], '2026-06-01')).toBeNull();
  });
});

describe('money in integer cents', () => {
  it('rounds half up (away from zero) on integer arithmetic', () => {
    expect(mulDivRoundHalfUp(315, 150, 100)).toBe(473); // AMI 1,5 = 4,725 → 4,73
    expect(mulDivRoundHalfUp(221, 810, 100)).toBe(1790); // AMK 8,1 = 17,901 → 17,90
    expect(mulDivRoundHalfUp(-315, 150, 100)).toBe(-473);
    expect(mulDivRoundHalfUp(0, 150, 100)).toBe(0);
    expect(() => mulDivRoundHalfUp(1.5, 1, 1)).toThrow();
    expect(() => mulDivRoundHalfUp(1, 1, 0)).toThrow();
  });

  it('takes a percentage rounded to the cent', () => {
    expect(percentOf(1001, 60)).toBe(601); // 600,6
    expect(percentOf(1005, 50)).toBe(503); // 502,5 → 503
    expect(percentOf(1004, 50)).toBe(502);
    expect(percentOf(999, 60)).toBe(599); // 599,4
    expect(percentOf(1000, 0)).toBe(0);
    expect(percentOf(1000, 100)).toBe(1000);
    expect(percentOf(-1005, 50)).toBe(-503);
  });

  it('splits a total into AMO + rest without losing a cent', () => {
    for (let total = 0; total < 3000; total += 7) {
      const amo = percentOf(total, 60);
      expect(amo + (total - amo)).toBe(total);
      expect(Number.isInteger(amo)).toBe(true);
    }
  });

  it('formats like 1 234,56 € with no-break spaces (U+00A0)', () => {
    expect(formatEuros(123456)).toBe(`1${NBSP}234,56${NBSP}€`);
    expect(formatEuros(0)).toBe(`0,00${NBSP}€`);
    expect(formatEuros(5)).toBe(`0,05${NBSP}€`);
    expect(formatEuros(315)).toBe(`3,15${NBSP}€`);
    expect(formatEuros(100000)).toBe(`1${NBSP}000,00${NBSP}€`);
    expect(formatEuros(100000000)).toBe(`1${NBSP}000${NBSP}000,00${NBSP}€`);
    expect(formatEuros(123456)).not.toContain(' ');
  });

  it('formats a negative amount with a minus sign', () => {
    expect(formatEuros(-550)).toBe(`−5,50${NBSP}€`);
    expect(formatEuros(-123456)).toBe(`−1${NBSP}234,56${NBSP}€`);
  });

  it('parses typed amounts', () => {
    expect(parseEuros('3,15')).toBe(315);
    expect(parseEuros('3.15')).toBe(315);
    expect(parseEuros('3,1')).toBe(310);
    expect(parseEuros('1 234,5 €')).toBe(123450);
    expect(parseEuros(`1${NBSP}234,56${NBSP}€`)).toBe(123456);
    expect(parseEuros('12')).toBe(1200);
    expect(parseEuros('3,155')).toBeNull();
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('abc')).toBeNull();
    expect(parseEuros('')).toBeNull();
  });

  it('round-trips every amount through format and parse', () => {
    for (const cents of [0, 1, 99, 100, 315, 123456, 9999999]) expect(parseEuros(formatEuros(cents))).toBe(cents);
  });
});

describe('search normalisation', () => {
  it('ignores accents and case: Séverine = severine = SEVERINE', () => {
    expect(searchWords('Séverine')).toEqual(['severine']);
    expect(searchWords('SÉVERINE')).toEqual(['severine']);
    expect(searchWords('severine')).toEqual(['severine']);
    expect(searchWords('ÉLOÏSE François Noël')).toEqual(['eloise', 'francois', 'noel']);
  });

  it('spells œ and æ out', () => {
    expect(foldText('Bœuf')).toBe('boeuf');
    expect(foldText('Œillet')).toBe('oeillet');
    expect(foldText('Lætitia')).toBe('laetitia');
    expect(searchWords('Cœur-de-Lion')).toEqual(['coeur', 'de', 'lion']);
  });

  it("splits and glues apostrophe names: N'Diaye, N’Diaye (typographic)", () => {
    expect(indexTermsForName("N'Diaye")).toEqual(['n', 'diaye', 'ndiaye']);
    expect(indexTermsForName('N’Diaye')).toEqual(['n', 'diaye', 'ndiaye']);
    expect(indexTermsForName("d'Alembert")).toEqual(['d', 'alembert', 'dalembert']);
  });

  it('splits and glues compound names: Le Gall-Martin', () => {
    expect(indexTermsForName('Le Gall-Martin')).toEqual(['le', 'gall', 'martin', 'legallmartin']);
    expect(indexTermsForName('Dupont')).toEqual(['dupont']);
    expect(indexTermsForName('  ')).toEqual([]);
  });

  it('reads a birth date, a NIR prefix or name words from the search box', () => {
    expect(parsePatientQuery('12/03/1985')).toEqual({ kind: 'birth-date', iso: '1985-03-12' });
    expect(parsePatientQuery('1/3/1985')).toEqual({ kind: 'birth-date', iso: '1985-03-01' });
    expect(parsePatientQuery('2 95 10')).toEqual({ kind: 'nir-prefix', prefix: '29510' });
    expect(parsePatientQuery('2530 72b')).toEqual({ kind: 'nir-prefix', prefix: '253072B' });
    expect(parsePatientQuery('8')).toEqual({ kind: 'nir-prefix', prefix: '8' });
    expect(parsePatientQuery("n'diaye")).toEqual({ kind: 'words', words: ['n', 'diaye'] });
    expect(parsePatientQuery('N’Diaye Awa')).toEqual({ kind: 'words', words: ['n', 'diaye', 'awa'] });
    expect(parsePatientQuery('le gall-martin')).toEqual({ kind: 'words', words: ['le', 'gall', 'martin'] });
    expect(parsePatientQuery('SÉV')).toEqual({ kind: 'words', words: ['sev'] });
    expect(parsePatientQuery('   ')).toEqual({ kind: 'empty' });
    expect(parsePatientQuery("'-")).toEqual({ kind: 'empty' });
  });
});
