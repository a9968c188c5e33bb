/**
 * The hostile corpus through the real CLI, each command in a child process of its own so
 * that time and peak memory are those of a `readiness` process: every case answers with a
 * clear one-line message naming the file, in under 5 s of CPU time and 500 MB (issue:
 * hardening). CPU time, not the wall clock: on a machine busy with other work the same
 * run takes longer to finish without doing more.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../fixtures/hostile/generate';
import { LARGE_CASES } from '../../fixtures/hostile/large';

interface Run {
  file: string;
  code: number;
  ms: number;
  cpuMs: number;
  out: string;
  err: string;
}

const MS = 5_000;
const RSS_KIB = 500 * 1024;
const hostile = (name: string) => new URL(`../../fixtures/hostile/${name}`, import.meta.url).pathname;
// Control characters other than the line feed that ends each line, and the separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;

function measure(command: string, files: readonly string[]): { runs: Run[]; maxRssKiB: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/unit/cli/measure-cli.ts', command, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 300_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { runs: Run[]; maxRssKiB: number };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-hostile-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readiness validate on the hostile corpus', () => {
  it('answers every committed case with one clear line per file, quickly and in bounded memory', () => {
    const files = HOSTILE_CASES.map((c) => hostile(c.file));
    const { runs, maxRssKiB } = measure('validate', files);
    expect(maxRssKiB).toBeLessThan(RSS_KIB);
    for (const [i, c] of HOSTILE_CASES.entries()) {
      const r = runs[i]!;
      expect(r.cpuMs, c.file).toBeLessThan(MS);
      expect(r.err, c.file).toBe('');
      expect(r.out, c.file).not.toMatch(CONTROL);
      const lines = r.out.split('\n').filter(Boolean);
      if (c.expect === 'ok') {
        expect(r.code, c.file).toBe(0);
        expect(lines[0]).toMatch(/^ok {2}/);
        // Warnings follow, indented; nothing else.
        for (const l of lines.slice(1)) expect(l).toMatch(/^ {4}warning: /);
      } else {
        expect(r.code, c.file).toBe(1);
        expect(lines, c.file).toHaveLength(1);
        expect(lines[0]).toContain(`bad ${files[i]}`);
        expect(lines[0]!.slice(4 + files[i]!.length)).toContain(files[i]);
      }
    }
  }, 300_000);

  it.each(LARGE_CASES.map((c) => [c.file, c] as const))('%s: refused with a clear message under 5 s of CPU and 500 MB', async (file, c) => {
    const path = join(dir, file);
    writeFileSync(path, await c.make());
    const { runs, maxRssKiB } = measure('validate', [path]);
    const r = runs[0]!;
    expect(r.code).toBe(1);
    expect(r.out).toContain(`bad ${path}`);
    expect(r.out).toContain(c.detail);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.cpuMs, `${r.cpuMs.toFixed(0)} ms CPU, ${r.ms.toFixed(0)} ms wall`).toBeLessThan(MS);
    expect(maxRssKiB).toBeLessThan(RSS_KIB);
    rmSync(path);
  }, 300_000);
});

describe('special and oversized files, in every command that reads bundles', () => {
  let specials: string[];
  beforeAll(() => {
    const folder = join(dir, 'a-folder.rsb');
    mkdirSync(folder);
    const fifo = join(dir, 'a-pipe.rsb');
    execFileSync('mkfifo', [fifo]);
    const big = join(dir, 'three-hundred-mb.rsb');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 300 * 1024 * 1024); // sparse: 300 MB that take no disk
    specials = ['/dev/zero', fifo, folder, big];
  });

  it.each(['validate', 'inspect', 'merge', 'report'])('readiness %s refuses them before reading', (command) => {
    const { runs, maxRssKiB } = measure(command, specials);
    expect(maxRssKiB).toBeLessThan(RSS_KIB);
    for (const r of runs) {
      expect(r.code, r.file).toBe(1);
      expect(r.cpuMs, r.file).toBeLessThan(MS);
      const text = r.out + r.err;
      expect(text).toContain(`“${r.file}”`);
      expect(text).toMatch(/is a device|is a named pipe|is a folder|too large to import/);
      expect(text).not.toMatch(/\n\s+at /);
    }
  }, 300_000);
});

describe('printing untrusted text', () => {
  it('prints a bundle whose names hold escape codes and line breaks on one line per file', () => {
    const files = [hostile('escape-codes.rsb'), hostile('valid.rsb'), hostile('status-maybe.rsb')];
    const { runs } = measure('validate', files);
    const out = runs.map((r) => r.out).join('');
    const lines = out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.slice(0, 3))).toEqual(['ok ', 'ok ', 'bad']);
    expect(out).not.toMatch(CONTROL);
    // The forged "ok other-file.rsb" stays inside the first line, visibly escaped.
    expect(lines[0]).toContain('\\x1b[2K\\r\\x1b[1A\\nok  other-file.rsb');
    expect(lines[0]).toContain('\\x9b31m\\u2028end');
  }, 300_000);

  it('escapes them in inspect, whose listing keeps one line per interview and stakeholder', () => {
    const { runs } = measure('inspect', [hostile('escape-codes.rsb')]);
    const out = runs[0]!.out;
    expect(runs[0]!.code).toBe(0);
    expect(out).not.toMatch(CONTROL);
    const lines = out.split('\n');
    expect(lines.filter((l) => l.startsWith('Interviewer:'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('other-file.rsb'))).toHaveLength(lines.filter((l) => l.includes('Aigerim')).length);
    expect(lines.some((l) => l.startsWith('ok '))).toBe(false);
    expect(readFileSync(hostile('escape-codes.rsb'), 'utf8')).toContain('\\u001b');
  }, 300_000);
});
