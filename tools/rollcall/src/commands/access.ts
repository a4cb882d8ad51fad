import { accessOf, lookupEmail } from "@rollcall/core";
import { EXIT } from "../exit-codes";
import { grantJson, renderGrants } from "../render/access";
import type { Session } from "../session";
import { jsonLines, style } from "../terminal";

/** `rollcall access <email>`: one person's grants across every vendor read. */
export async function accessCommand(
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
  const { person } = found;
  const entries = accessOf(pulled.access, person.id);
  if (json) {
    terminal.out(
      jsonLines({
        id: person.id,
        name: person.displayName,
        email: person.primaryEmail,
        foundBy: found.strength,
        grants: entries.map(grantJson),
      }),
    );
  } else {
    const title = person.displayName
      ? `${person.displayName} <${person.primaryEmail ?? person.id}>`
      : (person.primaryEmail ?? person.id);
    terminal.out([style.bold(`Access of ${title}`), "", ...renderGrants(entries)]);
  }
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
