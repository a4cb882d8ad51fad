import { SECTION_IDS, type SectionId } from "./figure";

export interface BenchOptions {
  /** Sections to run, in table order. */
  sections: SectionId[];
  /** Fewer rounds and iterations: a smoke run, not numbers to quote. */
  quick: boolean;
  /** Print one JSON document instead of the table. */
  json: boolean;
}

/** A command-line argument the bench does not understand; `argument` is the offending one. */
export class BenchUsageError extends Error {
  override readonly name = "BenchUsageError";
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
  }
}

export const USAGE = `Usage: pnpm bench [--only <${SECTION_IDS.join("|")}>[,<section>…]] [--quick] [--json]`;

/** Parses `--only a,b` (repeatable, or `--only=a`), `--quick` and `--json`. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const only = new Set<SectionId>();
  let quick = false;
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--quick") quick = true;
    else if (argument === "--json") json = true;
    else if (argument === "--only" || argument.startsWith("--only=")) {
      const value = argument === "--only" ? argv[++index] : argument.slice("--only=".length);
      if (value === undefined || value === "" || value.startsWith("--")) {
        throw new BenchUsageError(
          `--only needs a section name (${SECTION_IDS.join(", ")})`,
          argument,
        );
      }
      for (const name of value.split(",")) only.add(sectionId(name.trim()));
    } else if (argument === "--") continue;
    else throw new BenchUsageError(`unknown argument ${JSON.stringify(argument)}`, argument);
  }
  const sections = SECTION_IDS.filter((id) => only.size === 0 || only.has(id));
  return { sections, quick, json };
}

function sectionId(name: string): SectionId {
  if ((SECTION_IDS as readonly string[]).includes(name)) return name as SectionId;
  throw new BenchUsageError(
    `--only: no section named ${JSON.stringify(name)}; choose from ${SECTION_IDS.join(", ")}`,
    name,
  );
}
