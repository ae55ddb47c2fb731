import { describe, expect, it } from 'vitest';
import { actPeriod, checkBordereauInvoices, checkEventDate, checkPaymentAmount, isOverdue, overdueSentOnOrBefore } from '../../../core/domain/follow-up.ts';

describe('isOverdue (reminder 30 days after sending)', () => {
  it('is due on the 30th day, not the 29th', () => {
    expect(isOverdue('envoyee', '2026-10-26', '2026-11-25')).toBe(true);
    expect(isOverdue('envoyee', '2026-10-27', '2026-11-25')).toBe(false);
    expect(overdueSentOnOrBefore('2026-11-25')).toBe('2026-10-26');
  });
  it('counts a partly paid invoice, never a paid, rejected or unsent one', () => {
    expect(isOverdue('payee-partiellement', '2026-01-01', '2026-11-25')).toBe(true);
    expect(isOverdue('payee', '2026-01-01', '2026-11-25')).toBe(false);
    expect(isOverdue('rejetee', '2026-01-01', '2026-11-25')).toBe(false);
    expect(isOverdue('a-envoyer', null, '2026-11-25')).toBe(false);
  });
  it('crosses a leap day and a year end', () => {
    expect(overdueSentOnOrBefore('2028-03-01')).toBe('2028-01-31');
    expect(overdueSentOnOrBefore('2027-01-15')).toBe('2026-12-16');
  });
});

describe('checkPaymentAmount', () => {
  it('accepts up to what remains, to the cent', () => {
    expect(checkPaymentAmount(463, 1063, 600)).toBeNull();
    expect(checkPaymentAmount(464, 1063, 600)).toBe('Le montant reçu (4,64\u00a0€) dépasse ce qui reste à recevoir sur cette facture (4,63\u00a0€).');
  });
  it('refuses zero, negative, fractions of a cent, and anything on a settled invoice', () => {
    expect(checkPaymentAmount(0, 1063, 0)).toBe('Le montant reçu doit être positif.');
    expect(checkPaymentAmount(-5, 1063, 0)).toBe('Le montant reçu doit être positif.');
    expect(checkPaymentAmount(10.5, 1063, 0)).toBe('Le montant reçu doit être positif.');
    expect(checkPaymentAmount(1, 1063, 1063)).toContain('déjà entièrement réglée');
    expect(checkPaymentAmount(1, 0, 0)).toContain('déjà entièrement réglée');
  });
});

describe('checkEventDate', () => {
  it('accepts today and the validation day, refuses tomorrow and the day before', () => {
    expect(checkEventDate('2026-11-25', '2026-11-25', '2026-11-20', "Date d'envoi")).toBeNull();
    expect(checkEventDate('2026-11-20', '2026-11-25', '2026-11-20', "Date d'envoi")).toBeNull();
    expect(checkEventDate('2026-11-26', '2026-11-25', '2026-11-20', "Date d'envoi")).toBe("Date d'envoi : la date (26/11/2026) est dans le futur.");
    expect(checkEventDate('2026-11-19', '2026-11-25', '2026-11-20', 'Date du rejet')).toBe(
      'Date du rejet : la date (19/11/2026) est antérieure à la validation de la facture (20/11/2026).',
    );
  });
});

describe('checkBordereauInvoices', () => {
  const inv = (number: number, over: Partial<{ state: 'a-envoyer' | 'envoyee'; regime: string | null; caisse: string | null }> = {}) => ({
    number,
    state: 'a-envoyer' as const,
    regime: '01',
    caisse: '751',
    patientName: 'DIALLO Aminata',
    ...over,
  });
  it('gives the one destination of the batch', () => {
    expect(checkBordereauInvoices([inv(1), inv(2)])).toEqual({ ok: true, destination: { regime: '01', caisse: '751' } });
  });
  it('refuses an empty batch, a sent invoice, a missing caisse, two caisses', () => {
    expect(checkBordereauInvoices([])).toMatchObject({ ok: false });
    expect(checkBordereauInvoices([inv(1), inv(2, { state: 'envoyee' })])).toEqual({
      ok: false,
      message_fr: "La facture n° 2 n'est pas « à envoyer » (envoyée, en attente).",
    });
    expect(checkBordereauInvoices([inv(3, { caisse: null })])).toMatchObject({ ok: false, message_fr: expect.stringContaining('DIALLO Aminata') });
    expect(checkBordereauInvoices([inv(1), inv(4, { regime: '02' })])).toEqual({
      ok: false,
      message_fr: 'Un bordereau va à une seule caisse : la facture n° 4 relève de régime 02 — caisse 751, pas de régime 01 — caisse 751.',
    });
  });
});

describe('actPeriod', () => {
  it('shortens the first date within one year, keeps both across years', () => {
    expect(actPeriod('2026-11-02', '2026-11-02')).toBe('02/11/2026');
    expect(actPeriod('2026-11-02', '2026-11-20')).toBe('02/11 au 20/11/2026');
    expect(actPeriod('2025-12-28', '2026-01-03')).toBe('28/12/2025 au 03/01/2026');
    expect(actPeriod(null, null)).toBe('—');
  });
});
