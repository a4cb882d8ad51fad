import { lookupEmail, type PersonLookup } from "@rollcall/core";
import type { Session } from "../session";
import { style } from "../terminal";

/** The person with `email`, or undefined after saying on stderr that nobody has it. */
export function lookupOrSay(
  { terminal, pulled }: Session,
  email: string,
): PersonLookup | undefined {
  const found = lookupEmail(pulled.directory, email);
  if (found === undefined) {
    const partly = pulled.partial ? " in the vendors that could be read" : "";
    terminal.err(style.red(`rollcall: nobody has ${email}${partly}`));
  }
  return found;
}
