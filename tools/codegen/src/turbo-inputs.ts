import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { REGISTRY_PATH } from "./registry";

const TASKS = ["generate", "generate:check"] as const;

/**
 * Registry drift guard: turbo only re-runs a package's generate when one of its declared inputs
 * changes, so each package's turbo.json must list the spec files it is generated from.
 * Returns one message per missing input (empty when all is well).
 */
export async function findMissingTurboInputs(
  root: string,
  directory: string,
  specs: readonly string[],
): Promise<string[]> {
  const file = `${directory}/turbo.json`;
  let config: unknown;
  try {
    config = JSON.parse(await readFile(join(root, file), "utf8"));
  } catch (error) {
    return [`${file}: cannot read (${(error as Error).message})`];
  }
  const required = [REGISTRY_PATH, ...specs].map((path) => `$TURBO_ROOT$/${path}`);
  const problems: string[] = [];
  for (const task of TASKS) {
    const inputs = readInputs(config, task);
    for (const input of required) {
      if (!inputs.some((pattern) => globMatches(pattern, input))) {
        problems.push(`${file}: tasks["${task}"].inputs must include "${input}"`);
      }
    }
  }
  return problems;
}

function readInputs(config: unknown, task: string): string[] {
  const tasks = (config as { tasks?: Record<string, { inputs?: unknown }> } | null)?.tasks;
  const inputs = tasks?.[task]?.inputs;
  return Array.isArray(inputs) ? inputs.filter((x): x is string => typeof x === "string") : [];
}

/** Enough of turbo's glob syntax for input lists: `*` within one segment, `**` across them. */
function globMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*\*\/?|\*)/)
    .map((part) =>
      part === "**" || part === "**/"
        ? ".*"
        : part === "*"
          ? "[^/]*"
          : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`).test(path);
}
