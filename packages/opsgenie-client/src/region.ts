import { vendor } from "./generated/vendor";
import { failFor } from "./guards";

/** Where the OpsGenie account is hosted. */
export type OpsgenieRegion = "us" | "eu";

const BASE_URLS: Readonly<Record<OpsgenieRegion, string>> = {
  us: vendor.defaultBaseUrl,
  eu: "https://api.eu.opsgenie.com",
};

/** The API base URL of a region (default US). */
export function regionBaseUrl(region: unknown): string {
  if (region === undefined) return BASE_URLS.us;
  if (region !== "us" && region !== "eu") {
    return failFor("createOpsgenieClient")(
      "options.region",
      `must be "us" or "eu", got ${JSON.stringify(String(region)).slice(0, 40)}`,
    );
  }
  return BASE_URLS[region];
}
