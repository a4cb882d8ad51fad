import { EXIT } from "../exit-codes";
import { renderDirectoryCsv } from "../render/directory-csv";
import { directoryJson } from "../render/directory-json";
import { renderDirectoryTable } from "../render/directory-table";
import type { Session } from "../session";

export async function directoryCommand(
  { terminal, pulled }: Session,
  format: "table" | "json" | "csv",
): Promise<number> {
  if (format === "json") terminal.out(JSON.stringify(directoryJson(pulled), null, 2) + "\n");
  else if (format === "csv") terminal.out(renderDirectoryCsv(pulled));
  else terminal.out(renderDirectoryTable(pulled, terminal.outStyle));
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
