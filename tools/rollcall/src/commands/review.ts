// `rollcall review`: the access review from a live pull, with what changed since the store's last
// snapshot. Thin on purpose: everything it writes comes from the review input.
import { existsSync } from "node:fs";
import { diffAccess } from "@rollcall/core";
import { EXIT } from "../exit-codes";
import type { PulledDirectory } from "../pull";
import { defaultReviewDir, writeReview, type ReviewInput } from "../review/index";
import type { Session } from "../session";
import { SnapshotStore } from "../store/snapshot-store";
import { storePath } from "../store/store-path";
import { CONNECTORS } from "../vendors";
import { accessState } from "./diff";

/** The review input for one live pull: no previous snapshot, so no changes. */
export function reviewInputFromPull(pulled: PulledDirectory, generatedAt: Date): ReviewInput {
  const titles = new Map(CONNECTORS.map((connector) => [connector.id, connector.title]));
  return {
    generatedAt,
    directory: pulled.directory,
    access: pulled.access,
    vendors: pulled.pulls.map((pull) => ({
      id: pull.vendor,
      name: titles.get(pull.vendor) ?? pull.vendor,
      complete: pull.status === "ok",
    })),
  };
}

/** The live pull's changes since the store's last snapshot; none when there is no store yet. */
async function sinceLastSnapshot(
  path: string,
  pulled: PulledDirectory,
): Promise<Pick<ReviewInput, "changes" | "previousTakenAt">> {
  if (!existsSync(path)) return {};
  const store = await SnapshotStore.open(path);
  try {
    const last = store.list().at(-1);
    if (last === undefined) return {};
    const changes = diffAccess(accessState(store.load(last).pulled), accessState(pulled));
    return { changes, previousTakenAt: new Date(last.takenAt) };
  } finally {
    store.close();
  }
}

export async function reviewCommand(
  { terminal, pulled }: Session,
  options: { out: string | undefined; store: string | undefined },
  now: Date = new Date(),
): Promise<number> {
  const since = await sinceLastSnapshot(storePath(options.store, terminal.env), pulled);
  const input = { ...reviewInputFromPull(pulled, now), ...since };
  const paths = await writeReview(input, options.out ?? defaultReviewDir(now));
  terminal.out(paths);
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
