/** A failure the user can fix: printed as one line on stderr, exit code 1 (2 for usage errors). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function usage(message: string): never {
  throw new CliError(message, 2);
}
