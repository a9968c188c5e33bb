#!/usr/bin/env node
// Entry point of the `readiness` command. The CLI is TypeScript over shared/; tsx runs it
// directly so there is no separate build step to forget.
import { register } from 'tsx/esm/api';

// A reader that stops early (`readiness checklist --format md | head`) closes the pipe and
// every later write fails with EPIPE. That is the reader's choice, not a failure of the
// command: end at once, quietly. Any other output error gets one line, never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream !== process.stderr) process.stderr.write(`readiness: cannot write the output (${err?.code ?? err?.message ?? err}).\n`);
    process.exit(74); // EX_IOERR
  });
}

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
