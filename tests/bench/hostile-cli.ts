/**
 * `readiness validate` on the large hostile files (tests/fixtures/hostile/large.ts), each
 * in a fresh process: the whole command under /usr/bin/time -v (wall time and peak RSS,
 * start-up included), and the check alone timed inside the process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LARGE_CASES } from '../fixtures/hostile/large';

interface Row {
  name: string;
  value: string;
  goal?: string;
}

export async function hostileCliBenchmark(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rs-hostile-bench-'));
  const rows: Row[] = [];
  try {
    for (const c of LARGE_CASES) {
      const file = join(dir, c.file);
      writeFileSync(file, await c.make());
      const size = `${(statSync(file).size / 1048576).toFixed(1)} MB`;
      let whole = 'n/a (no /usr/bin/time)';
      if (existsSync('/usr/bin/time')) {
        const r = spawnSync('/usr/bin/time', ['-v', process.execPath, 'cli/bin.mjs', 'validate', file], { encoding: 'utf8', maxBuffer: 16 << 20 });
        const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(r.stderr)?.[1] ?? '?';
        const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
        whole = `${wall} wall, peak RSS ${(rss / 1024).toFixed(0)} MiB (exit ${r.status})`;
      }
      const inner = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', 'tests/unit/cli/measure-cli.ts', 'validate', file], { encoding: 'utf8', maxBuffer: 16 << 20 }).trim().split('\n').pop()!,
      ) as { runs: Array<{ ms: number }>; maxRssKiB: number };
      rows.push(
        { name: `${c.file} (${size}): whole command`, value: whole, goal: '< 5 s, < 500 MB' },
        { name: `${c.file}: the check alone, peak RSS of its process`, value: `${inner.runs[0]!.ms.toFixed(0)} ms, ${(inner.maxRssKiB / 1024).toFixed(0)} MiB` },
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
