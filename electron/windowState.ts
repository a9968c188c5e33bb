/**
 * Remembering the window's size and position. Pure logic over plain rectangles; main.ts
 * supplies the file and the displays.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { x: -1, y: -1, width: 1280, height: 860, maximized: false };
const MIN_WIDTH = 800;
const MIN_HEIGHT = 600;

function isFiniteRect(v: unknown): v is WindowState {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k] as number));
}

/** Parses a saved state; anything malformed falls back to the default. */
export function parseWindowState(text: string | null): WindowState {
  if (!text) return { ...DEFAULT_STATE };
  try {
    const v: unknown = JSON.parse(text);
    if (!isFiniteRect(v)) return { ...DEFAULT_STATE };
    return {
      x: Math.round(v.x),
      y: Math.round(v.y),
      width: Math.max(MIN_WIDTH, Math.round(v.width)),
      height: Math.max(MIN_HEIGHT, Math.round(v.height)),
      maximized: (v as { maximized?: unknown }).maximized === true,
    };
  } catch {
    return { ...DEFAULT_STATE };
  }
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Bounds to open with: the saved ones if the window's title bar would land on a connected
 * display (a monitor may have been unplugged since), otherwise centred defaults.
 */
export function restoreBounds(saved: WindowState, displays: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  if (saved.x >= -10000 && displays.some((d) => intersects(titleBar, d)) && !(saved.x === -1 && saved.y === -1)) {
    return { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  }
  return { width: saved.width, height: saved.height };
}
