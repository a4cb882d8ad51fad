// A Stryker ignore-plugin for the mutants each package's stryker.config.mjs lists as equivalent:
// no test can tell them from the original code, so they are reported as "Ignored" with the
// reason given there instead of counting as survivors.
import { relative } from "node:path";

/** "src/file.ts:line:column" (as Stryker's report shows a mutant's start) → reason. */
const listed = new Map();

/** Registers one package's equivalent mutants; called by strykerConfig. */
export function registerEquivalentMutants(equivalent) {
  for (const [where, reason] of Object.entries(equivalent)) listed.set(where, reason);
}

export const strykerPlugins = [
  // What @stryker-mutator/api's declareValuePlugin(PluginKind.Ignore, …) returns.
  {
    kind: "Ignore",
    name: "equivalent-mutants",
    value: {
      shouldIgnore(path) {
        const loc = path.node.loc;
        // Stryker's parser leaves loc.filename unset; babel's file options carry the path.
        const filename = loc?.filename ?? path.hub?.file?.opts?.filename;
        if (listed.size === 0 || loc == null || filename == null) return undefined;
        const file = relative(process.cwd(), filename).replaceAll("\\", "/");
        const reason = listed.get(`${file}:${loc.start.line}:${loc.start.column + 1}`);
        return reason === undefined ? undefined : `equivalent: ${reason}`;
      },
    },
  },
];
