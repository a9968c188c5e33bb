#!/usr/bin/env node
// Entry point of the `readiness` command. The CLI is TypeScript over shared/; tsx runs it
// directly so there is no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
