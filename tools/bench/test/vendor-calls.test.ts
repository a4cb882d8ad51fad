// The call-overhead figures are only fair if both sides do the same wire work: these check that the
// bare openapi-fetch call sends exactly the request our client sends. Needs the clients built.
import { describe, expect, it } from "vitest";
import { SMALL_JSON_BODY } from "../src/response-stub";
import { VENDOR_CALLS, type Transport } from "../src/vendor-calls";

interface Sent {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

/** Runs one call against a fetch that records the request and answers the small JSON body. */
async function capture(build: (transport: Transport) => () => Promise<unknown>): Promise<Sent> {
  const sent: Sent[] = [];
  const call = build({
    baseUrl: "http://stub.invalid",
    fetch: async (request) => {
      sent.push({
        method: request.method,
        url: request.url,
        headers: [...request.headers.entries()].sort(([a], [b]) => a.localeCompare(b)),
        body: await request.text(),
      });
      return new Response(SMALL_JSON_BODY, { headers: { "content-type": "application/json" } });
    },
  });
  await call();
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

describe("call-overhead subjects", () => {
  it.each(VENDOR_CALLS.map((vendor) => [vendor.vendor, vendor] as const))(
    "%s: the bare call sends the same request as our client",
    async (_name, vendor) => {
      const ours = await capture(vendor.ours);
      const bare = await capture(vendor.bare);
      expect(bare).toEqual(ours);
      // Both carry the credential (a header, or OpsGenie's apiKey query parameter).
      expect(JSON.stringify(ours)).toMatch(/bench-|Basic /);
    },
  );
});
