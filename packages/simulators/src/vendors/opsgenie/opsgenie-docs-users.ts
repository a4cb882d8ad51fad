// The users of OpsGenie's User API document, read from the bundled spec's own examples — the get
// answer's owner (with contacts) and the list answer's two users — so the seed and the spec the
// contract tests validate against cannot drift apart.
import { responseExample } from "../../spec/spec-examples";
import type { OpsgenieUserRecord } from "./opsgenie-store";

/** A documented user: what the example says, the store's defaults filling the rest. */
export type DocumentedUser = Pick<OpsgenieUserRecord, "id" | "username" | "fullname" | "role"> &
  Partial<OpsgenieUserRecord>;

function exampleValue(path: string, example: string): unknown {
  return responseExample("opsgenie", `GET ${path}`, "200", example);
}

function documented(value: unknown, where: string): DocumentedUser {
  const user = value as Partial<Record<keyof OpsgenieUserRecord, unknown>> | null;
  const named = ["id", "username", "fullname", "role"] as const;
  if (user === null || typeof user !== "object" || named.some((k) => typeof user[k] !== "string")) {
    throw new Error(`the OpsGenie spec lost the documented user of ${where}`);
  }
  return user as DocumentedUser;
}

/** The owner of the get example and the users of the list example, in the document's order. */
export function documentedUsers(): { owner: DocumentedUser; listed: DocumentedUser[] } {
  const owner = documented(exampleValue("/v1/json/user", "owner"), "GET /v1/json/user › owner");
  const page = exampleValue("/v1.2/json/user", "sortedByFullName") as { users?: unknown } | null;
  const where = "GET /v1.2/json/user › sortedByFullName";
  const users: unknown[] = Array.isArray(page?.users) ? page.users : [];
  return { owner, listed: users.map((user, i) => documented(user, `${where} › users[${i}]`)) };
}
