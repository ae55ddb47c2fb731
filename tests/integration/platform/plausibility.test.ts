/**
 * Plausibility bounds and French messages at the boundary (through dispatch, as both transports):
 * the absurd inputs the durability review found accepted are refused with a message for the desk,
 * and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { birthDateProblem, rightsProblem } from '../../../core/domain/plausibility.ts';
import { hasControlCharacters } from '../../../core/api/schemas/french-errors.ts';
import { buildPatientInput, makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend(); // today: 25/11/2026
});
afterEach(() => t.dispose());

describe('pure bounds', () => {
  it('birth date: not after today, not more than 125 years ago', () => {
    expect(birthDateProblem('birthDate', '2026-11-25', '2026-11-25')).toBeNull();
    expect(birthDateProblem('birthDate', '1901-11-25', '2026-11-25')).toBeNull();
    expect(birthDateProblem('birthDate', '2026-11-26', '2026-11-25')?.message_fr).toBe('Date de naissance : elle ne peut pas être dans le futur.');
    expect(birthDateProblem('birthDate', '1901-11-24', '2026-11-25')?.message_fr).toBe("Date de naissance : antérieure au 25/11/1901, elle n'est pas plausible.");
  });

  it('rights: start at most 10 years ago, end at most 5 years ahead', () => {
    expect(rightsProblem('s', 'e', '2016-11-25', '2031-11-25', '2026-11-25')).toBeNull();
    expect(rightsProblem('s', 'e', '2016-11-24', '2027-01-01', '2026-11-25')).toMatchObject({ field: 's' });
    expect(rightsProblem('s', 'e', '2026-01-01', '2031-11-26', '2026-11-25')).toEqual({ field: 'e', message_fr: "Fin des droits : postérieure au 25/11/2031, elle n'est pas plausible." });
  });

  it('control characters: none in one-line text; tab and line breaks allowed in multi-line text', () => {
    expect(hasControlCharacters('Diallo')).toBe(false);
    expect(hasControlCharacters('Lé\u00e9on Ñ')).toBe(false);
    for (const c of ['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085']) expect(hasControlCharacters(`A${c}B`)).toBe(true);
    expect(hasControlCharacters('ligne 1\nligne 2\ttab', true)).toBe(false);
    expect(hasControlCharacters('A\u0000B', true)).toBe(true);
    // Unicode format characters and separators: refused in one-line and multiline text alike.
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u2028', '\u2029', '\u00AD']) {
      expect(hasControlCharacters(`A${c}B`)).toBe(true);
      expect(hasControlCharacters(`A${c}B`, true)).toBe(true);
    }
    expect(hasControlCharacters('Ngô Thị Hương, Łukasz, Ødegård, 李, محمد')).toBe(false);
  });
});

describe('through the API', () => {
  it('refuses an insured person born in 2199 or in 1800, and writes nothing', async () => {
    expect(await t.fails('patients/create', buildPatientInput({ birthDate: '2199-01-01' }))).toEqual({
      code: 'invalid-input', field: 'birthDate', message_fr: 'Date de naissance : elle ne peut pas être dans le futur.',
    });
    expect((await t.fails('patients/create', buildPatientInput({ birthDate: '1800-01-01' }))).field).toBe('birthDate');
    expect((await t.fails('patients/create', buildPatientInput({ quality: 'ayant_droit', insuredLastName: 'Diallo', insuredFirstName: 'Moussa', insuredBirthDate: '2100-01-01' }))).field).toBe('insuredBirthDate');
    const p = await t.call('patients/create', buildPatientInput());
    expect((await t.fails('patients/update', { id: p.id, patient: buildPatientInput({ birthDate: '2027-01-01' }) })).field).toBe('patient.birthDate');
    expect(t.count('patients')).toBe(1);
  });

  it('refuses AME rights until 2200 or started 30 years ago', async () => {
    const p = await t.call('patients/create', buildPatientInput());
    const ame = (await t.call('organisms/list', {})).find((o) => o.isAme)!;
    const err = await t.fails('coverages/add', { patientId: p.id, organismId: ame.id, startDate: '2026-03-01', endDate: '2200-02-28' });
    expect(err).toEqual({ code: 'invalid-input', field: 'endDate', message_fr: "Fin des droits : postérieure au 25/11/2031, elle n'est pas plausible." });
    expect((await t.fails('coverages/add', { patientId: p.id, organismId: ame.id, startDate: '1996-03-01', endDate: '2027-02-28' })).field).toBe('startDate');
    const ok = await t.call('coverages/add', { patientId: p.id, organismId: ame.id, startDate: '2026-03-01', endDate: '2027-02-28' });
    expect((await t.fails('coverages/update', { id: ok.id, startDate: '2026-03-01', endDate: '2099-01-01' })).field).toBe('endDate');
    expect(t.count('coverages')).toBe(1);
  });

  it('refuses NUL and control characters in names, with a French message', async () => {
    for (const lastName of ['Dia\u0000llo', 'Diallo\u0007', 'Di\nallo', 'Di\tallo']) {
      const err = await t.fails('patients/create', buildPatientInput({ lastName }));
      expect(err).toEqual({ code: 'invalid-input', field: 'lastName', message_fr: 'Le nom de naissance : caractère non autorisé (caractère de contrôle) : retapez le texte.' });
    }
    expect((await t.fails('patients/create', buildPatientInput({ usageName: 'A\u0000' }))).field).toBe('usageName');
    // The attack review's name: shown « martin », it would print « NITRAM » and escape the search.
    for (const lastName of ['\u202Enitram', 'mar\u200Btin', '\uFEFFmartin', 'mar\u2066tin\u2069', 'martin\u2028']) {
      const err = await t.fails('patients/create', buildPatientInput({ lastName }));
      expect(err).toEqual({ code: 'invalid-input', field: 'lastName', message_fr: 'Le nom de naissance : caractère non autorisé (caractère de contrôle) : retapez le texte.' });
    }
    expect((await t.fails('patients/create', buildPatientInput({ notes: 'ligne\u202E' }))).field).toBe('notes');
    expect(t.count('patients')).toBe(0);
    const p = await t.call('patients/create', buildPatientInput({ notes: 'Passage le matin.\nSonner deux fois.' }));
    expect(p.notes).toBe('Passage le matin.\nSonner deux fois.');
  });

  it('ids −1, 0, 1.5 or a text are « invalides », a missing one « manquant »', async () => {
    for (const id of [-1, 0, 1.5, '1', Number.NaN, 2 ** 60]) {
      expect(await t.fails('patients/get', { id } as never)).toMatchObject({ code: 'invalid-input', field: 'id', message_fr: 'Identifiant invalide : nombre entier positif attendu.' });
    }
    expect(await t.fails('patients/get', {} as never)).toEqual({ code: 'invalid-input', field: 'id', message_fr: 'Identifiant manquant.' });
  });

  it('enum errors never show the internal values', async () => {
    const err = await t.fails('invoices/list', { status: 'brouillon' } as never);
    expect(err).toEqual({ code: 'invalid-input', field: 'status', message_fr: 'Choix invalide : choisissez une des valeurs proposées.' });
    const pay = await t.fails('payments/add', { invoiceId: 1, receivedOn: '2026-11-25', amountCents: 100, mode: 'bitcoin' } as never);
    expect(pay.message_fr).toBe('Mode de paiement obligatoire.');
    expect(pay.message_fr).not.toMatch(/virement|"/);
  });
});
