/** How a spec edit affects users of the generated client, and so which semver bump it needs. */
export type ChangeLevel = "breaking" | "additive" | "descriptive";

export type VersionBump = "major" | "minor" | "patch";

export interface SpecChange {
  readonly level: ChangeLevel;
  /** Where, in API terms: `POST /incidents › request body (application/json) › data.title`. */
  readonly location: string;
  readonly message: string;
}

const BUMP_FOR_LEVEL: Record<ChangeLevel, VersionBump> = {
  breaking: "major",
  additive: "minor",
  descriptive: "patch",
};

/** The largest bump any change calls for; undefined when nothing changed. */
export function versionBumpFor(changes: readonly SpecChange[]): VersionBump | undefined {
  if (changes.some((change) => change.level === "breaking")) return "major";
  if (changes.some((change) => change.level === "additive")) return "minor";
  if (changes.length > 0) return BUMP_FOR_LEVEL.descriptive;
  return undefined;
}

/** One line per change, breaking first: the text that lands in the changelog. */
export function describeChanges(changes: readonly SpecChange[]): string[] {
  const order: ChangeLevel[] = ["breaking", "additive", "descriptive"];
  return order.flatMap((level) =>
    changes
      .filter((change) => change.level === level)
      .map((change) => `${level.toUpperCase()}: ${change.location} — ${change.message}`),
  );
}
