import { ClientValidationError, type AuthOptions } from "@rollcall/core";

/**
 * OpsGenie's User API v1 takes the key inside the JSON body for POST and in the query string for
 * GET and DELETE. The client puts it there on every call, so callers never pass it.
 */
export function opsgenieAuth(apiKey: string): AuthOptions {
  return {
    query: { params: { apiKey }, methods: ["GET", "DELETE"] },
    body: { fields: { apiKey }, methods: ["POST"] },
  };
}

/** The key must be a usable header/query value; messages never repeat it. */
export function checkApiKey(apiKey: unknown): asserts apiKey is string {
  const fail = (message: string): never => {
    throw new ClientValidationError({
      vendor: "opsgenie",
      operation: "createOpsgenieClient",
      field: "options.apiKey",
      message,
    });
  };
  if (apiKey === undefined || apiKey === null)
    fail("is required: pass the OpsGenie API integration key");
  if (typeof apiKey !== "string")
    fail(`must be a string (the OpsGenie API integration key), got ${typeof apiKey}`);
  if ((apiKey as string).trim() === "") fail("must not be empty");
  // Whitespace or control characters would break (or inject into) the header or query string.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(apiKey as string)) {
    fail("must not contain whitespace or control characters");
  }
}
