/**
 * A reader that closes the pipe early (`readiness checklist --format md | head`) ends the
 * command quietly: no EPIPE stack trace, for any command that writes to stdout. The pipe is
 * closed before the child writes anything, so the write fails every time (no timing).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/bin.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first byte
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('readiness on a closed pipe', () => {
  it.each([[['checklist', '--format', 'md']], [['checklist', '--lang', 'kk']], [['--help']], [['checklist', '--help']], [['--version']]])(
    'readiness %j ends quietly',
    async (args) => {
      const r = await runWithClosedStdout(args);
      expect(r.stderr).toBe('');
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
    },
    30_000,
  );
});
