// Type-level checks, compiled by `tsc --noEmit -p .` (the typecheck task) and never run.
import { createEagleClient, updateOwnerGroups } from "../../src/index";

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
