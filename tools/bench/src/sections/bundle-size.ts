import type { BenchOptions } from "../bench-options";
import {
  CORE_IDENTITY_ENTRY,
  CORE_RUNTIME_ENTRY,
  coreRuntimeNames,
  exportedNames,
  measureBundle,
  reexport,
  type BundleSize,
} from "../bundle-measure";
import { atMost, failed, info, judged, reasonOf, type Figure } from "../figure";
import { formatBytes } from "../format-units";
import { SIZE_BUDGETS, VENDOR_FACTORIES } from "../size-budget";

const section = "bundle" as const;

function describe(size: BundleSize): string {
  return `gzip ${formatBytes(size.gzipBytes)} (min ${formatBytes(size.minBytes)})`;
}

/** Sizes are deterministic: one build each, no rounds. */
export async function runBundleSize(_options: BenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const attempt = async (name: string, run: () => Promise<Figure>) => {
    try {
      figures.push(await run());
    } catch (error) {
      figures.push(failed(section, name, reasonOf(error)));
    }
  };

  let openapiFetch: BundleSize | undefined;
  await attempt("openapi-fetch alone", async () => {
    openapiFetch = await measureBundle(`export { default } from "openapi-fetch";`, []);
    return info({ section, name: "openapi-fetch alone", value: describe(openapiFetch) });
  });
  const versusOpenapiFetch = (size: BundleSize) =>
    openapiFetch === undefined
      ? {}
      : { ratio: size.gzipBytes / openapiFetch.gzipBytes, baseline: "openapi-fetch alone (gzip)" };

  for (const budget of SIZE_BUDGETS) {
    await attempt(budget.name, async () => {
      const size = await measureBundle(await budget.entry(), budget.external);
      return judged(
        { section, name: `${budget.name} (openapi-fetch external)`, value: describe(size) },
        atMost(budget.targetGzipBytes, `≤ ${formatBytes(budget.targetGzipBytes)} gzip`),
        size.gzipBytes,
      );
    });
  }

  await attempt("core client runtime + openapi-fetch", async () => {
    const size = await measureBundle(reexport(await coreRuntimeNames(), CORE_RUNTIME_ENTRY), []);
    return info({
      section,
      name: "core client runtime + openapi-fetch",
      value: describe(size),
      ...versusOpenapiFetch(size),
    });
  });
  await attempt("core identity model", async () => {
    const identity = await exportedNames(CORE_IDENTITY_ENTRY);
    const size = await measureBundle(reexport(identity, CORE_IDENTITY_ENTRY), ["openapi-fetch"]);
    return info({ section, name: "core identity model (all of it)", value: describe(size) });
  });

  for (const { vendor, packageName, factory } of VENDOR_FACTORIES) {
    await attempt(`${vendor} client, everything bundled`, async () => {
      const size = await measureBundle(reexport([factory], packageName), []);
      return info({
        section,
        name: `${vendor} client + core runtime + openapi-fetch`,
        value: describe(size),
        ...versusOpenapiFetch(size),
      });
    });
    await attempt(`${vendor} whole package beyond core`, async () => {
      const size = await measureBundle(`export * from ${JSON.stringify(packageName)};`, [
        "openapi-fetch",
        "@rollcall/core",
      ]);
      return info({
        section,
        name: `${vendor} whole package beyond core`,
        value: describe(size),
        note: `${vendor}: every export (adapters, pagination, offboarding) — not only the client factory`,
      });
    });
  }
  return figures;
}
