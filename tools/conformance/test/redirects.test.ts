import { RedirectError, type FetchFunction } from "@rollcall/core";
import { outcomeOf, secretLeaks } from "@rollcall/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  answerJson,
  credentialsIn,
  startHostileServer,
  type HostileServer,
} from "./support/hostile-server";
import { VENDORS } from "./support/vendors";

// A vendor host that redirects every request, and a second origin it points to. A client must not
// follow: the credential (header, query or body) would go to whatever the Location names.
const STATUSES = [301, 302, 303, 307, 308] as const;

// Custom fetches a user might pass: one that forwards init, one that drops it (the Request alone
// must then keep the policy).
const FETCHES: [string, FetchFunction | undefined][] = [
  ["the global fetch", undefined],
  ["a custom fetch that forwards init", (request, init) => fetch(request, init)],
  ["a custom fetch that ignores init", (request) => fetch(request)],
];

describe.each(VENDORS)("$vendor ($placement) facing a redirect", (harness) => {
  let vendorHost: HostileServer;
  let elsewhere: HostileServer;
  let target = "";
  let redirectStatus = 302;
  beforeEach(async () => {
    elsewhere = await startHostileServer((res) => answerJson(res, { stolen: true }));
    vendorHost = await startHostileServer((res, request) => {
      res.writeHead(redirectStatus, { location: `${target}${request.url}` });
      res.end();
    });
  });
  afterEach(async () => {
    await Promise.all([vendorHost.close(), elsewhere.close()]);
  });

  const secrets = harness.secretForms(harness.testCredential);

  describe.each(FETCHES)("with %s", (_label, userFetch) => {
    it.each(STATUSES)("%s to another origin: nothing follows, a RedirectError", async (status) => {
      target = elsewhere.url;
      redirectStatus = status;
      const client = harness.create(vendorHost.url, harness.testCredential, {
        ...(userFetch && { fetch: userFetch }),
        // Retries on: the request counts prove a redirect is never retried either.
        retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetries: 2 },
      });
      for (const [kind, call] of [
        ["GET", harness.get.call],
        ["POST", harness.post.call],
      ] as const) {
        const before = vendorHost.received.length;
        const outcome = await outcomeOf(() => call(client as never));
        expect("error" in outcome, `${kind} must fail`).toBe(true);
        const { error } = outcome as { error: RedirectError };
        expect(error).toBeInstanceOf(RedirectError);
        expect(error.method).toBe(kind);
        expect(secretLeaks(error, secrets)).toEqual([]);
        expect(vendorHost.received.length - before, `${kind} sent once`).toBe(1);
      }
      expect(elsewhere.received).toEqual([]);
    });
  });

  it("refuses a same-origin redirect too, without sending the credential a second time", async () => {
    target = vendorHost.url;
    const client = harness.create(vendorHost.url, harness.testCredential);
    for (const call of [harness.get.call, harness.post.call]) {
      const { error } = (await outcomeOf(() => call(client as never))) as { error: RedirectError };
      expect(error).toBeInstanceOf(RedirectError);
      expect(error.location).toContain(vendorHost.url);
    }
    expect(vendorHost.received).toHaveLength(2);
    for (const request of vendorHost.received)
      expect(credentialsIn(request, secrets).length).toBeGreaterThan(0);
  });

  it("keeps a credential the server echoes into Location out of the error", async () => {
    const leaky = await startHostileServer((res, request) => {
      res.writeHead(302, {
        location: `${elsewhere.url}/steal?apiKey=${encodeURIComponent(harness.testCredential.secret)}&copy=${request.headers.authorization ?? ""}`,
      });
      res.end();
    });
    try {
      const client = harness.create(leaky.url, harness.testCredential);
      const { error } = (await outcomeOf(() => harness.get.call(client as never))) as {
        error: RedirectError;
      };
      expect(error).toBeInstanceOf(RedirectError);
      expect(error.status).toBe(302);
      expect(error.location).toContain(elsewhere.url);
      expect(secretLeaks(error, secrets)).toEqual([]);
      expect(elsewhere.received).toEqual([]);
    } finally {
      await leaky.close();
    }
  });

  it("refuses the data when a custom fetch followed a redirect anyway", async () => {
    target = elsewhere.url;
    const following: FetchFunction = (request, init) =>
      fetch(request, { ...init, redirect: "follow" });
    const client = harness.create(vendorHost.url, harness.testCredential, { fetch: following });
    const outcome = await outcomeOf(() => harness.get.call(client as never));
    // The user's fetch chose to follow, so the other origin was reached; its answer is not used.
    expect(elsewhere.received).toHaveLength(1);
    const { error } = outcome as { error: RedirectError };
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toContain(elsewhere.url);
    expect(secretLeaks(error, secrets)).toEqual([]);
  });
});
