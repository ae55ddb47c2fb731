/**
 * A stand-in for the parts of the `electron` module the shell uses. Electron's binary cannot run
 * here (and `require('electron')` from Node would try to download it), so the tests replace it.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Minimal webContents: records the window-open handler and the event listeners. */
export class FakeWebContents {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly listeners = new Map<string, Listener[]>();

  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });

  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });

  /** Fires `event` with a preventable event object; returns whether a listener prevented it. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly once = vi.fn((event: string, listener: Listener) => {
    if (event === 'ready-to-show') this.readyToShow = listener;
    return this;
  });
  readyToShow: Listener | null = null;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  loadFile = vi.fn(async (_file: string) => undefined);
  loadURL = vi.fn(async (_url: string) => undefined);

  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this);
  }
}

/** ipcMain with `handle` recording the handler per channel. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

/** The IpcMainInvokeEvent fields registerIpc reads. */
export const invokeEvent = (frameUrl: string | null) => ({ senderFrame: frameUrl === null ? null : { url: frameUrl } });
