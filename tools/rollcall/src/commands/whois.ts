import { EXIT } from "../exit-codes";
import { personJson } from "../render/directory-json";
import { renderPerson } from "../render/person";
import type { Session } from "../session";
import { lookupOrSay } from "./person-lookup";
import { jsonLines } from "../terminal";

export async function whoisCommand(
  session: Session,
  email: string,
  json: boolean,
): Promise<number> {
  const { terminal, pulled } = session;
  const found = lookupOrSay(session, email);
  if (found === undefined) return EXIT.notFoundOrFailed;
  if (json) {
    const vendors = pulled.pulls.map((pull) => pull.vendor);
    const person = { ...personJson(found.person, vendors, pulled.access), foundBy: found.strength };
    terminal.out(jsonLines(person));
  } else {
    terminal.out(renderPerson(found));
  }
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
