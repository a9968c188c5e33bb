/**
 * The `readiness` command line: a thin layer over shared/. Each command lives in
 * cli/commands/<name>.ts and returns an exit code; expected failures print one clear
 * line, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { commands } from './commands';
import { closeBundleFiles } from './commands/bundleFiles';
import { CliError, type Io } from './io';
import { printable } from './text';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'readiness — Readiness Studio on the command line',
    '',
    'Usage: readiness <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show this help (or a command\'s: readiness <command> --help)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(helpText());
    return 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const command = commands[first];
  if (!command) {
    io.stderr.write(`readiness: unknown command '${printable(first)}'. Run 'readiness --help' to see the commands.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`readiness ${first}: ${printable(err.message)}\n`);
      return err.exitCode;
    }
    // An unexpected failure is a bug; say so plainly without dumping internals.
    io.stderr.write(`readiness ${first}: internal error: ${printable(err instanceof Error ? err.message : String(err))}\n`);
    return 70;
  } finally {
    await closeBundleFiles();
  }
}
