/**
 * Runs `readiness <command> FILE` in this process for each file given after the command,
 * one after another, and prints one JSON line: per file the exit code, the milliseconds
 * (wall clock, and CPU time of the process: user + system, every thread) and what was
 * printed; for the process the peak RSS (process.resourceUsage().maxRSS, KiB). Tests bound
 * the CPU time: the wall clock also counts whatever else the machine is doing.
 * Used by tests/unit/cli/hostile-cli.test.ts in a child process, so the measure is that
 * of a real CLI process (minus its start-up).
 *   node --import tsx tests/unit/cli/measure-cli.ts validate a.rsb b.rsb
 */
import { main } from '../../../cli/main';

const [command, ...files] = process.argv.slice(2);
const runs: Array<{ file: string; code: number; ms: number; cpuMs: number; out: string; err: string }> = [];
for (const file of files) {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  const args = command === 'report' ? [file, '--lang', 'en', '-o', `${file}.docx`] : command === 'merge' ? [file, '-o', `${file}.merged.rsb`] : [file];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const code = await main([command!, ...args], io);
  const cpu = process.cpuUsage(cpu0);
  runs.push({ file, code, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, out, err });
}
process.stdout.write(`${JSON.stringify({ runs, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
