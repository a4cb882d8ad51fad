import { requireCredential, type AuthOptions } from "@rollcall/core";

/**
 * OpsGenie's User API v1 takes the key inside the JSON body for POST and in the query string for
 * GET and DELETE. The client puts it there on every call, so callers never pass it.
 */
export function opsgenieAuth(key: unknown): AuthOptions {
  const apiKey = requireCredential(key, {
    vendor: "opsgenie",
    operation: "createOpsgenieClient",
    field: "options.apiKey",
    description: "the OpsGenie API integration key",
  });
  return {
    query: { params: { apiKey }, methods: ["GET", "DELETE"] },
    body: { fields: { apiKey }, methods: ["POST"] },
  };
}
