import { CORE_RUNTIME_ENTRY, coreRuntimeNames, reexport } from "./bundle-measure";

/** A gzip budget the test suite enforces (kB = 1000 B, like size-limit). */
export interface SizeBudget {
  name: string;
  /** Builds the entry module source (it may need to read export lists first). */
  entry(): Promise<string>;
  /** Packages not counted. */
  external: readonly string[];
  maxGzipBytes: number;
}

export const VENDOR_FACTORIES = [
  { vendor: "eagle", packageName: "@rollcall/eagle-client", factory: "createEagleClient" },
  { vendor: "rootly", packageName: "@rollcall/rootly-client", factory: "createRootlyClient" },
  { vendor: "opsgenie", packageName: "@rollcall/opsgenie-client", factory: "createOpsgenieClient" },
  { vendor: "uptrends", packageName: "@rollcall/uptrends-client", factory: "createUptrendsClient" },
] as const;

export const CORE_RUNTIME_MAX_GZIP = 4000;
export const VENDOR_CLIENT_MAX_GZIP = 1500;

export const SIZE_BUDGETS: readonly SizeBudget[] = [
  {
    // Everything a vendor client imports from core's runtime, without openapi-fetch (not ours).
    name: "core client runtime",
    entry: async () => reexport(await coreRuntimeNames(), CORE_RUNTIME_ENTRY),
    external: ["openapi-fetch"],
    maxGzipBytes: CORE_RUNTIME_MAX_GZIP,
  },
  ...VENDOR_FACTORIES.map(({ vendor, packageName, factory }) => ({
    // The client factory's own bytes: core and openapi-fetch are paid once, whatever the vendor count.
    name: `${vendor} client beyond core`,
    entry: async () => reexport([factory], packageName),
    external: ["openapi-fetch", "@rollcall/core"],
    maxGzipBytes: VENDOR_CLIENT_MAX_GZIP,
  })),
];
