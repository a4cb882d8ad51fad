// Type-level checks, compiled by `tsc --noEmit -p .` (the typecheck task) and never run.
import { unwrap } from "@rollcall/core";
import { createEagleClient, updateOwnerGroups, type OwnerUpdate } from "../../src/index";

export async function eagleCallsTypeCheck(): Promise<void> {
  const client = createEagleClient({ apiKey: "key" });

  // A correct call compiles.
  await client.PUT("/api/v1/owners/account/groups/{id}", {
    params: { path: { id: "61bac74a84cac62fcbfe2c3c" } },
    body: { name: "Renamed" },
  });
  await client.PUT("/api/v1/owners/account", {
    params: { query: { attr: ["_id"], notify: "TRUE" } },
    body: { accountName: "Renamed" },
  });

  // Responses say what eagle.io may send: any owner attribute null, a group's name too.
  const owner = unwrap(await client.GET("/api/v1/owners/account"));
  // @ts-expect-error eagle.io may send `accountName` as null
  const accountName: string | undefined = owner.accountName;
  // @ts-expect-error `accountType` is an open string, not an enum: eagle.io documents a String
  const accountType: "STANDARD" | "MANAGED" | "TRIAL" | "DISABLED" | null | undefined =
    owner.accountType;
  const group = owner.groups?.[0];
  // @ts-expect-error eagle.io may send a group's `name` as null
  const groupName: string | undefined = group?.name;
  const groupId: string | undefined = group?._id;
  void [accountName, accountType, groupName, groupId];

  // Request bodies are exact: an attribute eagle.io does not update is refused at compile time.
  // (Checked on the body type: openapi-fetch's generic call signature skips excess-property checks.)
  // @ts-expect-error `slug` is not updatable
  const update: OwnerUpdate = { accountName: "x", slug: "y" };
  void update;

  // @ts-expect-error the required path parameter `id` is left out
  await client.PUT("/api/v1/owners/account/groups/{id}", { params: {}, body: { name: "x" } });

  // @ts-expect-error `notify` is "TRUE" or "FALSE", not a boolean-ish string
  await client.PUT("/api/v1/owners/account", { params: { query: { notify: "yes" } }, body: {} });

  // @ts-expect-error a new group needs its (possibly empty) `users` list
  await client.POST("/api/v1/owners/account/groups", { body: [{ name: "x" }] });

  // @ts-expect-error the destructive helper demands the literal `true`
  await updateOwnerGroups(client, [], { deleteUnmatchedGroups: false });

  // @ts-expect-error the apiKey is required
  createEagleClient({});
}
