// The users of Rootly's listUsers `firstPage` example (315 and 317 of its documents), read from the
// bundled spec so the docs seed and the spec cannot drift apart. Their roles are links the store
// adds: the spec's `withRoles` example shows 317 as an Admin.
import type { components } from "../../generated/rootly-schema";
import { responseExample } from "../../spec/spec-examples";
import type { RootlyUserRecord } from "./rootly-store";

const WHERE = "GET /v1/users › firstPage";

export type DocumentedUser = Omit<RootlyUserRecord, "role_id" | "on_call_role_id">;

function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new Error(`the Rootly spec's example ${WHERE} lost a user's ${what}`);
  }
  return value;
}

function documented({ id, attributes, relationships }: components["schemas"]["User"]) {
  // The team shows only as the prefix of `full_name_with_team` ("[Goyette Group] Merlene Hoppe").
  const team = /^\[(.+?)\] /.exec(attributes.full_name_with_team ?? "")?.[1] ?? null;
  return {
    id,
    email: attributes.email,
    first_name: attributes.first_name ?? null,
    last_name: attributes.last_name ?? null,
    phone: attributes.phone ?? null,
    phone_2: attributes.phone_2 ?? null,
    slack_id: attributes.slack_id ?? null,
    team,
    time_zone: present(attributes.time_zone, "time_zone"),
    created_at: attributes.created_at,
    updated_at: attributes.updated_at,
    email_address_id: present(relationships?.email_addresses?.data[0]?.id, "email address"),
  };
}

/** The example's users, in the document's order. */
export function documentedUsers(): DocumentedUser[] {
  const page = responseExample("rootly", "GET /v1/users", "200", "firstPage") as {
    data?: components["schemas"]["User"][];
  };
  return present(page.data, "list").map(documented);
}
