import { PaginationError } from "@rollcall/core";
import { outcomeOf } from "@rollcall/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHostileServer, type HostileServer } from "./support/hostile-server";
import { VENDORS, type AnySimulator } from "./support/vendors";

// A server that answers the first page whatever page it is asked for: the listing must stop at
// the second request with a typed error, not run to the page cap yielding the same users.

const PAGED = VENDORS.filter((harness) => harness.listing);

describe.each(PAGED)("$vendor listAllUsers against a server that ignores the cursor", (harness) => {
  const listing = harness.listing!;
  let sim: AnySimulator;
  let proxy: HostileServer;
  beforeAll(async () => {
    sim = await harness.start({ generatedUsers: 10 });
    // Forwards every request to the simulator with the paging parameters removed.
    proxy = await startHostileServer((res, request) => {
      const url = new URL(request.url, sim.url);
      for (const name of listing.cursorParams) url.searchParams.delete(name);
      void fetch(`${sim.url}${url.pathname}${url.search}`, {
        headers: request.headers as Record<string, string>,
      })
        .then(async (answer) => {
          res.writeHead(answer.status, {
            "content-type": answer.headers.get("content-type") ?? "",
          });
          res.end(await answer.text());
        })
        // A page still in flight when the test ends (a parallel walk's look-ahead) finds the
        // simulator closed: the proxy drops that connection instead of rejecting unhandled.
        .catch(() => res.destroy());
    });
  });
  afterAll(async () => {
    await proxy.close();
    await sim.close();
  });

  it("lists every user through an honest server", async () => {
    const client = harness.create(sim.url, harness.credentialOf(sim)) as never;
    const users: unknown[] = [];
    for await (const user of listing.list(client, 3)) users.push(user);
    expect(users.length).toBeGreaterThan(6);
    expect(new Set(users.map((user) => JSON.stringify(user))).size).toBe(users.length);
  });

  it("stops at the repeated page with a PaginationError", async () => {
    const client = harness.create(proxy.url, harness.credentialOf(sim)) as never;
    const users: unknown[] = [];
    const outcome = await outcomeOf(async () => {
      for await (const user of listing.list(client, 3)) users.push(user);
    });
    const { error } = outcome as { error: PaginationError };
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.reason).toBe("repeated-page");
    // One page at a time stops at the second request; a listing whose vendor states a total asks
    // for the pages after the first up to 4 at once (core's default concurrency) and stops there.
    expect(proxy.received.length).toBeGreaterThanOrEqual(2);
    expect(proxy.received.length).toBeLessThanOrEqual(4);
    expect(users).toHaveLength(3);
  });
});
