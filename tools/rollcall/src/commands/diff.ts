import { diffAccess, type AccessState } from "@rollcall/core";
import { EXIT } from "../exit-codes";
import { changesJson, renderChanges, renderChangesCsv } from "../render/changes";
import type { PulledDirectory } from "../pull";
import type { SnapshotSummary } from "../store/read-snapshot";
import { findSnapshot } from "../store/read-snapshot";
import { SnapshotStore } from "../store/snapshot-store";
import { StoreError } from "../store/store-error";
import { storePath } from "../store/store-path";
import { jsonLines, type Terminal } from "../terminal";

/** A pull, live or stored, as the diff compares it. */
export function accessState(pulled: PulledDirectory): AccessState {
  return {
    directory: pulled.directory,
    access: pulled.access,
    incompleteVendors: pulled.pulls.flatMap((pull) => (pull.status === "ok" ? [] : [pull.vendor])),
  };
}

/** FROM and TO as asked: both given, FROM to the last, or the last two. */
function choosePair(
  snapshots: readonly SnapshotSummary[],
  from: number | undefined,
  to: number | undefined,
): [SnapshotSummary, SnapshotSummary] {
  if (from !== undefined) {
    const last = snapshots.at(-1)?.id ?? from;
    return [findSnapshot(snapshots, from), findSnapshot(snapshots, to ?? last)];
  }
  if (snapshots.length < 2) {
    throw new StoreError(
      `diff needs two snapshots and the store has ${snapshots.length}: run \`rollcall snapshot\``,
    );
  }
  return [snapshots.at(-2)!, snapshots.at(-1)!];
}

export async function diffCommand(
  terminal: Terminal,
  options: {
    store: string | undefined;
    from: number | undefined;
    to: number | undefined;
    format: "table" | "json" | "csv";
  },
): Promise<number> {
  const opened = await SnapshotStore.open(storePath(options.store, terminal.env));
  try {
    const [from, to] = choosePair(opened.list(), options.from, options.to);
    const result = diffAccess(
      accessState(opened.load(from).pulled),
      accessState(opened.load(to).pulled),
    );
    const pair = { from, to };
    if (options.format === "json") terminal.out(jsonLines(changesJson(pair, result)));
    else if (options.format === "csv") terminal.out(renderChangesCsv(result), "\r\n");
    else terminal.out(renderChanges(pair, result));
    return result.unknownVendors.length > 0 ? EXIT.partial : EXIT.ok;
  } finally {
    opened.close();
  }
}
