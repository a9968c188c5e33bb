import type { Command } from '../io';
import { checklistCommand } from './checklist';
import { demo } from './demo';
import { exportCommand } from './export';
import { questionnaireCommand } from './questionnaire';
import { inspect } from './inspect';
import { merge } from './merge';
import { reportCommand } from './report';
import { validate } from './validate';
import { translateCommand } from './translate';

/** Every command of the `readiness` CLI, in the order --help lists them. */
export const commands: Record<string, Command> = {
  checklist: checklistCommand,
  validate,
  inspect,
  merge,
  report: reportCommand,
  export: exportCommand,
  questionnaire: questionnaireCommand,
  translate: translateCommand,
  demo,
};
