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

/**
 * What `call` threw at once, which must be a `type`: for checks that refuse bad input before
 * anything is sent. Throws when `call` returned instead (a promise included) or threw another thing.
 */
export function thrownBy<E>(call: () => unknown, type: abstract new (...args: never[]) => E): E {
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    if (error instanceof type) return error;
    throw new Error(`expected a ${type.name} to be thrown, got ${String(error)}`, { cause: error });
  }
  if (returned instanceof Promise) {
    returned.catch(() => {}); // Its outcome is reported below, not as an unhandled rejection.
    throw new Error(
      `expected a ${type.name} to be thrown at once, but the call returned a promise`,
    );
  }
  throw new Error(`expected a ${type.name} to be thrown, but the call returned`);
}
