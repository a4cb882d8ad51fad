/** Every failure codegen reports on purpose: the message says what was wrong and where. */
export class CodegenError extends Error {
  override readonly name = "CodegenError";

  /** One line per problem (lint findings, stale files, registry faults) for the CLI to print. */
  readonly lines: readonly string[];

  constructor(lines: string | readonly string[]) {
    const list = typeof lines === "string" ? [lines] : lines;
    super(list.join("\n"));
    this.lines = list;
  }
}
