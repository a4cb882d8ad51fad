import { ClientValidationError, type AuthOptions } from "@rollcall/core";

/** eagle.io authenticates every request with the API key in the `X-Api-Key` header. */
export function eagleAuth(apiKey: string): AuthOptions {
  return { headers: { "X-Api-Key": apiKey } };
}

/** The key must be a usable header/query value; messages never repeat it. */
export function checkApiKey(apiKey: unknown): asserts apiKey is string {
  const fail = (message: string): never => {
    throw new ClientValidationError({
      vendor: "eagle",
      operation: "createEagleClient",
      field: "options.apiKey",
      message,
    });
  };
  if (apiKey === undefined || apiKey === null) fail("is required: pass the eagle.io API key");
  if (typeof apiKey !== "string")
    fail(`must be a string (the eagle.io API key), got ${typeof apiKey}`);
  if ((apiKey as string).trim() === "") fail("must not be empty");
  // Whitespace or control characters would break (or inject into) the header or query string.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(apiKey as string)) {
    fail("must not contain whitespace or control characters");
  }
}
