// Type-level checks, compiled by `tsc --noEmit -p .` (the typecheck task) and never run.
import { createOpsgenieClient, listAllUsers } from "../../src/index";

export async function opsgenieCallsTypeCheck(): Promise<void> {
  const client = createOpsgenieClient({ apiKey: "key", region: "eu" });

  // Correct calls compile, and none of them passes the apiKey.
  await client.GET("/v1/json/user", { params: { query: { username: "a@b.example" } } });
  await client.POST("/v1/json/user", {
    body: { username: "a@b.example", fullname: "A", role: "User" },
  });
  await client.POST("/v1/json/copyNotificationRules", {
    body: { fromUser: "a@b.example", toUsers: ["all"], ruleTypes: ["New Alert"] },
  });
  for await (const user of listAllUsers(client, { pageSize: 50, sortOrder: "DESC" }))
    void user.username;

  await client.POST("/v1/json/copyNotificationRules", {
    // @ts-expect-error `fromUser` is required
    body: { toUsers: ["all"], ruleTypes: ["all"] },
  });

  await client.POST("/v1/json/copyNotificationRules", {
    body: {
      fromUser: "a@b.example",
      toUsers: ["all"],
      // @ts-expect-error "Alert Closed" is not a rule type ("Closed Alert" is)
      ruleTypes: ["Alert Closed"],
    },
  });

  // Responses promise no attribute (OpsGenie's SDKs mark every one optional), so code must check.
  const { data } = await client.GET("/v1/json/user", { params: { query: { id: "x" } } });
  // @ts-expect-error `username` may be missing
  const username: string = data!.username;
  void username;
  // @ts-expect-error a contact's `enabled` may be null
  const enabled: boolean | undefined = data!.contacts?.[0]?.enabled;
  void enabled;

  await client.POST("/v1/json/user", {
    // @ts-expect-error a create needs `role` (the document lists it as mandatory)
    body: { username: "a@b.example", fullname: "A" },
  });

  // @ts-expect-error sortOrder is ASC or DESC
  await client.GET("/v1.2/json/user", { params: { query: { sortOrder: "UP" } } });

  // @ts-expect-error region is "us" or "eu"
  createOpsgenieClient({ apiKey: "key", region: "apac" });
}
