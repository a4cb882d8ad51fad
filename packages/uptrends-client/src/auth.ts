import {
  basicAuthorization,
  ClientValidationError,
  requireCredential,
  type AuthOptions,
} from "@rollcall/core";

const site = { vendor: "uptrends", operation: "createUptrendsClient" };

/** Uptrends authenticates with HTTP Basic: the API account's user name and password. */
export function uptrendsAuth(username: unknown, password: unknown): AuthOptions {
  const user = requireCredential(username, { ...site, field: "options.username" });
  const secret = requireCredential(password, { ...site, field: "options.password" });
  // RFC 7617: the user-id cannot contain a colon (the server would split the pair there).
  if (user.includes(":")) {
    throw new ClientValidationError({
      vendor: "uptrends",
      operation: "createUptrendsClient",
      field: "options.username",
      message: "must not contain a colon (HTTP Basic separates user name and password with one)",
    });
  }
  return { headers: { Authorization: basicAuthorization(user, secret) } };
}
