import { inspect } from "node:util";
import type { Fault } from "@rollcall/simulators";
import {
  NetworkError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  TimeoutError,
  unwrap,
  type FetchResult,
} from "@rollcall/core";
import { expect } from "vitest";

/** What a call ended with: its data, or what it threw. */
export type Outcome = { data: unknown } | { error: unknown };

export async function outcomeOf(call: () => Promise<FetchResult>): Promise<Outcome> {
  try {
    return { data: unwrap(await call()) };
  } catch (error) {
    return { error };
  }
}

type Expectation =
  | { success: true }
  | { error: abstract new (...args: never[]) => Error; vendorMessage?: string | undefined };

export interface FaultCase {
  name: string;
  fault: Fault;
  /** Per-call timeout, for the delay fault. */
  timeoutMs?: number;
  get: Expectation;
  post: Expectation;
}

/**
 * The shared fault matrix: retryable failures succeed on a retried GET and surface as typed errors
 * on a POST (never re-sent); 2xx bodies that are not JSON are parse errors for both.
 */
export function faultCases(messages: {
  rateLimit: string | undefined;
  server: (status: number) => string | undefined;
}): FaultCase[] {
  const serverErrors = ([500, 502, 503, 504] as const).map((status): FaultCase => ({
    name: `server error ${status}`,
    fault: { kind: "server-error", status },
    get: { success: true },
    post: { error: ServerError, vendorMessage: messages.server(status) },
  }));
  return [
    {
      name: "429 without Retry-After",
      fault: { kind: "rate-limit" },
      get: { success: true },
      post: { error: RateLimitError, vendorMessage: messages.rateLimit },
    },
    {
      name: "429 with Retry-After: 0",
      fault: { kind: "rate-limit", retryAfterSeconds: 0 },
      get: { success: true },
      post: { error: RateLimitError, vendorMessage: messages.rateLimit },
    },
    {
      name: "429 with a Retry-After longer than maxDelayMs",
      fault: { kind: "rate-limit", retryAfterSeconds: 30 },
      get: { error: RateLimitError, vendorMessage: messages.rateLimit },
      post: { error: RateLimitError, vendorMessage: messages.rateLimit },
    },
    ...serverErrors,
    {
      name: "a delay past the timeout",
      fault: { kind: "delay", ms: 1500 },
      timeoutMs: 150,
      get: { success: true },
      post: { error: TimeoutError },
    },
    {
      name: "connection reset",
      fault: { kind: "connection-reset" },
      get: { success: true },
      post: { error: NetworkError },
    },
    {
      name: "malformed JSON",
      fault: { kind: "malformed-json" },
      get: { error: ResponseParseError },
      post: { error: ResponseParseError },
    },
    {
      name: "an HTML error page",
      fault: { kind: "html-error-page" },
      get: { success: true },
      post: { error: ServerError, vendorMessage: undefined },
    },
    {
      name: "an empty body",
      fault: { kind: "empty-body" },
      get: { error: ResponseParseError },
      post: { error: ResponseParseError },
    },
  ];
}

export function expectOutcome(outcome: Outcome, expected: Expectation): void {
  if ("success" in expected) {
    expect(outcome).toHaveProperty("data");
    return;
  }
  expect(outcome).toHaveProperty("error");
  const { error } = outcome as { error: unknown };
  expect(error).toBeInstanceOf(expected.error);
  if ("vendorMessage" in expected) {
    expect((error as { vendorMessage?: string }).vendorMessage).toBe(expected.vendorMessage);
  }
}

/** Every way an error can be shown: none may contain a secret. */
export function expectNoSecret(value: unknown, secrets: readonly string[]): void {
  const views = [inspect(value, { depth: 10 }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) views.push(value.message, value.stack ?? "", String(value));
  for (const view of views) for (const secret of secrets) expect(view).not.toContain(secret);
}
