/** The main window comes back where it was left: same size, same place, maximised or not. */
import type { BrowserWindow, Rectangle } from 'electron';
import type { WindowState } from './shell-settings.ts';
import { DEFAULT_BOUNDS, MIN_SIZE, type WindowBounds } from './window.ts';

/** Visible part needed for a saved position to be kept (a screen since unplugged must not hide the window). */
const MIN_VISIBLE = { width: 200, height: 100 };

const overlap = (a: Rectangle, b: Rectangle) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/**
 * Bounds to open with: the saved ones when they still show enough on one of today's screens (size
 * kept within that screen and above the minimum), else the default size, centred by the system.
 */
export function initialBounds(saved: WindowState | null, workAreas: Rectangle[]): WindowBounds {
  if (!saved) return { ...DEFAULT_BOUNDS };
  const area = workAreas.find((a) => {
    const o = overlap(saved, a);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  if (!area) return { ...DEFAULT_BOUNDS };
  return {
    x: saved.x,
    y: saved.y,
    width: Math.max(MIN_SIZE.width, Math.min(saved.width, area.width)),
    height: Math.max(MIN_SIZE.height, Math.min(saved.height, area.height)),
  };
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isFullScreen'>;

/** The state to remember now: the normal (restored) bounds, plus whether the window is maximised. */
export function currentState(win: TrackedWindow): WindowState {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}

/**
 * Calls `save` after the window was moved, resized, maximised or restored (once it is still for
 * `delayMs`), and at once when it closes. Minimised or full-screen states are not remembered as such.
 */
export function trackWindowState(win: TrackedWindow, save: (state: WindowState) => void, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (win.isMinimized() || win.isFullScreen()) return;
    save(currentState(win));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later);
  win.on('close', saveNow);
}
