import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPatientInput, makeTestBackend, NIA_8, nirOf, type TestBackend } from '../../helpers/test-backend.ts';
import { insertPatient } from '../../../db/patients-repo.ts';
import { patientSearchSql } from '../../../db/patient-search.ts';
import { inTransaction } from '../../../db/connection.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

/** EXPLAIN QUERY PLAN as one string, to assert an index is used. */
const plan = (sql: string, ...params: unknown[]) =>
  (t.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('patients repository', () => {
  it('creates, updates, archives and keeps the search index in sync', async () => {
    const p = await t.call('patients/create', buildPatientInput({ lastName: 'Séverine', firstName: 'Lucie' }));
    expect((await t.call('patients/search', { query: 'severine' })).map((x) => x.id)).toEqual([p.id]);
    await t.call('patients/update', { id: p.id, patient: { ...buildPatientInput(), lastName: "N'Diaye", firstName: 'Lucie' } });
    expect(await t.call('patients/search', { query: 'severine' })).toEqual([]);
    expect((await t.call('patients/search', { query: 'ndiaye' })).map((x) => x.id)).toEqual([p.id]);
    await t.call('patients/archive', { id: p.id });
    expect(await t.call('patients/search', { query: 'ndiaye' })).toEqual([]);
    expect((await t.call('patients/search', { query: 'ndiaye', includeArchived: true }))[0]).toMatchObject({ archived: true, amePossible: true });
    expect((await t.call('audit/list', { entity: 'patient', entityId: p.id })).map((a) => a.action)).toEqual(['create', 'update', 'archive']);
  });

  it('finds by the first digits of the NIR/NIA and by birth date', async () => {
    const a = await t.call('patients/create', buildPatientInput({ nir: NIA_8, birthDate: '1988-05-14' }));
    await t.call('patients/create', buildPatientInput({ nir: nirOf('1620662765118'), birthDate: '1962-06-01', lastName: 'Autre' }));
    expect((await t.call('patients/search', { query: '8 85 05' })).map((x) => x.id)).toEqual([a.id]);
    expect((await t.call('patients/search', { query: '14/05/1988' })).map((x) => x.id)).toEqual([a.id]);
  });

  it('uses its indexes for every kind of search', () => {
    for (const archived of [false, true]) {
      expect(plan(patientSearchSql('nir-prefix', archived), '885', '885\uffff', 50)).toMatch(/USING COVERING INDEX patients_nir/);
      expect(plan(patientSearchSql('birth-date', archived), '1988-05-14', 50)).toMatch(/USING COVERING INDEX patients_birth_date/);
      expect(plan(patientSearchSql('words', archived), '"sev"*', 50)).toMatch(/VIRTUAL TABLE INDEX/);
    }
    expect(plan(patientSearchSql('empty', false), 50)).toMatch(/USING INDEX patients_sort/);
  });

  it('a failed write leaves nothing: no row, no search entry, no audit entry', async () => {
    const before = { patients: t.count('patients'), fts: t.count('patients_fts'), audit: t.count('audit_log') };
    expect(() =>
      inTransaction(t.ctx.db, () => {
        insertPatient(t.ctx.db, { ...(buildPatientInput() as object as Parameters<typeof insertPatient>[1]), usageName: null, birthRank: 1, quality: 'assure', insuredLastName: null, insuredFirstName: null, insuredNir: null, insuredBirthDate: null, notes: null, phone: null, regime: null, caisse: null, centre: null, addressLine: null, postalCode: null, city: null }, 'now');
        t.ctx.db.prepare("INSERT INTO audit_log (at, entity, entity_id, action) VALUES ('now', 'patient', 1, 'create')").run();
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect({ patients: t.count('patients'), fts: t.count('patients_fts'), audit: t.count('audit_log') }).toEqual(before);
  });

  it('rejects bad input with a French message on the field and saves nothing', async () => {
    const e1 = await t.fails('patients/create', buildPatientInput({ nir: '2 95 10 99 126 111 94' }));
    expect(e1).toMatchObject({ code: 'invalid-input', field: 'nir', message_fr: expect.stringContaining('ne correspond pas au numéro') });
    const e2 = await t.fails('patients/create', buildPatientInput({ birthDate: '2027-01-01' }));
    expect(e2).toMatchObject({ field: 'birthDate', message_fr: 'Date de naissance : elle ne peut pas être dans le futur.' });
    const e3 = await t.fails('patients/create', buildPatientInput({ birthDate: '1990-02-30' }));
    expect(e3.field).toBe('birthDate');
    expect(t.count('patients')).toBe(0);
    expect(t.count('audit_log')).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    await t.call('patients/create', buildPatientInput());
    expect(() => t.ctx.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => t.ctx.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
  });
});

describe('coverages', () => {
  it('refuses an end before the start and keeps the history of renewals', async () => {
    const p = await t.call('patients/create', buildPatientInput());
    const err = await t.fails('coverages/add', { patientId: p.id, organismId: 1, startDate: '2026-06-01', endDate: '2026-05-31' });
    expect(err).toMatchObject({ field: 'endDate', message_fr: 'La fin des droits ne peut pas précéder leur début.' });
    await t.call('coverages/add', { patientId: p.id, organismId: 1, startDate: '2025-01-01', endDate: '2025-12-31' });
    await t.call('coverages/add', { patientId: p.id, organismId: 1, startDate: '2026-01-01', endDate: '2026-12-31' });
    const list = await t.call('coverages/list', { patientId: p.id });
    expect(list.map((c) => [c.startDate, c.state])).toEqual([
      ['2026-01-01', 'expire-bientot'],
      ['2025-01-01', 'expiree'],
    ]);
    expect((await t.call('patients/search', { query: 'diallo' }))[0]!.ameState).toBe('expire-bientot');
  });
});
