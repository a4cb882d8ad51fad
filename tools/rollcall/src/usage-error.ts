/** Bad input from the user (arguments or environment): reported on one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose help the hint points to, if any. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
