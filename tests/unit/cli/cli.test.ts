import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { capture } from './capture';


describe('readiness CLI', () => {
  it('--help lists usage and exits 0', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out).toContain('Usage: readiness <command>');
  });
  it('--version prints the package version', async () => {
    const c = capture();
    expect(await main(['--version'], c.io)).toBe(0);
    expect(c.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('an unknown command gets a clear message and exit code 2', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err).toContain("unknown command 'frobnicate'");
    expect(c.err).not.toMatch(/\n\s+at /);
  });
});
