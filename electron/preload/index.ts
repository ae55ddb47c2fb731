// Sandboxed preload (CommonJS once bundled): exposes exactly one function to the page.
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, type FeuilletBridge } from './api.ts';

const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
} satisfies FeuilletBridge;

contextBridge.exposeInMainWorld('feuillet', bridge);
