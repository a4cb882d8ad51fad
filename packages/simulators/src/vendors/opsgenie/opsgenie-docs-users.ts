// The users of OpsGenie's User API document, read from the bundled spec's own examples — the get
// answer's owner (with contacts) and the list answer's two users — so the seed and the spec the
// contract tests validate against cannot drift apart.
import { bundledSpec } from "../../vendor-specs";
import type { OpsgenieUserRecord } from "./opsgenie-store";

/** A documented user: what the example says, the store's defaults filling the rest. */
export type DocumentedUser = Pick<OpsgenieUserRecord, "id" | "username" | "fullname" | "role"> &
  Partial<OpsgenieUserRecord>;

function exampleValue(path: string, example: string): unknown {
  const keys = ["paths", path, "get", "responses", "200", "content", "application/json"];
  let node: unknown = bundledSpec("opsgenie");
  for (const key of [...keys, "examples", example, "value"]) {
    node =
      typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : null;
  }
  return node;
}

function documented(value: unknown, where: string): DocumentedUser {
  const user = value as Partial<Record<keyof OpsgenieUserRecord, unknown>> | null;
  const named = ["id", "username", "fullname", "role"] as const;
  if (user === null || typeof user !== "object" || named.some((k) => typeof user[k] !== "string")) {
    throw new Error(`the OpsGenie spec lost the documented user of ${where}`);
  }
  // A copy: the store's records must not share arrays with the bundled spec.
  return structuredClone(user) as DocumentedUser;
}

/** The owner of the get example and the users of the list example, in the document's order. */
export function documentedUsers(): { owner: DocumentedUser; listed: DocumentedUser[] } {
  const owner = documented(exampleValue("/v1/json/user", "owner"), "GET /v1/json/user › owner");
  const page = exampleValue("/v1.2/json/user", "sortedByFullName") as { users?: unknown } | null;
  const where = "GET /v1.2/json/user › sortedByFullName";
  const users: unknown[] = Array.isArray(page?.users) ? page.users : [];
  return { owner, listed: users.map((user, i) => documented(user, `${where} › users[${i}]`)) };
}
