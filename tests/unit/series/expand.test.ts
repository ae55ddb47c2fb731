import { describe, expect, it } from 'vitest';
import { expandSeries, type SeriesRule } from '../../../core/series/expand.ts';

// May 2026: Friday 8 (Victoire 1945) and Thursday 14 (Ascension) are public holidays (Code du travail
// L3133-1), Sunday 10 is a Sunday. A 15-day « tous les 2 jours » series from Monday 4 May to Monday 18 May.
const base: SeriesRule = {
  frequency: { kind: 'every-other-day' },
  times: ['08:00'],
  start: '2026-05-04',
  end: '2026-05-18',
  count: null,
  includeSundays: true,
  includeHolidays: true,
};

const dates = (r: ReturnType<typeof expandSeries>) => (r.ok ? r.slots.map((s) => `${s.date} ${s.time}`) : r.message_fr);

describe('series expansion', () => {
  it('plans every other day over 15 days, Sunday and holidays included', () => {
    expect(dates(expandSeries(base, '75011'))).toEqual([
      '2026-05-04 08:00', '2026-05-06 08:00', '2026-05-08 08:00', '2026-05-10 08:00',
      '2026-05-12 08:00', '2026-05-14 08:00', '2026-05-16 08:00', '2026-05-18 08:00',
    ]);
  });

  it('skips (does not move) the Sunday and the holidays when they are left out', () => {
    expect(dates(expandSeries({ ...base, includeSundays: false, includeHolidays: false }, '75011'))).toEqual([
      '2026-05-04 08:00', '2026-05-06 08:00', '2026-05-12 08:00', '2026-05-16 08:00', '2026-05-18 08:00',
    ]);
    // Sundays left out, holidays kept.
    expect(dates(expandSeries({ ...base, includeSundays: false }, '75011'))).toHaveLength(7);
  });

  it('runs a number of séances past the left-out days, twice a day in hour order', () => {
    const r = expandSeries({ ...base, frequency: { kind: 'daily' }, times: ['19:00', '07:30'], end: null, count: 5, includeSundays: false }, '75011');
    expect(dates(r)).toEqual(['2026-05-04 07:30', '2026-05-04 19:00', '2026-05-05 07:30', '2026-05-05 19:00', '2026-05-06 07:30']);
  });

  it('plans given weekdays (kiné: Monday, Wednesday, Friday) for 15 séances', () => {
    const r = expandSeries({ ...base, frequency: { kind: 'weekdays', days: [1, 3, 5] }, times: ['10:00'], end: null, count: 15, includeHolidays: false }, '75011');
    expect(r.ok && r.slots.length).toBe(15);
    expect(r.ok && r.slots[0]!.date).toBe('2026-05-04');
    // Friday 8 May and Whit Monday 25 May are holidays: skipped, the 15th séance lands on Wednesday 10 June.
    expect(r.ok && r.slots.some((s) => s.date === '2026-05-08')).toBe(false);
    expect(r.ok && r.slots[14]!.date).toBe('2026-06-10');
  });

  it('knows local holidays: 26 December in Alsace-Moselle', () => {
    const r = expandSeries({ ...base, frequency: { kind: 'daily' }, start: '2026-12-24', end: '2026-12-28', includeHolidays: false }, '67000');
    expect(dates(r)).toEqual(['2026-12-24 08:00', '2026-12-27 08:00', '2026-12-28 08:00']);
  });

  it('refuses bad rules in French', () => {
    const msg = (r: Partial<SeriesRule>) => {
      const x = expandSeries({ ...base, ...r }, '75011');
      return x.ok ? 'ok' : `${x.field}: ${x.message_fr}`;
    };
    expect(msg({ end: '2026-05-01' })).toBe('end: La fin des soins (01/05/2026) précède leur début (04/05/2026).');
    expect(msg({ end: null, count: 0 })).toBe('count: Nombre de séances : au moins 1.');
    expect(msg({ times: ['06:00', '10:00', '14:00', '18:00', '22:00'] })).toBe('times: 5 passages par jour : 4 au maximum.');
    expect(msg({ times: [] })).toBe('times: Indiquez au moins une heure de passage.');
    expect(msg({ end: null })).toBe('end: Indiquez soit une date de fin, soit un nombre de séances.');
    expect(msg({ frequency: { kind: 'weekdays', days: [] } })).toBe('frequency: Choisissez au moins un jour de la semaine.');
    expect(msg({ end: '2027-06-01' })).toBe('end: Une série dure un an au plus : renouvelez-la ensuite.');
    expect(msg({ start: '2026-05-10', end: '2026-05-10', includeSundays: false })).toBe('frequency: Aucune visite ne tombe dans cette période avec ce rythme.');
  });

  it('plans a 3-month twice-a-day series (180 visits)', () => {
    const r = expandSeries({ ...base, frequency: { kind: 'daily' }, times: ['08:00', '20:00'], start: '2026-01-01', end: '2026-03-31' }, '75011');
    expect(r.ok && r.slots.length).toBe(180);
  });
});

describe('billing periods', () => {
  it('runs weeks Monday to Sunday and whole months', async () => {
    const { periodOf } = await import('../../../core/series/period.ts');
    expect(periodOf('week', '2026-05-10')).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(periodOf('week', '2026-05-11')).toEqual({ from: '2026-05-11', to: '2026-05-17' });
    expect(periodOf('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
