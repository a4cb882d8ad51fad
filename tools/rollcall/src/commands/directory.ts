import { EXIT } from "../exit-codes";
import { renderDirectoryCsv } from "../render/directory-csv";
import { directoryJson } from "../render/directory-json";
import { renderDirectoryTable } from "../render/directory-table";
import type { Session } from "../session";
import { jsonLines } from "../terminal";

export async function directoryCommand(
  { terminal, pulled }: Session,
  format: "table" | "json" | "csv",
): Promise<number> {
  if (format === "json") terminal.out(jsonLines(directoryJson(pulled)));
  else if (format === "csv") terminal.out(renderDirectoryCsv(pulled), "\r\n");
  else terminal.out(renderDirectoryTable(pulled));
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
