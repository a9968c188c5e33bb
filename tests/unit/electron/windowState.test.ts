import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseWindowState, restoreBounds } from '../../../electron/windowState';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('round-trips a saved state', () => {
    const s = parseWindowState(JSON.stringify({ x: 100, y: 80, width: 1000, height: 700, maximized: true }));
    expect(s).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(restoreBounds(s, [display])).toEqual({ x: 100, y: 80, width: 1000, height: 700 });
  });
  it.each([null, '', 'not json', '{"x":"1"}', '[]', 'null'])('falls back to defaults for %j', (text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_STATE);
  });
  it('enforces a minimum size', () => {
    expect(parseWindowState(JSON.stringify({ x: 0, y: 0, width: 10, height: 10 }))).toMatchObject({ width: 800, height: 600 });
  });
  it('re-centres a window saved on a display that is gone', () => {
    const s = parseWindowState(JSON.stringify({ x: 3000, y: 100, width: 1000, height: 700 }));
    expect(restoreBounds(s, [display])).toEqual({ width: 1000, height: 700 });
  });
});
