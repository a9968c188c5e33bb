import type { Command } from '../io';
import { checklistCommand } from './checklist';

/** Every command of the `readiness` CLI, in the order --help lists them. */
export const commands: Record<string, Command> = {
  checklist: checklistCommand,
};
