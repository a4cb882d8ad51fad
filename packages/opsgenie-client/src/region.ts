import { ClientValidationError } from "@rollcall/core";
import { vendor } from "./generated/vendor";

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
    throw new ClientValidationError({
      vendor: vendor.id,
      operation: "createOpsgenieClient",
      field: "options.region",
      message: `must be "us" or "eu", got ${JSON.stringify(String(region)).slice(0, 40)}`,
    });
  }
  return BASE_URLS[region];
}
