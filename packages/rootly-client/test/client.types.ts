// Type-level tests: checked by `tsc --noEmit -p .` (the typecheck task), never executed.
import { createRootlyClient, type User } from "../src/index";

const client = createRootlyClient({ token: "t" });
const incident = { params: { path: { id: "inc" } } };

export async function correctCallsCompile(): Promise<User> {
  const result = await client.GET("/v1/users/{id}", { params: { path: { id: "317" } } });
  await client.GET("/v1/users", { params: { query: { "page[size]": 10 } }, timeoutMs: 5_000 });
  await client.POST("/v1/incidents/{id}/assign_role_to_user", {
    ...incident,
    body: { data: { type: "incidents", attributes: { user_id: "1", incident_role_id: "r" } } },
  });
  return result.data!.data;
}

export async function mistakesDoNotCompile(): Promise<void> {
  // @ts-expect-error the required path parameter `id` is missing
  await client.GET("/v1/users/{id}", { params: { path: {} } });
  // @ts-expect-error the init object with the path parameter is required
  await client.DELETE("/v1/users/{id}");
  await client.POST("/v1/incidents/{id}/assign_role_to_user", {
    ...incident,
    // @ts-expect-error `type` must be the constant "incidents"
    body: { data: { type: "users", attributes: { user_id: "1", incident_role_id: "r" } } },
  });
  await client.POST("/v1/incidents/{id}/assign_role_to_user", {
    ...incident,
    // @ts-expect-error `incident_role_id` is required
    body: { data: { type: "incidents", attributes: { user_id: "1" } } },
  });
  // @ts-expect-error page[size] is a number
  await client.GET("/v1/users", { params: { query: { "page[size]": "ten" } } });
  // @ts-expect-error the token is required
  createRootlyClient({ baseUrl: "https://example.test" });
}
