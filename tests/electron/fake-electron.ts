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

  once = vi.fn((event: string, listener: Listener) => {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
    return this;
  });

  /** Messages sent to the page (main → renderer). */
  send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
  reload = vi.fn();
  loadURL = vi.fn(async (_url: string) => undefined);
  /** The print callback of the last print() call, for the test to answer as the OS dialog would. */
  printCallback: ((success: boolean, failureReason: string) => void) | null = null;
  print = vi.fn((_options: unknown, callback: (success: boolean, failureReason: string) => void) => {
    this.printCallback = callback;
  });

  /** Fires `event` with a preventable event object; returns whether a listener prevented it. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return prevented;
  }

  /** Fires `event` with an Electron ≥ 25 style event object carrying the URL; returns whether it was prevented. */
  fireWithUrl(event: string, url: string): boolean {
    let prevented = false;
    const e = { url, preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) l(e, url);
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
  isMaximized = vi.fn(() => false);
  isFullScreen = vi.fn(() => false);
  maximize = vi.fn();
  destroyed = false;
  isDestroyed = vi.fn(() => this.destroyed);
  close = vi.fn(() => {
    this.fireWindow('close');
    this.destroyed = true;
  });
  getNormalBounds = vi.fn(() => ({
    x: Number(this.options.x ?? 100),
    y: Number(this.options.y ?? 80),
    width: Number(this.options.width ?? 1280),
    height: Number(this.options.height ?? 860),
  }));
  loadFile = vi.fn(async (_file: string) => undefined);
  loadURL = vi.fn(async (_url: string) => undefined);
  readonly windowListeners = new Map<string, Listener[]>();
  on = vi.fn((event: string, listener: Listener) => {
    this.windowListeners.set(event, [...(this.windowListeners.get(event) ?? []), listener]);
    return this;
  });
  fireWindow(event: string, ...args: unknown[]): void {
    for (const l of this.windowListeners.get(event) ?? []) l(...args);
  }

  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this);
  }
}

/** protocol: privileged schemes and handlers, recorded. */
export function fakeProtocol() {
  const handlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();
  return {
    handlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response> | Response) => {
      handlers.set(scheme, handler);
    }),
  };
}

/** A session whose permission handlers are recorded. */
export function fakeSession() {
  const s = {
    requestHandler: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
    checkHandler: null as null | ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean),
    setPermissionRequestHandler: vi.fn((h: typeof s.requestHandler) => {
      s.requestHandler = h;
    }),
    setPermissionCheckHandler: vi.fn((h: typeof s.checkHandler) => {
      s.checkHandler = h;
    }),
  };
  return s;
}

/** Menu: the template given to buildFromTemplate, and what was set as the application menu. */
export function fakeMenu() {
  const m = {
    templates: [] as unknown[][],
    current: null as unknown,
    buildFromTemplate: vi.fn((template: unknown[]) => {
      m.templates.push(template);
      return { template };
    }),
    setApplicationMenu: vi.fn((menu: unknown) => {
      m.current = menu;
    }),
  };
  return m;
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
