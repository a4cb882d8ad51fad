// `rollcall review`: the access review from a live pull. Thin on purpose: everything it writes
// comes from the review input, which a pair of stored snapshots can supply just as well.
import { EXIT } from "../exit-codes";
import type { PulledDirectory } from "../pull";
import { defaultReviewDir, writeReview, type ReviewInput } from "../review/index";
import type { Session } from "../session";
import { CONNECTORS } from "../vendors";

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

export async function reviewCommand(
  { terminal, pulled }: Session,
  out: string | undefined,
  now: Date = new Date(),
): Promise<number> {
  const paths = await writeReview(reviewInputFromPull(pulled, now), out ?? defaultReviewDir(now));
  terminal.out(paths);
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
