import {
  checksByRoute,
  createApiClient,
  operationChecks,
  requireOptionsObject,
  type ApiClient,
  type ApiClientOptions,
  type VendorConfig,
} from "@rollcall/core";
import { opsgenieAuth } from "./auth";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";
import { vendor } from "./generated/vendor";
import { opsgenieRequestChecks } from "./guards";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./package-info";
import { regionBaseUrl, type OpsgenieRegion } from "./region";

/** The typed OpsGenie client: openapi-fetch's `GET`/`POST`/`DELETE` over the spec's paths. */
export type OpsgenieClient = ApiClient<paths>;

export interface OpsgenieClientOptions extends ApiClientOptions {
  /** The key of an OpsGenie API integration; the client adds it to every request. */
  apiKey: string;
  /** Where the account is hosted (default "us"); `baseUrl` overrides it. */
  region?: OpsgenieRegion;
}

/**
 * A typed OpsGenie (User API v1) client. The API key goes into the query string of GET and
 * DELETE and into the JSON body of POST by itself; bad arguments are refused before sending.
 */
export function createOpsgenieClient(options: OpsgenieClientOptions): OpsgenieClient {
  requireOptionsObject(
    options,
    { vendor: vendor.id, operation: "createOpsgenieClient" },
    "an object with at least { apiKey }",
  );
  const { apiKey, region, ...runtimeOptions } = options;
  const config: VendorConfig = {
    vendor: vendor.id,
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    baseUrl: regionBaseUrl(region),
    auth: opsgenieAuth(apiKey),
    headers: { Accept: "application/json" },
    // OpsGenie's `{"error":"…","code":n}` is one of the shapes core's common error reader knows.
    checkRequest: checksByRoute(operationChecks(vendor.id, operations), opsgenieRequestChecks),
  };
  return createApiClient<paths>(config, runtimeOptions);
}
