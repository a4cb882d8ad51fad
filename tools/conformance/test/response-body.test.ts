import {
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
  type ApiClientOptions,
} from "@rollcall/core";
import { outcomeOf, secretLeaks } from "@rollcall/core/testing";
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { answerJson, startHostileServer, type HostileServer } from "./support/hostile-server";
import { VENDORS } from "./support/vendors";

// Servers that send good headers and then misbehave in the body: stall, drop the connection, or
// send more than anyone should hold. Each must end in a typed error, never a hang or a TypeError.

const RETRY = { baseDelayMs: 1, maxDelayMs: 5, maxRetries: 2 };
const JSON_HEADERS = { "content-type": "application/json" };

/** Headers and the start of a JSON body, then nothing: the socket stays open. */
const stall = (res: ServerResponse) => {
  res.writeHead(200, JSON_HEADERS);
  res.write('{"data": [');
};
/** Headers and half a body, then the connection is cut. */
const drop = (res: ServerResponse) => {
  res.writeHead(200, { ...JSON_HEADERS, "content-length": "1000" });
  res.write('{"data": [');
  setTimeout(() => res.socket?.destroy(), 5);
};

describe.each(VENDORS)("$vendor against a hostile response body", (harness) => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const secrets = harness.secretForms(harness.testCredential);
  const client = (url: string, options: ApiClientOptions = {}) =>
    harness.create(url, harness.testCredential, { retry: RETRY, ...options }) as never;

  it("a body that stalls after the headers times out, GET after its retries, POST at once", async () => {
    server = await startHostileServer(stall);
    // Long enough for the request itself to reach the server on a loaded CI machine: the deadline
    // covers the whole call, so a shorter one can expire before the body is even sent.
    const timeoutMs = 750;
    for (const [call, attempts] of [
      [harness.get.call, 3],
      [harness.post.call, 1],
    ] as const) {
      server.received.length = 0;
      const { error } = (await outcomeOf(() => call(client(server!.url, { timeoutMs })))) as {
        error: TimeoutError;
      };
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.timeoutMs).toBe(timeoutMs);
      expect(error.attempts).toBe(attempts);
      expect(server.received).toHaveLength(attempts);
      expect(secretLeaks(error, secrets)).toEqual([]);
    }
  });

  it("a connection dropped mid-body is a NetworkError, and a GET is retried to success", async () => {
    server = await startHostileServer((res, _request, index) =>
      index === 0 ? drop(res) : answerJson(res),
    );
    expect(await harness.get.call(client(server.url))).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
    await server.close();

    server = await startHostileServer(drop);
    const { error } = (await outcomeOf(() => harness.post.call(client(server!.url)))) as {
      error: NetworkError;
    };
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.received).toHaveLength(1);
    expect(secretLeaks(error, secrets)).toEqual([]);
  });

  it("a body larger than maxResponseBytes is cut off with a ResponseTooLargeError", async () => {
    // 2 MB of valid JSON, streamed; the client allows 1 MB.
    const big = JSON.stringify({ data: "x".repeat(2_000_000) });
    server = await startHostileServer((res) => {
      res.writeHead(200, JSON_HEADERS);
      res.end(big);
    });
    for (const call of [harness.get.call, harness.post.call]) {
      server.received.length = 0;
      const { error } = (await outcomeOf(() =>
        call(client(server!.url, { maxResponseBytes: 1_000_000 })),
      )) as { error: ResponseTooLargeError };
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error.maxResponseBytes).toBe(1_000_000);
      // Not a transient failure: never retried.
      expect(server.received).toHaveLength(1);
      expect(secretLeaks(error, secrets)).toEqual([]);
    }
    // The same body within a larger per-call limit is read.
    const data = await harness.get.call(client(server.url, { maxResponseBytes: 1_000_000 }), {
      maxResponseBytes: 3_000_000,
    } as never);
    expect((data as { data: string }).data).toHaveLength(2_000_000);
  });

  it("a gzip bomb stops at the limit, counted after decompression", async () => {
    // 64 MB of zeros in a JSON string compress to ~64 kB; the default limit (32 MiB) applies.
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"data":"'), Buffer.alloc(64 << 20, 48)]));
    expect(bomb.length).toBeLessThan(1_000_000);
    server = await startHostileServer((res) => {
      res.writeHead(200, { ...JSON_HEADERS, "content-encoding": "gzip" });
      res.end(bomb);
    });
    const { error } = (await outcomeOf(() => harness.get.call(client(server!.url)))) as {
      error: ResponseTooLargeError;
    };
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.maxResponseBytes).toBe(32 * 1024 * 1024);
    expect(server.received).toHaveLength(1);
  });

  it("an error response's body is under the same limit", async () => {
    server = await startHostileServer((res) => {
      res.writeHead(400, JSON_HEADERS);
      res.end(JSON.stringify({ message: "y".repeat(50_000) }));
    });
    const { error } = (await outcomeOf(() =>
      harness.get.call(client(server!.url, { maxResponseBytes: 10_000 })),
    )) as { error: ResponseTooLargeError };
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.status).toBe(400);
  });
});
