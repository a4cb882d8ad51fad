import packageJson from "../../package.json" with { type: "json" };
import { EXIT } from "../exit-codes";
import type { Session } from "../session";
import { SnapshotStore } from "../store/snapshot-store";
import { storePath } from "../store/store-path";
import { style } from "../terminal";

export async function snapshotCommand(
  { terminal, pulled, scrubber }: Session,
  store: string | undefined,
): Promise<number> {
  const path = storePath(store, terminal.env);
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
