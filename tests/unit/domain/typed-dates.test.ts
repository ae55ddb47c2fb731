/** Issue #19 item 10: one reader for every date field — jjmmaaaa, jj/mm/aa, jj/mm/aaaa. */
import { describe, expect, it } from 'vitest';
import { parseFrDate } from '../../../core/domain/dates.ts';
import { digitsAsBirth } from '../../../core/domain/search.ts';

const today = '2026-11-25';

describe('parseFrDate', () => {
  it.each([
    ['15/03/1985', '1985-03-15'],
    ['15031985', '1985-03-15'],
    [' 5/3/1985 ', '1985-03-05'],
    ['15.03.1985', '1985-03-15'],
    ['29022024', '2024-02-29'],
  ])('reads %s without today', (typed, iso) => expect(parseFrDate(typed)).toBe(iso));

  it('reads a two-digit year against today: a birth date is never in the future, an act up to 10 years ahead', () => {
    expect(parseFrDate('15/03/85', { today, past: true })).toBe('1985-03-15');
    expect(parseFrDate('150385', { today, past: true })).toBe('1985-03-15');
    expect(parseFrDate('01/02/26', { today, past: true })).toBe('2026-02-01');
    expect(parseFrDate('01/02/27', { today, past: true })).toBe('1927-02-01');
    expect(parseFrDate('20/11/26', { today })).toBe('2026-11-20');
    expect(parseFrDate('01/01/36', { today })).toBe('2036-01-01');
    expect(parseFrDate('01/01/37', { today })).toBe('1937-01-01');
    expect(parseFrDate('20/11/26')).toBeNull(); // no today: not guessed
  });

  it('a two-digit birth date later this year is a century ago, never a birth in the future (review of #19)', () => {
    // Today 25/11/2026: « 01/12/26 » cannot be a birth on 01/12/2026, it is 01/12/1926; « 25/11/26 » is today.
    expect(parseFrDate('01/12/26', { today, past: true })).toBe('1926-12-01');
    expect(parseFrDate('011226', { today, past: true })).toBe('1926-12-01');
    expect(parseFrDate('25/11/26', { today, past: true })).toBe('2026-11-25');
    expect(parseFrDate('01/12/26', { today })).toBe('2026-12-01'); // an act or rights date may be ahead
  });

  it('29/02 of a two-digit year is read only when that year is a leap year', () => {
    expect(parseFrDate('29/02/24', { today, past: true })).toBe('2024-02-29');
    expect(parseFrDate('29/02/27', { today })).toBeNull();
    expect(parseFrDate('31/04/2026 ', { today })).toBeNull();
    expect(parseFrDate(' 30/04/2026 ', { today })).toBe('2026-04-30');
  });

  it.each(['31/02/2024', '29022023', '1503198', '15/13/1985', 'demain', '', '15/03/198'])('refuses %s', (typed) =>
    expect(parseFrDate(typed, { today })).toBeNull(),
  );

  it('is the reader of the patient search too (14031985 → birth date)', () => {
    expect(digitsAsBirth('14031985')).toEqual({ birthDate: '1985-03-14' });
    expect(digitsAsBirth('31021985')).toEqual({});
  });
});
