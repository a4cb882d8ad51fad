import { toScimListResponse, toScimUsers } from "@rollcall/core";
import { EXIT } from "../exit-codes";
import type { Session } from "../session";
import { jsonLines } from "../terminal";

export async function scimCommand({ terminal, pulled }: Session): Promise<number> {
  const list = toScimListResponse(toScimUsers(pulled.directory));
  terminal.out(jsonLines(list));
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
