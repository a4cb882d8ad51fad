import { EXIT } from "../exit-codes";
import { historyJson, renderHistory } from "../render/history";
import { SnapshotStore } from "../store/snapshot-store";
import { storePath } from "../store/store-path";
import { jsonLines, type Terminal } from "../terminal";

export async function historyCommand(
  terminal: Terminal,
  store: string | undefined,
  json: boolean,
): Promise<number> {
  const opened = await SnapshotStore.open(storePath(store, terminal.env));
  try {
    const snapshots = opened.list();
    terminal.out(json ? jsonLines(historyJson(snapshots)) : renderHistory(snapshots));
  } finally {
    opened.close();
  }
  return EXIT.ok;
}
