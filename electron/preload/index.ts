// Sandboxed preload (CommonJS once bundled): exposes exactly one object to the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL, isShellAction, SHELL_ACTION_CHANNEL, type FeuilletBridge } from './api.ts';

const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  onShellAction: (listener) => {
    // Only the known action names reach the page, never the IPC event object.
    const forward = (_event: IpcRendererEvent, action: unknown) => {
      if (isShellAction(action)) listener(action);
    };
    ipcRenderer.on(SHELL_ACTION_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(SHELL_ACTION_CHANNEL, forward);
    };
  },
} satisfies FeuilletBridge;

contextBridge.exposeInMainWorld('feuillet', bridge);
