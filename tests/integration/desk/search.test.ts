/** Issue #9, item 10: search as people type — birth dates without separators, years, NIR with spaces, one typo, exact first. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPatientInput, makeTestBackend, NIA_8, nirOf, type TestBackend } from '../../helpers/test-backend.ts';
import { digitsAsBirth, withinOneTypo } from '../../../core/domain/search.ts';
import { formatNir } from '../../../core/domain/nir.ts';

let t: TestBackend;
beforeEach(async () => {
  t = makeTestBackend();
  await t.call('patients/create', buildPatientInput({ lastName: 'Diallo', firstName: 'Aminata', birthDate: '1985-03-14', nir: NIA_8 }));
  await t.call('patients/create', buildPatientInput({ lastName: 'Dia', firstName: 'Moussa', birthDate: '1985-07-02', nir: nirOf('1850799123456') }));
  await t.call('patients/create', buildPatientInput({ lastName: 'Diabaté', firstName: 'Awa', birthDate: '1990-01-01', nir: nirOf('2900199123456') }));
  await t.call('patients/create', buildPatientInput({ lastName: 'Martin', firstName: 'Paul', birthDate: '1962-06-01', nir: nirOf('1620662765118') }));
});
afterEach(() => t.dispose());

const names = async (query: string) => (await t.call('patients/search', { query })).map((p) => p.lastName);

describe('search as people type', () => {
  it('finds a birth date typed without separators, and a birth year', async () => {
    expect(await names('14031985')).toEqual(['Diallo']);
    expect(await names('1985')).toEqual(['Diallo', 'Dia']);
  });

  it('finds a NIR/NIA with or without spaces', async () => {
    expect(await names(formatNir(NIA_8))).toEqual(['Diallo']);
    expect(await names(NIA_8)).toEqual(['Diallo']);
    expect(await names(NIA_8.slice(0, 7).replace(/(\d)(\d\d)(\d\d)/, '$1 $2 $3 '))).toEqual(['Diallo']);
  });

  it('forgives one typo in a name (« dialo » finds DIALLO) when nothing matches as typed', async () => {
    expect(await names('dialo')).toEqual(['Diallo']);
    expect(await names('diallp aminata')).toEqual(['Diallo']);
    expect(await names('martni')).toEqual(['Martin']);
  });

  it('ranks the exact name first', async () => {
    expect(await names('dia')).toEqual(['Dia', 'Diabaté', 'Diallo']);
  });

  it('reads digits and typos as the desk means them', () => {
    expect(digitsAsBirth('14031985')).toEqual({ birthDate: '1985-03-14' });
    expect(digitsAsBirth('31021985')).toEqual({});
    expect(digitsAsBirth('1985')).toEqual({ birthYear: '1985' });
    expect(withinOneTypo('dialo', 'diallo')).toBe(true);
    expect(withinOneTypo('dailo', 'dialo')).toBe(true);
    expect(withinOneTypo('dalo', 'diallo')).toBe(false);
  });
});
