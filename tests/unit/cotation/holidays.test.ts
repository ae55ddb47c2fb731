// Public holidays for NGAP art. 14 (« dimanche et jours fériés »; BILLING-RULES §6): national days from
// @socialgouv/jours-feries, Alsace-Moselle's Good Friday and 26 Dec, DOM abolition-of-slavery days.
import { describe, expect, it } from 'vitest';
import { holidayOn, weekday } from '../../../core/cotation/holidays.ts';

describe('holidays', () => {
  it('knows the national days, including the moving ones of 2026 (Easter 5 April)', () => {
    expect(holidayOn('2026-01-01', '75011')).toEqual({ name: "Jour de l'an", local: false });
    expect(holidayOn('2026-04-06', '75011')?.name).toBe('Lundi de Pâques');
    expect(holidayOn('2026-05-14', '75011')?.name).toBe('Ascension');
    expect(holidayOn('2026-05-25', '75011')?.name).toBe('Lundi de Pentecôte');
    expect(holidayOn('2026-11-11', '75011')?.name).toBe('Armistice');
    expect(holidayOn('2026-11-12', '75011')).toBeNull();
  });

  it('adds Alsace-Moselle and DOM days as local holidays', () => {
    expect(holidayOn('2026-04-03', '67000')).toEqual({ name: 'Vendredi Saint', local: true });
    expect(holidayOn('2026-12-26', '57000')).toEqual({ name: 'Saint Étienne', local: true });
    expect(holidayOn('2026-04-03', '75011')).toBeNull();
    expect(holidayOn('2026-05-27', '97110')).toEqual({ name: "Abolition de l'esclavage (Guadeloupe)", local: true });
    expect(holidayOn('2026-12-20', '97400')?.name).toBe("Abolition de l'esclavage (La Réunion)");
    expect(holidayOn('2026-05-27', '75011')).toBeNull();
  });

  it('tells the weekday without time zones', () => {
    expect(weekday('2026-11-22')).toBe(0);
    expect(weekday('2026-11-21')).toBe(6);
  });
});
