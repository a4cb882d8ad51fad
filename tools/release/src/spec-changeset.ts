import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { readPendingChangesets, writeSpecChangeset } from "./changeset-files";
import {
  findReleaseBase,
  readFileAtRevision,
  repositoryRoot,
  shortContentHash,
  type ReleaseBase,
} from "./git";
import { ReleaseError } from "./release-error";
import { describeChanges, versionBumpFor, type SpecChange } from "./spec-change";
import { diffSpecs } from "./spec-diff";
import { dereferenceSpec, parseSpec } from "./spec-loading";
import { readVendorRegistry, type VendorEntry } from "./workspace";

/** What changed in one vendor's spec since its package's last release. */
export interface SpecReview {
  readonly vendor: VendorEntry;
  /** Undefined when the spec has never been committed: there is no earlier state to compare. */
  readonly base: ReleaseBase | undefined;
  readonly changes: readonly SpecChange[];
}

const USAGE = `Usage: spec-changeset [--base <rev>] [--check]

Compares each spec in specs/vendors.json with its state at the package's last release
(the newest <package>@<version> tag, else the commit that added the spec) and writes
.changeset/spec-<vendor>-<hash>.md with the bump the change calls for.

  --base <rev>  compare every spec with this revision instead
  --check       write nothing; exit 1 naming each package whose spec changed with no
                pending changeset that covers it`;

/** Classifies every registry spec against its release base. */
export async function reviewSpecs(root: string, base?: string): Promise<SpecReview[]> {
  const reviews: SpecReview[] = [];
  for (const vendor of await readVendorRegistry(root)) {
    let current: string;
    try {
      current = await readFile(join(root, vendor.spec), "utf8");
    } catch {
      throw new ReleaseError(
        `${vendor.spec}: spec file not found (vendor "${vendor.id}" in specs/vendors.json)`,
      );
    }
    const releaseBase =
      base === undefined
        ? await findReleaseBase(root, vendor.package, vendor.spec)
        : { rev: base, label: base };
    if (releaseBase === undefined) {
      const changes: SpecChange[] = [
        { level: "additive", location: vendor.spec, message: "new spec, never committed" },
      ];
      reviews.push({ vendor, base: undefined, changes });
      continue;
    }
    const previous = await readFileAtRevision(root, releaseBase.rev, vendor.spec);
    if (previous === current) {
      reviews.push({ vendor, base: releaseBase, changes: [] });
    } else if (previous === undefined) {
      const changes: SpecChange[] = [
        {
          level: "additive",
          location: vendor.spec,
          message: `spec added since ${releaseBase.label}`,
        },
      ];
      reviews.push({ vendor, base: releaseBase, changes });
    } else {
      const before = `${vendor.spec}@${releaseBase.label}`;
      const changes = diffSpecs({
        before: {
          dereferenced: await dereferenceSpec(previous, before),
          raw: await parseSpec(previous, before),
        },
        after: {
          dereferenced: await dereferenceSpec(current, vendor.spec),
          raw: await parseSpec(current, vendor.spec),
        },
      });
      reviews.push({ vendor, base: releaseBase, changes });
    }
  }
  return reviews;
}

/** The changelog entry for one review: a headline, then one line per change. */
export function changesetSummary(review: SpecReview): string {
  const since = review.base === undefined ? "" : ` since ${review.base.label}`;
  const lines = describeChanges(review.changes).map((line) => `- ${line}`);
  return [
    `${review.vendor.title} spec changes (${review.vendor.spec}${since}):`,
    "",
    ...lines,
  ].join("\n");
}

/** Packages whose spec changed with no pending changeset naming them. */
export async function findUncoveredPackages(
  root: string,
  reviews: readonly SpecReview[],
): Promise<SpecReview[]> {
  const pending = await readPendingChangesets(root);
  return reviews.filter(
    (review) =>
      review.changes.length > 0 &&
      !pending.some((changeset) => changeset.releases.has(review.vendor.package)),
  );
}

export async function runSpecChangeset(argv: readonly string[], cwd: string): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      base: { type: "string" },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const root = await repositoryRoot(cwd);
  const reviews = await reviewSpecs(root, values.base);
  if (values.check) {
    const uncovered = await findUncoveredPackages(root, reviews);
    for (const review of uncovered) {
      const since = review.base === undefined ? "is new" : `changed since ${review.base.label}`;
      console.error(
        `${review.vendor.package}: ${review.vendor.spec} ${since} and no pending changeset names it — run \`pnpm spec:changeset\``,
      );
    }
    if (uncovered.length === 0) console.log("Every spec change has a pending changeset.");
    return uncovered.length === 0 ? 0 : 1;
  }
  for (const review of reviews) {
    const bump = versionBumpFor(review.changes);
    if (bump === undefined) {
      console.log(`${review.vendor.package}: ${review.vendor.spec} unchanged — no changeset`);
      continue;
    }
    const file = await writeSpecChangeset(root, {
      vendorId: review.vendor.id,
      shortHash: await shortContentHash(root, review.vendor.spec),
      packageName: review.vendor.package,
      bump,
      summary: changesetSummary(review),
    });
    console.log(`${review.vendor.package}: ${bump} (${review.changes.length} change(s)) → ${file}`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runSpecChangeset(process.argv.slice(2), process.cwd()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const known =
        error instanceof ReleaseError ||
        (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
      console.error(known ? `spec-changeset: ${(error as Error).message}` : error);
      if (known) console.error(USAGE);
      process.exitCode = 2;
    },
  );
}
