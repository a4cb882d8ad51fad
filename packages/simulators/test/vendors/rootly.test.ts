import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { responseExample } from "../../src/spec/spec-examples";
import { startRootly, type RootlySimulator } from "../../src/vendors/rootly/rootly-simulator";

const JSON_API = "application/vnd.api+json";
const INCIDENT = "af96c85d-324d-4189-9138-d393d9a12fb9";
const DOC_ROLE = "f8e941d9-1172-4544-afdc-b40f4eb20c77";
const COMMANDER = "2c1f3b0e-6a47-4a8e-9d5f-1b2c3d4e5f60";
const SCRIBE = "7d0c9a4e-3b1f-4c2d-8e5a-6f7b8c9d0e1f";

let sim: RootlySimulator;
beforeEach(async () => {
  sim = await startRootly({ seed: "docs" });
});
afterEach(async () => {
  await sim.close();
});

function call(method: string, path: string, body?: unknown, token = sim.credentials.token) {
  return fetch(`${sim.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": JSON_API }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const assignment = (user_id: string, incident_role_id: string) => ({
  data: { type: "incidents", attributes: { user_id, incident_role_id } },
});

interface IncidentBody {
  data: { relationships: { roles: { data: { id: string }[] } } };
  included: {
    attributes: { incident_role: { data: { id: string } }; user: { data: { id: string } } };
  }[];
}

const holders = (body: IncidentBody) =>
  body.included.map(
    (item) => `${item.attributes.incident_role.data.id}:${item.attributes.user.data.id}`,
  );

interface UserPage {
  data: {
    id: string;
    attributes: Record<string, unknown>;
    relationships: { email_addresses: unknown };
  }[];
}

describe("Rootly simulator", () => {
  it("answers the documented users exactly as the spec's listUsers example shows them", async () => {
    const shown = (page: UserPage) =>
      page.data.map(({ id, attributes, relationships }) => ({
        id,
        attributes,
        emailAddresses: relationships.email_addresses,
      }));
    const example = responseExample("rootly", "GET /v1/users", "200", "firstPage") as UserPage;
    const answer = (await (await call("GET", "/v1/users?page[size]=2")).json()) as UserPage;
    expect(example.data.map((user) => user.id)).toEqual(["315", "317"]);
    expect(shown(answer)).toEqual(shown(example));
  });

  it("answers the teams exactly as the spec's listTeams example shows them", async () => {
    const response = await call("GET", "/v1/teams");
    expect(response.status).toBe(200);
    const example = responseExample("rootly", "GET /v1/teams", "200", "oneTeam") as {
      data: unknown[];
    };
    expect(((await response.json()) as { data: unknown[] }).data).toEqual(example.data);
  });

  it("takes a deleted user off every team they were in or ran", async () => {
    expect((await call("DELETE", "/v1/users/317")).status).toBe(200);
    const { data } = (await (await call("GET", "/v1/teams")).json()) as {
      data: { attributes: { user_ids: number[]; admin_ids: number[] } }[];
    };
    expect(data.map((team) => [team.attributes.user_ids, team.attributes.admin_ids])).toEqual([
      [[315], []],
    ]);
  });

  it("serves the documented incident's role assignment in included, by UUID or slug", async () => {
    const response = await call(
      "POST",
      `/v1/incidents/consequatur-et-corrupti-voluptatem/assign_role_to_user`,
      assignment("317", SCRIBE),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(JSON_API);
    const body = (await response.json()) as IncidentBody;
    expect(holders(body)).toEqual([`${DOC_ROLE}:315`, `${SCRIBE}:317`]);
    expect(body.data.relationships.roles.data.map((ref) => ref.id)).toHaveLength(2);
  });

  it("moves a single-holder role to the new user and unassigns with a DELETE body", async () => {
    const assigned = (await (
      await call(
        "POST",
        `/v1/incidents/${INCIDENT}/assign_role_to_user`,
        assignment("317", DOC_ROLE),
      )
    ).json()) as IncidentBody;
    expect(holders(assigned)).toEqual([`${DOC_ROLE}:317`]);
    const unassigned = await call(
      "DELETE",
      `/v1/incidents/${INCIDENT}/unassign_role_from_user`,
      assignment("317", DOC_ROLE),
    );
    expect(holders((await unassigned.json()) as IncidentBody)).toEqual([]);
    expect(sim.store.incident(INCIDENT)?.role_assignments).toEqual([]);
  });

  it("answers 404 and 422 as JSON:API errors with string statuses", async () => {
    const missing = await call(
      "POST",
      `/v1/incidents/nope/assign_role_to_user`,
      assignment("317", COMMANDER),
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [{ title: "Record not found", status: "404", code: null, detail: null }],
    });
    const badRole = await call(
      "POST",
      `/v1/incidents/${INCIDENT}/assign_role_to_user`,
      assignment("317", "00000000-0000-4000-8000-000000000000"),
    );
    expect(badRole.status).toBe(422);
    const invalid = await call("POST", `/v1/incidents/${INCIDENT}/assign_role_to_user`, {
      data: { type: "users" },
    });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { errors: { status: string; detail: string }[] };
    expect(body.errors[0]?.status).toBe("422");
    expect(body.errors[0]?.detail).toContain("body/data");
  });

  it("wants the JSON:API media type and a bearer token", async () => {
    const plainJson = await fetch(`${sim.url}/v1/incidents/${INCIDENT}/assign_role_to_user`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${sim.credentials.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(assignment("317", COMMANDER)),
    });
    expect(plainJson.status).toBe(415);
    const wrongToken = await call("GET", "/v1/users", undefined, "wrong");
    expect(wrongToken.status).toBe(401);
    expect(await wrongToken.json()).toEqual({
      errors: [{ title: "Unauthorized", status: "401", code: null, detail: null }],
    });
  });

  it("filters users by email and search, and deletes them", async () => {
    const byEmail = (await (
      await call("GET", "/v1/users?filter[email]=DELBERT@douglas-raynor.test")
    ).json()) as { data: { id: string }[] };
    expect(byEmail.data.map((user) => user.id)).toEqual(["315"]);
    const bySearch = (await (await call("GET", "/v1/users?filter[search]=casper")).json()) as {
      data: { id: string }[];
    };
    expect(bySearch.data.map((user) => user.id)).toEqual(["317"]);
    expect((await call("DELETE", "/v1/users/315")).status).toBe(200);
    expect((await call("GET", "/v1/users/315")).status).toBe(404);
    expect((await call("GET", "/v1/users/me")).status).toBe(200);
  });

  it("links every user to its account and on-call role, and includes them when asked", async () => {
    interface UsersBody {
      data: {
        id: string;
        relationships: Record<"role" | "on_call_role", { data: { id: string; type: string } }>;
      }[];
      included?: { id: string; type: string; attributes: { name: string; slug: string } }[];
    }
    const plain = (await (await call("GET", "/v1/users")).json()) as UsersBody;
    expect(plain.included).toBeUndefined();
    const mario = plain.data.find((user) => user.id === "317")!;
    expect(mario.relationships.role.data.type).toBe("roles");
    expect(mario.relationships.on_call_role.data.type).toBe("on_call_roles");

    const withRoles = (await (
      await call("GET", "/v1/users?include=role,on_call_role")
    ).json()) as UsersBody;
    const included = (type: string, id: string) =>
      withRoles.included!.find((resource) => resource.type === type && resource.id === id)
        ?.attributes.name;
    const names = withRoles.data.map((user) => [
      user.id,
      included("roles", user.relationships.role.data.id),
      included("on_call_roles", user.relationships.on_call_role.data.id),
    ]);
    expect(names).toEqual([
      ["315", "User", "User"],
      ["317", "Admin", "Admin"],
    ]);
    // Each role once, however many users hold it.
    expect(withRoles.included).toHaveLength(4);

    const onlyRole = (await (await call("GET", "/v1/users/317?include=role")).json()) as {
      included: { type: string; attributes: { slug: string } }[];
    };
    expect(onlyRole.included.map((resource) => [resource.type, resource.attributes.slug])).toEqual([
      ["roles", "admin"],
    ]);
    expect((await call("GET", "/v1/users?include=favourites")).status).toBe(400);
  });

  it("sends X-RateLimit headers, and on a 429 the plain error body with an epoch-seconds reset", async () => {
    const ok = await call("GET", "/v1/incident_roles");
    // The quota and its window, as Rootly documents the header ("1000, 1000;window=3600").
    expect(ok.headers.get("x-ratelimit-limit")).toMatch(/^(\d+), \1;window=\d+$/);
    sim.faults.once({ kind: "rate-limit" });
    const limited = await call("GET", "/v1/users");
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: "Rate limit exceeded. Try again later." });
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(limited.headers.get("retry-after")).toBeNull();
  });
});

describe("Rootly pagination over a generated dataset", () => {
  it("walks links.next over every user exactly once, with consistent meta", async () => {
    const big = await startRootly({ seed: "docs", generatedUsers: 5_000 });
    try {
      const seen = new Set<string>();
      let next: string | null = `${big.url}/v1/users?page[size]=100`;
      let pages = 0;
      while (next) {
        const response = await fetch(next, {
          headers: { authorization: `Bearer ${big.credentials.token}` },
        });
        const body = (await response.json()) as {
          data: { id: string }[];
          links: { next: string | null; last: string };
          meta: { current_page: number; total_count: number; total_pages: number };
        };
        pages += 1;
        expect(body.meta).toMatchObject({
          current_page: pages,
          total_count: 5_002,
          total_pages: 51,
        });
        for (const user of body.data) seen.add(user.id);
        next = body.links.next;
      }
      expect(pages).toBe(51);
      expect(seen.size).toBe(5_002);
    } finally {
      await big.close();
    }
  }, 60_000);
});
