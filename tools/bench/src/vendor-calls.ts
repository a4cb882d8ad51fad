// One representative read per vendor — a single-record GET with auth — made two ways: through our
// client (auth, retry, timeout and error handling on, as shipped) and through a bare openapi-fetch
// client sending the same request — same URL, credential and headers (User-Agent and Accept too).
// The bare side takes the credential's place and the `Accept` header from the connector's generated
// descriptor (the spec's auth templates), not from Rollcall's runtime, so the baseline never runs
// our code. Their ratio is what our layer costs; test/vendor-calls.test.ts checks the wire match.
import { createRequire } from "node:module";
import createClient from "openapi-fetch";
import type { Connector } from "@rollcall/core";
import { CONNECTORS } from "./connectors";
import { credentialsOf } from "./descriptor-auth";

/** Where a benchmark client sends its requests; `fetch` is omitted to use the global one. */
export interface Transport {
  baseUrl: string;
  fetch?: (input: Request) => Promise<Response>;
}

/** One call, ready to run; resolves with the parsed body or throws when the call failed. */
export type Call = () => Promise<unknown>;

export interface VendorCall {
  /** The connector's id. */
  vendor: string;
  /** The request, for the table: "GET /v1/users/{id}". */
  request: string;
  /** Content-Type the vendor answers with. */
  contentType: string;
  ours(transport: Transport): Call;
  bare(transport: Transport): Call;
}

/** A GET as openapi-fetch takes it. */
interface Read {
  path: string;
  params?: { path?: Record<string, string>; query?: Record<string, string> };
}

/**
 * The read each vendor is measured with: a route of its spec, so the client's route checks run as
 * they would for a user. These are the bench's choice of workload, not facts about the vendor; a
 * vendor not listed here is measured with `GET /`.
 */
const READS: Readonly<Record<string, Read>> = {
  eagle: { path: "/api/v1/owners/account" },
  rootly: { path: "/v1/users/{id}", params: { path: { id: "317" } } },
  opsgenie: { path: "/v1/json/user", params: { query: { id: "ac46" } } },
  uptrends: {
    path: "/Operator/{operatorGuid}",
    params: { path: { operatorGuid: "d2782d76-62e7-4946-a41c-fc7f86c96300" } },
  },
};

type Getter = { GET(path: string, init?: object): Promise<{ data?: unknown; error?: unknown }> };

function dataOrThrow(result: { data?: unknown; error?: unknown }): unknown {
  if (result.data === undefined) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

// Fixed, fake credentials (`bench-<option>-0000`): the bench talks only to an in-memory stub or a
// loopback server. Region and other settings with choices keep their defaults.
function fakeSettings(connector: Connector): Record<string, string> {
  const settings = connector.settings.filter((setting) => setting.choices === undefined);
  return Object.fromEntries(settings.map(({ option }) => [option, `bench-${option}-0000`]));
}

const require = createRequire(import.meta.url);

/** The User-Agent our client for `packageName` sends: the bare side sends the same bytes. */
function userAgentOf(packageName: string): string {
  const { version } = require(`${packageName}/package.json`) as { version: string };
  return `${packageName}/${version} node/${process.versions.node}`;
}

function vendorCall(connector: Connector): VendorCall {
  const { descriptor } = connector;
  if (!descriptor)
    throw new Error(`the ${connector.id} connector has no descriptor for the bare baseline`);
  const read = READS[connector.id] ?? { path: "/" };
  const settings = fakeSettings(connector);
  const { headers, query } = credentialsOf(descriptor, settings);
  return {
    vendor: connector.id,
    request: `GET ${read.path}${read.params?.query ? "?…" : ""}`,
    contentType: descriptor.mediaType ?? "application/json",
    ours(transport) {
      const client = connector.createClient(settings, transport) as Getter;
      return async () =>
        dataOrThrow(await client.GET(read.path, read.params && { params: read.params }));
    },
    bare(transport) {
      const client = createClient<Record<string, never>>({
        baseUrl: transport.baseUrl,
        ...(transport.fetch && { fetch: transport.fetch }),
        headers: {
          "User-Agent": userAgentOf(connector.packageName),
          ...descriptor.headers,
          ...headers,
        },
      }) as unknown as Getter;
      // By hand, a user puts a query credential beside the call's own parameters.
      const params = Object.keys(query).length
        ? { ...read.params, query: { ...read.params?.query, ...query } }
        : read.params;
      return async () => dataOrThrow(await client.GET(read.path, params && { params }));
    },
  };
}

export const VENDOR_CALLS: readonly VendorCall[] = CONNECTORS.map(vendorCall);

/** The raw-fetch baseline: one GET and `.json()`, nothing else. */
export function rawFetchCall(transport: Transport): Call {
  const doFetch = transport.fetch ?? ((input: Request) => fetch(input));
  const url = `${transport.baseUrl}/v1/users/317`;
  const headers = { Authorization: "Bearer bench-token-0000" };
  return async () => {
    const response = await (transport.fetch === undefined
      ? fetch(url, { headers })
      : doFetch(new Request(url, { headers })));
    if (!response.ok) throw new Error(`raw fetch failed with ${response.status}`);
    return response.json();
  };
}
