import packageJson from "../../package.json" with { type: "json" };
import { EXIT } from "../exit-codes";
import type { Session } from "../session";
import { SnapshotStore } from "../store/snapshot-store";
import { withStoreLock } from "../store/store-lock";
import { storePath } from "../store/store-path";
import { style } from "../terminal";

export async function snapshotCommand(
  session: Session,
  store: string | undefined,
): Promise<number> {
  const { terminal } = session;
  const path = storePath(store, terminal.env);
  // The lock spans the read and the save: another snapshot saving in between would be lost.
  return withStoreLock(path, () => saveSnapshot(session, path), {
    onWait: (holder) =>
      terminal.err(
        style.yellow(
          `waiting: the store is being written by process ${holder.pid} on ${holder.host}`,
        ),
      ),
  });
}

async function saveSnapshot(
  { terminal, pulled, scrubber }: Session,
  path: string,
): Promise<number> {
  const opened = await SnapshotStore.open(path);
  try {
    const id = opened.append(
      pulled,
      { takenAt: new Date().toISOString(), rollcallVersion: packageJson.version },
      scrubber,
    );
    const saved = opened.list().find((snapshot) => snapshot.id === id)!;
    const complete = saved.vendors.filter((vendor) => vendor.complete).length;
    terminal.out([
      [style.bold(`snapshot ${id}`), ` saved to ${path}`],
      `${saved.people} people, ${saved.accounts} accounts, ${complete} of ${saved.vendors.length} vendors complete`,
      ...saved.vendors
        .filter((vendor) => !vendor.complete)
        .map((vendor) => style.yellow(`${vendor.vendor}: incomplete — ${vendor.error ?? ""}`)),
    ]);
  } finally {
    opened.close();
  }
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
