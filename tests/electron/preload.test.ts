import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
    listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
    on: vi.fn(function (this: void, channel: string, l: (event: unknown, ...args: unknown[]) => void) {
      electron.ipcRenderer.listeners.set(channel, [...(electron.ipcRenderer.listeners.get(channel) ?? []), l]);
    }),
    removeListener: vi.fn((channel: string, l: (event: unknown, ...args: unknown[]) => void) => {
      electron.ipcRenderer.listeners.set(channel, (electron.ipcRenderer.listeners.get(channel) ?? []).filter((x) => x !== l));
    }),
  },
}));
vi.mock('electron', () => electron);

const ROOT = join(import.meta.dirname, '..', '..');

describe('preload', () => {
  beforeAll(async () => {
    await import('../../electron/preload/index.ts');
  });

  it('exposes exactly one object, window.feuillet, through contextBridge: invoke and onShellAction', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('feuillet');
    expect(Object.keys(api as object)).toEqual(['invoke', 'onShellAction']);
    expect(typeof (api as { invoke: unknown }).invoke).toBe('function');
  });

  it('passes the menu actions it knows to the page (never the IPC event), and stops when asked', () => {
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    const listener = vi.fn();
    const stop = (api as { onShellAction: (l: (a: string) => void) => () => void }).onShellAction(listener);
    const emit = (...args: unknown[]) => {
      for (const l of electron.ipcRenderer.listeners.get('feuillet:shell-action') ?? []) l({ sender: 'ipc internals' }, ...args);
    };
    emit('facturer');
    emit('rm -rf');
    emit({ toString: () => 'imprimer' });
    expect(listener).toHaveBeenCalledExactlyOnceWith('facturer');
    stop();
    emit('imprimer');
    expect(listener).toHaveBeenCalledOnce();
  });

  it('forwards invoke(method, input) on the feuillet:invoke channel and returns the answer', async () => {
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    const input = { id: 3 };
    await expect((api as { invoke: (m: string, i: unknown) => Promise<unknown> }).invoke('patients/get', input)).resolves.toEqual({
      ok: true,
      value: 'from main',
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('feuillet:invoke', 'patients/get', input);
  });

  it('does not expose ipcRenderer itself nor any other Electron object', () => {
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(Object.values(api as object)).not.toContain(electron.ipcRenderer);
    expect(JSON.stringify(Object.getOwnPropertyNames(api))).toBe('["invoke","onShellAction"]');
  });
});

/**
 * A sandboxed preload is not a Node module: Electron wraps it in
 * `(function (require, process, exports, module, Buffer, global, setImmediate, clearImmediate) {…})`
 * — no `__filename`, no `__dirname`, no `import`, and `require` knows only electron, events, timers, url.
 * Run the bundle the same way to catch an ESM output or a Node-only banner before a user does.
 */
function runLikeSandboxedPreload(source: string) {
  const exposed: Record<string, unknown> = {};
  const invoke = vi.fn(async () => ({ ok: true }));
  const fakeElectron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: { invoke },
  };
  const required: string[] = [];
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return fakeElectron;
    throw new Error(`module not found: ${id}`);
  };
  const wrapper = `(function (require, process, exports, module, Buffer, global, setImmediate, clearImmediate) {\n${source}\n})`;
  const fn = runInNewContext(wrapper, {}) as (...args: unknown[]) => void;
  fn(sandboxRequire, {}, {}, { exports: {} }, undefined, {}, setImmediate, clearImmediate);
  return { exposed, invoke, required };
}

describe('bundled preload', () => {
  it('runs in a sandbox-like wrapper when bundled as CommonJS (what scripts/build.mjs does)', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'electron/preload/index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const { exposed, required } = runLikeSandboxedPreload(result.outputFiles[0]!.text);
    expect(Object.keys(exposed)).toEqual(['feuillet']);
    expect(required).toEqual(['electron']);
  });

  const built = join(ROOT, 'out/preload/index.cjs');
  it.skipIf(!existsSync(built))('out/preload/index.cjs (npm run build) loads in a sandbox-like wrapper', async () => {
    const { exposed, invoke, required } = runLikeSandboxedPreload(readFileSync(built, 'utf8'));
    expect(required).toEqual(['electron']);
    const api = exposed.feuillet as { invoke: (m: string, i: unknown) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['invoke', 'onShellAction']);
    await api.invoke('app/info', {});
    expect(invoke).toHaveBeenCalledWith('feuillet:invoke', 'app/info', {});
  });
});
