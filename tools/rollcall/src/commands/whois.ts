import { lookupEmail } from "@rollcall/core";
import { EXIT } from "../exit-codes";
import { personJson } from "../render/directory-json";
import { renderPerson } from "../render/person";
import type { Session } from "../session";
import { jsonLines, style } from "../terminal";

export async function whoisCommand(
  { terminal, pulled }: Session,
  email: string,
  json: boolean,
): Promise<number> {
  const found = lookupEmail(pulled.directory, email);
  if (found === undefined) {
    const partly = pulled.partial ? " in the vendors that could be read" : "";
    terminal.err(style.red(`rollcall: nobody has ${email}${partly}`));
    return EXIT.notFoundOrFailed;
  }
  if (json) {
    const vendors = pulled.pulls.map((pull) => pull.vendor);
    const person = { ...personJson(found.person, vendors, pulled.access), foundBy: found.strength };
    terminal.out(jsonLines(person));
  } else {
    terminal.out(renderPerson(found));
  }
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
