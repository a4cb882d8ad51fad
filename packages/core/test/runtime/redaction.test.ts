import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  basicAuthorization,
  createApiClient,
  redact,
  redactUrl,
  unwrap,
  type ClientHooks,
} from "../../src/runtime";
import { fakeVendor } from "./fake-vendor";
import { startScriptedServer, type paths, type Reply } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const QUERY_KEY = "qk_7Hq2Lr9Zx4Vb";
const TOKEN = "tok_Mn3Pq8Rs5Tu1";
const USER = "apiuser_5e8a";
const PASSWORD = "pw_Yz6Wx1Cv0Bn";
const BASIC = basicAuthorization(USER, PASSWORD);
const BASIC_B64 = BASIC.slice("Basic ".length);
const SECRETS = [QUERY_KEY, TOKEN, PASSWORD, BASIC_B64, `${USER}:${PASSWORD}`];

function leaks(text: string): string[] {
  return SECRETS.filter(
    (secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)),
  );
}

function everyView(error: unknown): string {
  const e = error as Error;
  return [e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10 }), String(e)].join(
    "\n",
  );
}

describe("redaction", () => {
  it("keeps every planted secret out of errors and hook payloads", async () => {
    // The server echoes the credentials back in error bodies, headers and an HTML page.
    const echo = `key=${QUERY_KEY} auth=Bearer ${TOKEN} basic=${BASIC} pw=${PASSWORD}`;
    const replies: Reply[] = [
      { status: 503, headers: { "x-echo": echo } },
      {
        status: 401,
        headers: { "x-echo": echo },
        body: { error: echo, apiKey: QUERY_KEY, detail: { token: TOKEN } },
      },
      { status: 200, headers: { "content-type": "text/html" }, body: `<html>${echo}</html>` },
      "destroy",
    ];
    server = await startScriptedServer(replies);
    const payloads: unknown[] = [];
    const hooks: ClientHooks = {
      onRequest: (info) => payloads.push(info),
      onResponse: (info) => payloads.push(info),
      onRetry: (info) => payloads.push(info),
      onError: (info) => payloads.push({ ...info, error: everyView(info.error) }),
    };
    const client = createApiClient<paths>(
      fakeVendor({
        auth: {
          headers: { Authorization: `Bearer ${TOKEN}`, "X-Basic": BASIC },
          query: { params: { apiKey: QUERY_KEY } },
          body: { fields: { password: PASSWORD } },
        },
      }),
      { baseUrl: server.baseUrl, hooks, retry: { maxRetries: 1, sleep: async () => {} } },
    );

    const apiError = await client
      .GET("/users")
      .then(unwrap)
      .catch((e: unknown) => e);
    const parseError = await client.GET("/users").catch((e: unknown) => e);
    const networkError = await client
      .POST("/users", { body: { name: "x" } })
      .catch((e: unknown) => e);

    // The credentials really were sent, so the test would notice a leak.
    expect(server.seen[0]!.url).toContain(QUERY_KEY);
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.seen[3]!.body).toContain(PASSWORD);

    for (const error of [apiError, parseError, networkError]) {
      expect(error).toBeInstanceOf(Error);
      expect(leaks(everyView(error))).toEqual([]);
    }
    expect(apiError).toMatchObject({ name: "AuthenticationError", attempts: 2 });
    expect(parseError).toMatchObject({ name: "ResponseParseError" });
    expect(networkError).toMatchObject({ name: "NetworkError" });
    expect((apiError as { url: string }).url).toContain("apiKey=[REDACTED]");
    expect(payloads.length).toBeGreaterThan(5);
    expect(leaks(JSON.stringify(payloads))).toEqual([]);
    expect(leaks(inspect(payloads, { depth: 10 }))).toEqual([]);
  });

  it("redacts registered secrets, credential shapes and URL credentials", () => {
    expect(redact(`token ${TOKEN} and ${encodeURIComponent("p w&1")}`, [TOKEN, "p w&1"])).toBe(
      "token [REDACTED] and [REDACTED]",
    );
    expect(redact(`Authorization: Bearer abc.def`)).toBe("Authorization: Bearer [REDACTED]");
    expect(redactUrl("https://u:p@h.test/v1/x?apiKey=k1&limit=5&api_key=k2&token=t")).toBe(
      "https://[REDACTED]@h.test/v1/x?apiKey=[REDACTED]&limit=5&api_key=[REDACTED]&token=[REDACTED]",
    );
  });

  // Offboarding reports and other text with no registered secrets rely on these shapes alone.
  it.each([
    ["a query key", "GET /v1/json/user?apiKey=ak_91x&limit=5", "ak_91x"],
    ["a Bearer token", "401 with Authorization: Bearer rootly_abc123.def", "rootly_abc123"],
    ["a GenieKey", "Authorization: GenieKey og-12345", "og-12345"],
    ["Basic credentials", "(Basic YXBpOnNlY3JldA==)", "YXBpOnNlY3JldA=="],
    [
      "URL user-info",
      "GET https://apiuser:s3cret-pass@api.uptrends.com/v4/Operator",
      "s3cret-pass",
    ],
    ["a JSON field", '{"password": "hunter2", "name": "kim"}', "hunter2"],
    ["an X-Api-Key header", "X-Api-Key: ek_live_77", "ek_live_77"],
  ])("removes %s without being told the secret", (_label, text, secret) => {
    const redacted = redact(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain("[REDACTED]");
  });
});
