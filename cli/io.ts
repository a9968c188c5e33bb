export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** An expected failure: its message is shown to the user as is. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface Command {
  summary: string;
  usage: string;
  run(args: readonly string[], io: Io): Promise<number>;
}
