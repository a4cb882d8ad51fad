// The four vendors the CLI reads, in the order their columns appear.

export type CliVendor = "eagle" | "rootly" | "opsgenie" | "uptrends";

export const CLI_VENDORS: readonly CliVendor[] = ["eagle", "rootly", "opsgenie", "uptrends"];

export interface VendorFacts {
  readonly title: string;
  /** Where the real service lives when no base-URL override is set. */
  readonly defaultBaseUrl: string;
}

export const VENDOR_FACTS: Readonly<Record<CliVendor, VendorFacts>> = {
  eagle: { title: "eagle.io", defaultBaseUrl: "https://api.eagle.io" },
  rootly: { title: "Rootly", defaultBaseUrl: "https://api.rootly.com" },
  opsgenie: { title: "OpsGenie", defaultBaseUrl: "https://api.opsgenie.com" },
  uptrends: { title: "Uptrends", defaultBaseUrl: "https://api.uptrends.com/v4" },
};

export const OPSGENIE_EU_BASE_URL = "https://api.eu.opsgenie.com";

export function isCliVendor(value: string): value is CliVendor {
  return (CLI_VENDORS as readonly string[]).includes(value);
}
