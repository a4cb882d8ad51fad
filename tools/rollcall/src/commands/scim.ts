import { toScimListResponse, toScimUsers } from "@rollcall/core";
import { EXIT } from "../exit-codes";
import type { Session } from "../session";

export async function scimCommand({ terminal, pulled }: Session): Promise<number> {
  const list = toScimListResponse(toScimUsers(pulled.directory));
  terminal.out(JSON.stringify(list, null, 2) + "\n");
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
