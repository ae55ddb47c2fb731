import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildPatientInput, makeTestBackend } from '../helpers/test-backend.ts';
import { fakeIpcMain, invokeEvent } from './fake-electron.ts';

vi.mock('electron', () => ({}));

const { registerIpc } = await import('../../electron/main/ipc.ts');
const { INVOKE_CHANNEL } = await import('../../electron/preload/api.ts');
const { isAppUrl } = await import('../../electron/main/window.ts');

/** The renderer's address on the app protocol (electron/main/app-protocol.ts). */
const RENDERER = 'feuillet://app/index.html';
const trusted = (url: string) => isAppUrl(url, RENDERER);

/** registerIpc on a fake ipcMain; returns a function that invokes the channel like the preload does. */
function wire(dispatch: Parameters<typeof registerIpc>[1]) {
  const ipcMain = fakeIpcMain();
  registerIpc(ipcMain as never, dispatch, trusted);
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL)!;
  return {
    ipcMain,
    invoke: (method: unknown, input: unknown, frameUrl: string | null = RENDERER) =>
      handler(invokeEvent(frameUrl), method, input) as Promise<{ ok: boolean; value?: unknown; error?: Record<string, unknown> }>,
  };
}

describe('registerIpc', () => {
  const t = makeTestBackend();
  afterAll(() => t.dispose());

  it('registers exactly one handler, on the feuillet:invoke channel', () => {
    const { ipcMain } = wire(vi.fn());
    expect(ipcMain.handle).toHaveBeenCalledOnce();
    expect([...ipcMain.handlers.keys()]).toEqual(['feuillet:invoke']);
  });

  it('refuses a call whose sender frame is not the bundled renderer, without dispatching', async () => {
    const dispatch = vi.fn();
    const { invoke } = wire(dispatch);
    for (const url of ['https://example.org/', 'file:///tmp/evil.html', 'file:///opt/Feuillet/out/renderer/index.html', 'feuillet://evil/index.html', '', null]) {
      const r = await invoke('patients/search', { query: '' }, url);
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message_fr: 'Appel refusé : origine inconnue.' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a method that is not a string (or absurdly long), without dispatching', async () => {
    const dispatch = vi.fn();
    const { invoke } = wire(dispatch);
    for (const method of [42, null, undefined, { toString: () => 'patients/get' }, ['patients/get'], 'x'.repeat(81)]) {
      const r = await invoke(method, {});
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ code: 'invalid-input', message_fr: 'Opération invalide.' });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('returns the French schema message of an invalid input, through the real dispatch', async () => {
    const { invoke } = wire(t.dispatch);
    const r = await invoke('patients/create', buildPatientInput({ nir: '2 95 10 99 126 111 94' }));
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'invalid-input', field: 'nir' });
    expect(String(r.error!.message_fr)).toMatch(/^La clé \([0-9]{2}\) ne correspond pas au numéro/);
  });

  it('returns unknown-method for a string that is not in the contract', async () => {
    const { invoke } = wire(t.dispatch);
    const r = await invoke('patients/drop-table', {});
    expect(r.error).toMatchObject({ code: 'unknown-method' });
  });

  it('hands a valid call to the handler and returns its value', async () => {
    const { invoke } = wire(t.dispatch);
    const created = await invoke('patients/create', buildPatientInput({ lastName: 'Ndiaye', firstName: 'Awa' }));
    expect(created.ok).toBe(true);
    const id = (created.value as { id: number }).id;
    const got = await invoke('patients/get', { id });
    expect(got).toMatchObject({ ok: true, value: { id, lastName: 'Ndiaye', firstName: 'Awa' } });
  });

  it('passes method and input through untouched to dispatch', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'pong' }));
    const { invoke } = wire(dispatch);
    const input = { query: 'dia' };
    expect(await invoke('patients/search', input)).toEqual({ ok: true, value: 'pong' });
    expect(dispatch).toHaveBeenCalledWith('patients/search', input);
  });
});
