import { main } from '../../../cli/main';

/** An in-memory stdout/stderr for running CLI commands in-process. */
export function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } },
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

/** Runs `readiness <args>` in-process and returns the exit code and what it printed. */
export async function runCli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out, err: c.err };
}
