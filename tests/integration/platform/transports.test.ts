/**
 * Absurd or hostile inputs get the same typed French error through BOTH transports — the HTTP bridge
 * (browser mode) and Electron's IPC handler (electron/main/ipc.ts, with ipcMain replaced) — as through
 * dispatch itself, and nothing is written: future birth dates, rights decades ahead, control characters
 * in every name, address and note field, ids −1 / 1.5 / "abc", unknown enum values.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../../core/api/result.ts';
import type { RunningBridge } from '../../../electron/http-bridge/server.ts';
import { buildPatientInput, buildPractitionerInput, makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';
import { callApi, startTestBridge } from './http.ts';

vi.mock('electron', () => ({}));
const { registerIpc } = await import('../../../electron/main/ipc.ts');
const { INVOKE_CHANNEL } = await import('../../../electron/preload/api.ts');
const { fakeIpcMain, invokeEvent } = await import('../../electron/fake-electron.ts');

const APP_URL = 'feuillet://app/index.html';
let t: TestBackend;
let bridge: RunningBridge;
let bridgeDir: string;
let ipc: (method: string, input: unknown) => Promise<unknown>;
let patientId: number;
let ameId: number;

beforeAll(async () => {
  t = makeTestBackend(); // today: 25/11/2026
  ({ bridge, dir: bridgeDir } = await startTestBridge(t.dispatch, t.documentsDir));
  const ipcMain = fakeIpcMain();
  registerIpc(ipcMain as never, t.dispatch, (url) => url === APP_URL);
  ipc = (method, input) => Promise.resolve(ipcMain.handlers.get(INVOKE_CHANNEL)!(invokeEvent(APP_URL), method, input));
  patientId = (await t.call('patients/create', buildPatientInput())).id;
  ameId = (await t.call('organisms/list', {})).find((o) => o.isAme)!.id;
});
afterAll(async () => {
  await bridge.close();
  t.dispose();
  rmSync(bridgeDir, { recursive: true, force: true });
});

const CONTROL = 'Caractère non autorisé (caractère de contrôle) : retapez le texte.';
const INVALID_ID = 'Identifiant invalide : nombre entier positif attendu.';
const ayantDroit = { quality: 'ayant_droit' as const, insuredLastName: 'Diallo', insuredFirstName: 'Moussa' };

/** [what, method, input, expected error (fields that must match)]. */
const CASES: [string, string, () => unknown, Partial<ApiError>][] = [
  ['birth date in 2199', 'patients/create', () => buildPatientInput({ birthDate: '2199-01-01' }), { field: 'birthDate', message_fr: 'Date de naissance : elle ne peut pas être dans le futur.' }],
  ["insured's birth date in 2100", 'patients/create', () => buildPatientInput({ ...ayantDroit, insuredBirthDate: '2100-01-01' }), { field: 'insuredBirthDate' }],
  ['AME rights until 2200', 'coverages/add', () => ({ patientId, organismId: ameId, startDate: '2026-03-01', endDate: '2200-02-28' }), { field: 'endDate', message_fr: "Fin des droits : postérieure au 25/11/2031, elle n'est pas plausible." }],
  ['AME rights from 1996', 'coverages/add', () => ({ patientId, organismId: ameId, startDate: '1996-03-01', endDate: '2027-02-28' }), { field: 'startDate' }],
  ['NUL in the last name', 'patients/create', () => buildPatientInput({ lastName: 'Dia\u0000llo' }), { field: 'lastName', message_fr: 'Le nom de naissance : caractère non autorisé (caractère de contrôle) : retapez le texte.' }],
  ['BEL in the first name', 'patients/create', () => buildPatientInput({ firstName: 'Ami\u0007nata' }), { field: 'firstName' }],
  ['ESC in the usage name', 'patients/create', () => buildPatientInput({ usageName: 'Sow\u001b' }), { field: 'usageName', message_fr: CONTROL }],
  ["NUL in the insured's last name", 'patients/create', () => buildPatientInput({ ...ayantDroit, insuredLastName: 'Dia\u0000llo' }), { field: 'insuredLastName', message_fr: CONTROL }],
  ["DEL in the insured's first name", 'patients/create', () => buildPatientInput({ ...ayantDroit, insuredFirstName: 'Mou\u007fssa' }), { field: 'insuredFirstName', message_fr: CONTROL }],
  ['NUL in the address', 'patients/create', () => buildPatientInput({ addressLine: '12 rue\u0000 des Lilas' }), { field: 'addressLine', message_fr: CONTROL }],
  ['a line break in the city', 'patients/create', () => buildPatientInput({ city: 'Pa\nris' }), { field: 'city', message_fr: CONTROL }],
  ['NUL in the notes', 'patients/create', () => buildPatientInput({ notes: 'Sonner\u0000 deux fois' }), { field: 'notes', message_fr: CONTROL }],
  ["NUL in the practitioner's name", 'practitioners/create', () => buildPractitionerInput({ lastName: 'Mar\u0000tin' }), { field: 'lastName' }],
  ["C1 control in the practitioner's address", 'practitioners/create', () => buildPractitionerInput({ addressLine: '3 place\u0085 du Marché' }), { field: 'addressLine' }],
  ['id −1', 'patients/get', () => ({ id: -1 }), { field: 'id', message_fr: INVALID_ID }],
  ['id 1.5', 'patients/get', () => ({ id: 1.5 }), { field: 'id', message_fr: INVALID_ID }],
  ['id "abc"', 'patients/get', () => ({ id: 'abc' }), { field: 'id', message_fr: INVALID_ID }],
  ['invoice id −1', 'invoices/validate', () => ({ invoiceId: -1, ameAnswer: 'non' }), { field: 'invoiceId', message_fr: INVALID_ID }],
  ['an unknown status', 'invoices/list', () => ({ status: 'brouillon' }), { field: 'status', message_fr: 'Choix invalide : choisissez une des valeurs proposées.' }],
];

describe('the same typed French refusal through dispatch, the HTTP bridge and IPC', () => {
  it.each(CASES)('%s', async (_what, method, input, expected) => {
    const counts = () => ['patients', 'coverages', 'practitioners', 'invoices', 'audit_log'].map((table) => t.count(table));
    const before = counts();
    const direct = await t.dispatch(method as never, input() as never);
    const overHttp = await callApi(bridge, method, input());
    const overIpc = await ipc(method, input());
    expect(direct).toMatchObject({ ok: false, error: { code: 'invalid-input', ...expected } });
    expect(overHttp).toEqual(direct);
    expect(overIpc).toEqual(direct);
    expect(counts()).toEqual(before);
  });
});
