import { accessOf } from "@rollcall/core";
import { EXIT } from "../exit-codes";
import { grantJson, renderGrants } from "../render/access";
import { personTitle } from "../render/person";
import type { Session } from "../session";
import { lookupOrSay } from "./person-lookup";
import { jsonLines, style } from "../terminal";

/** `rollcall access <email>`: one person's grants across every vendor read. */
export async function accessCommand(
  session: Session,
  email: string,
  json: boolean,
): Promise<number> {
  const { terminal, pulled } = session;
  const found = lookupOrSay(session, email);
  if (found === undefined) return EXIT.notFoundOrFailed;
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
    terminal.out([style.bold(`Access of ${personTitle(person)}`), "", ...renderGrants(entries)]);
  }
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
