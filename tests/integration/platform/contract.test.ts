/**
 * One contract, two transports: the same suite runs through dispatch() directly and through the real
 * HTTP bridge (startBridge on 127.0.0.1 with its token). Both must give the same answers.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../core/api/result.ts';
import type { RunningBridge } from '../../../electron/http-bridge/server.ts';
import { buildPatientInput, makeTestBackend, NIA_8, NIR_2, type TestBackend } from '../../helpers/test-backend.ts';
import { callApi, startTestBridge } from './http.ts';

type Call = (method: string, input: unknown) => Promise<Result<unknown>>;

interface Transport {
  name: string;
  setup(): Promise<{ call: Call; teardown(): Promise<void> }>;
}

const transports: Transport[] = [
  {
    name: 'dispatch()',
    async setup() {
      const t = makeTestBackend();
      return { call: (m, i) => t.dispatch(m, i), teardown: async () => t.dispose() };
    },
  },
  {
    name: 'HTTP bridge',
    async setup() {
      const t = makeTestBackend();
      const { bridge, dir } = await startTestBridge(t.dispatch, t.documentsDir);
      return {
        call: (m, i) => callApi(bridge, m, i),
        teardown: async () => {
          await bridge.close();
          t.dispose();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

const WRONG_KEY_MESSAGE = "La clé (94) ne correspond pas au numéro : un chiffre est sans doute mal saisi. Recopiez le numéro complet depuis l'attestation.";

describe.each(transports)('API contract through $name', (transport) => {
  let call: Call;
  let teardown: () => Promise<void>;
  beforeAll(async () => {
    ({ call, teardown } = await transport.setup());
  });
  afterAll(() => teardown());

  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message_fr}`);
    return r.value as T;
  };

  it('creates a patient, normalising the NIR typed with spaces', async () => {
    const p = await value<{ id: number; nir: string; lastName: string }>(
      'patients/create',
      buildPatientInput({ lastName: "N'Diaye", firstName: 'Séverine', nir: '2 88 05 99 126 111 65' }),
    );
    expect(p).toMatchObject({ lastName: "N'Diaye", nir: NIR_2 });
    expect(p.id).toBeGreaterThan(0);
  });

  it('finds that patient by name without accents, by glued name and by NIR prefix', async () => {
    for (const query of ['severine', 'ndiaye', "n'diaye sev", '2 88 05']) {
      const found = await value<{ lastName: string }[]>('patients/search', { query });
      expect(found.map((p) => p.lastName), query).toEqual(["N'Diaye"]);
    }
  });

  it('gets the patient by id, and answers not-found in French for an unknown id', async () => {
    const [summary] = await value<{ id: number }[]>('patients/search', { query: 'diaye' });
    const p = await value<{ id: number; firstName: string }>('patients/get', { id: summary!.id });
    expect(p).toMatchObject({ id: summary!.id, firstName: 'Séverine' });
    expect(await call('patients/get', { id: 999_999 })).toEqual({
      ok: false,
      error: { code: 'not-found', message_fr: 'Patient introuvable.' },
    });
  });

  it('flags a 7/8 number as « AME possible » in the list', async () => {
    await value('patients/create', buildPatientInput({ lastName: 'Traoré', firstName: 'Moussa', nir: NIA_8 }));
    const [m] = await value<{ amePossible: boolean }[]>('patients/search', { query: 'traore' });
    expect(m).toMatchObject({ amePossible: true });
  });

  it('refuses an invalid NIR key with the French message on the nir field', async () => {
    const r = await call('patients/create', buildPatientInput({ nir: '2 95 10 99 126 111 94' }));
    expect(r).toEqual({ ok: false, error: { code: 'invalid-input', field: 'nir', message_fr: WRONG_KEY_MESSAGE } });
  });

  it('answers unknown-method for a method outside the contract', async () => {
    const r = await call('patients/delete-all', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    if (!r.ok) expect(r.error.message_fr).toMatch(/^Opération inconnue/);
  });

  it('answers invalid-input for a wrongly typed input', async () => {
    const r = await call('patients/get', { id: 'un' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'id' } });
  });
});

describe('both transports', () => {
  let t: TestBackend;
  let bridge: RunningBridge;
  let dir: string;
  beforeAll(async () => {
    t = makeTestBackend();
    ({ bridge, dir } = await startTestBridge(t.dispatch, t.documentsDir));
  });
  afterAll(async () => {
    await bridge.close();
    t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['an invalid NIR key', 'patients/create', buildPatientInput({ nir: '2 95 10 99 126 111 94' })],
    ['several invalid fields', 'patients/create', { ...buildPatientInput(), lastName: '', birthDate: '2026-02-30', nir: '12' }],
    ['an unknown method', 'factures/supprimer', {}],
    ['an unknown patient', 'patients/get', { id: 424242 }],
    ['a search', 'patients/search', { query: 'zzz' }],
  ])('give identical answers for %s', async (_label, method, input) => {
    const direct = await t.dispatch(method, input);
    const overHttp = await callApi(bridge, method, input);
    expect(overHttp).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('give the invalid-NIR answer exactly as specified', async () => {
    const expected = { ok: false, error: { code: 'invalid-input', field: 'nir', message_fr: WRONG_KEY_MESSAGE } };
    const input = buildPatientInput({ nir: '295109912611194' });
    expect(await t.dispatch('patients/create', input)).toEqual(expected);
    expect(await callApi(bridge, 'patients/create', input)).toEqual(expected);
  });
});
