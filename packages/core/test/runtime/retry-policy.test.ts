import { describe, expect, it } from "vitest";
import { parseRetryAfter, rateLimitResetDelay, serverRetryDelay } from "../../src/runtime";

const NOW = Date.parse("2025-06-01T12:00:00Z");

describe("retry delays", () => {
  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("3", NOW)).toBe(3000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
  });

  it("reads rate-limit reset headers as epoch seconds, or as delta seconds when small", () => {
    expect(
      rateLimitResetDelay(new Headers({ "x-ratelimit-reset": String(NOW / 1000 + 9) }), NOW),
    ).toBe(9000);
    expect(rateLimitResetDelay(new Headers({ "ratelimit-reset": "4" }), NOW)).toBe(4000);
    expect(rateLimitResetDelay(new Headers({}), NOW)).toBeUndefined();
  });

  it("uses reset headers only on a 429, Retry-After on any status", () => {
    const reset = { "x-ratelimit-reset": String(NOW / 1000 + 9) };
    expect(
      serverRetryDelay(new Response(null, { status: 503, headers: reset }), NOW),
    ).toBeUndefined();
    expect(serverRetryDelay(new Response(null, { status: 429, headers: reset }), NOW)).toBe(9000);
    expect(
      serverRetryDelay(new Response(null, { status: 503, headers: { "retry-after": "2" } }), NOW),
    ).toBe(2000);
  });
});
