import { inspect } from "node:util";

/** What a call ended with: the value it returned, or what it threw. */
export type CallOutcome = { data: unknown } | { error: unknown };

/** Runs `call` and keeps its value or its error, so a test can inspect either. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<CallOutcome> {
  try {
    return { data: await call() };
  } catch (error) {
    return { error };
  }
}

/**
 * Every way `value` (an error, a hook payload, …) can be shown — util.inspect, JSON.stringify, and
 * for errors message, stack and String() — that contains one of `secrets`. Empty when none leaks.
 */
export function secretLeaks(value: unknown, secrets: readonly string[]): string[] {
  const views: [string, string][] = [
    ["inspect", inspect(value, { depth: 10 })],
    ["JSON", JSON.stringify(value) ?? ""],
  ];
  if (value instanceof Error) {
    views.push(["message", value.message], ["stack", value.stack ?? ""], ["String", String(value)]);
  }
  const leaks: string[] = [];
  for (const [view, text] of views) {
    secrets.forEach((secret, index) => {
      // Name the secret by position only: the report must not leak it either.
      if (secret !== "" && text.includes(secret)) leaks.push(`${view} shows secret #${index}`);
    });
  }
  return leaks;
}
