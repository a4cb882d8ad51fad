// One representative read per vendor — a single-record GET with auth — made two ways: through our
// client (auth, retry, timeout and error handling on, as shipped) and through a bare openapi-fetch
// client sending the same request — same URL, credential and headers (User-Agent and Accept too),
// set by hand. Their ratio is what our layer costs; test/vendor-calls.test.ts checks the wire match.
import { createRequire } from "node:module";
import createClient from "openapi-fetch";
import { createEagleClient, type paths as EaglePaths } from "@rollcall/eagle-client";
import { createRootlyClient, type paths as RootlyPaths } from "@rollcall/rootly-client";
import { createOpsgenieClient, type paths as OpsgeniePaths } from "@rollcall/opsgenie-client";
import { createUptrendsClient, type paths as UptrendsPaths } from "@rollcall/uptrends-client";

/** Where a benchmark client sends its requests; `fetch` is omitted to use the global one. */
export interface Transport {
  baseUrl: string;
  fetch?: (input: Request) => Promise<Response>;
}

/** One call, ready to run; resolves with the parsed body or throws when the call failed. */
export type Call = () => Promise<unknown>;

export interface VendorCall {
  vendor: "eagle" | "rootly" | "opsgenie" | "uptrends";
  /** The request, for the table: "GET /v1/users/{id}". */
  request: string;
  /** Content-Type the vendor answers with. */
  contentType: string;
  ours(transport: Transport): Call;
  bare(transport: Transport): Call;
}

// Fixed, fake credentials: the bench talks only to an in-memory stub or a loopback server.
const API_KEY = "bench-api-key-0000";
const TOKEN = "bench-token-0000";
const USERNAME = "bench-user";
const PASSWORD = "bench-password-0000";
const BASIC = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`;

function dataOrThrow(result: { data?: unknown; error?: unknown }): unknown {
  if (result.data === undefined) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

const require = createRequire(import.meta.url);

/** The User-Agent our client for `vendor` sends: the bare side sends the same bytes. */
function userAgentOf(vendor: VendorCall["vendor"]): string {
  const name = `@rollcall/${vendor}-client`;
  const { version } = require(`${name}/package.json`) as { version: string };
  return `${name}/${version} node/${process.versions.node}`;
}

function bareFetch(transport: Transport): { fetch?: (input: Request) => Promise<Response> } {
  return transport.fetch === undefined ? {} : { fetch: transport.fetch };
}

export const VENDOR_CALLS: readonly VendorCall[] = [
  {
    vendor: "eagle",
    request: "GET /api/v1/owners/account",
    contentType: "application/json",
    ours(transport) {
      const client = createEagleClient({ apiKey: API_KEY, ...transport });
      return async () => dataOrThrow(await client.GET("/api/v1/owners/account"));
    },
    bare(transport) {
      const client = createClient<EaglePaths>({
        baseUrl: transport.baseUrl,
        ...bareFetch(transport),
        headers: {
          "User-Agent": userAgentOf("eagle"),
          Accept: "application/json",
          "X-Api-Key": API_KEY,
        },
      });
      return async () => dataOrThrow(await client.GET("/api/v1/owners/account"));
    },
  },
  {
    vendor: "rootly",
    request: "GET /v1/users/{id}",
    contentType: "application/vnd.api+json",
    ours(transport) {
      const client = createRootlyClient({ token: TOKEN, ...transport });
      return async () =>
        dataOrThrow(await client.GET("/v1/users/{id}", { params: { path: { id: "317" } } }));
    },
    bare(transport) {
      const client = createClient<RootlyPaths>({
        baseUrl: transport.baseUrl,
        ...bareFetch(transport),
        headers: {
          "User-Agent": userAgentOf("rootly"),
          Accept: "application/vnd.api+json",
          Authorization: `Bearer ${TOKEN}`,
        },
      });
      return async () =>
        dataOrThrow(await client.GET("/v1/users/{id}", { params: { path: { id: "317" } } }));
    },
  },
  {
    vendor: "opsgenie",
    request: "GET /v1/json/user?id=…",
    contentType: "application/json",
    ours(transport) {
      const client = createOpsgenieClient({ apiKey: API_KEY, ...transport });
      return async () =>
        dataOrThrow(await client.GET("/v1/json/user", { params: { query: { id: "ac46" } } }));
    },
    bare(transport) {
      const client = createClient<OpsgeniePaths>({
        baseUrl: transport.baseUrl,
        ...bareFetch(transport),
        headers: { "User-Agent": userAgentOf("opsgenie"), Accept: "application/json" },
      });
      // By hand, a user puts the key in the query string themselves (the spec leaves it out).
      const query = { id: "ac46", apiKey: API_KEY } as { id: string };
      return async () => dataOrThrow(await client.GET("/v1/json/user", { params: { query } }));
    },
  },
  {
    vendor: "uptrends",
    request: "GET /Operator/{operatorGuid}",
    contentType: "application/json",
    ours(transport) {
      const client = createUptrendsClient({ username: USERNAME, password: PASSWORD, ...transport });
      const params = { path: { operatorGuid: "d2782d76-62e7-4946-a41c-fc7f86c96300" } };
      return async () => dataOrThrow(await client.GET("/Operator/{operatorGuid}", { params }));
    },
    bare(transport) {
      const client = createClient<UptrendsPaths>({
        baseUrl: transport.baseUrl,
        ...bareFetch(transport),
        headers: {
          "User-Agent": userAgentOf("uptrends"),
          Accept: "application/json",
          Authorization: BASIC,
        },
      });
      const params = { path: { operatorGuid: "d2782d76-62e7-4946-a41c-fc7f86c96300" } };
      return async () => dataOrThrow(await client.GET("/Operator/{operatorGuid}", { params }));
    },
  },
];

/** The raw-fetch baseline: one GET and `.json()`, nothing else. */
export function rawFetchCall(transport: Transport): Call {
  const doFetch = transport.fetch ?? ((input: Request) => fetch(input));
  const url = `${transport.baseUrl}/v1/users/317`;
  const headers = { Authorization: `Bearer ${TOKEN}` };
  return async () => {
    const response = await (transport.fetch === undefined
      ? fetch(url, { headers })
      : doFetch(new Request(url, { headers })));
    if (!response.ok) throw new Error(`raw fetch failed with ${response.status}`);
    return response.json();
  };
}
