import type { Command } from '../io';

/** Every command of the `readiness` CLI, in the order --help lists them. */
export const commands: Record<string, Command> = {};
