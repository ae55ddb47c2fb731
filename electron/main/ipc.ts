import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../dispatch.ts';
import { INVOKE_CHANNEL } from '../preload/api.ts';

/**
 * IPC transport: checks the sender frame is our own renderer and the method is a string,
 * then hands over to the same dispatch() as the HTTP bridge (which validates the input).
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatcher, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(frameUrl)) {
      return { ok: false, error: { code: 'forbidden', message_fr: 'Appel refusé : origine inconnue.' } };
    }
    if (typeof method !== 'string' || method.length > 80) {
      return { ok: false, error: { code: 'invalid-input', message_fr: 'Opération invalide.' } };
    }
    return dispatch(method, input);
  });
}
