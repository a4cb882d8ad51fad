import { operationCoverage } from "@rollcall/simulators";
import { ClientValidationError, NotFoundError, unwrap } from "@rollcall/core";
import { beforeEach, describe, expect, it } from "vitest";
import { createOpsgenieClient, type OpsgenieClient } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";
import packageJson from "../package.json" with { type: "json" };

// Every contract test names the operation it exercises, so an untested spec operation fails.
const coverage = operationCoverage("opsgenie");
function contract(operationId: string, name: string, fn: () => Promise<void>): void {
  coverage.cover(operationId);
  it(`${operationId}: ${name}`, fn);
}

// Both seeds: the document's users for v1, Harbourline's teams, schedules and escalations for v2.
const env = useOpsgenieSimulator("both");
let client: OpsgenieClient;
beforeEach(() => {
  client = env.client();
});

const JOHN = "ac463592-dbd2-4ca3-a651-48fdf5e5c871";
const KAAN = "1efbae5f-dc44-443e-8476-daf2e0b9165b";

async function rejection(promise: Promise<unknown>): Promise<ClientValidationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ClientValidationError);
    return error as ClientValidationError;
  }
  throw new Error("expected the call to be refused");
}

describe("OpsGenie contract", () => {
  contract("createOrUpdateUser", "creates a user; it can be read back", async () => {
    const saved = unwrap(
      await client.POST("/v1/json/user", {
        body: {
          username: "jane.doe@example.com",
          fullname: "Jane Doe",
          role: "User",
          locale: "en_GB",
        },
      }),
    );
    expect(saved.status).toBe("successful");
    expect(env.sim.store.users.get(saved.id)).toMatchObject({
      username: "jane.doe@example.com",
      locale: "en_GB",
    });
    // The key travelled in the body, never in the URL.
    const request = env.sim.requests.at(-1)!;
    expect((request.body as { apiKey?: string }).apiKey).toBeDefined();
    expect(request.query.apiKey).toBeUndefined();
  });

  contract("createOrUpdateUser", "updates a user named by id", async () => {
    const saved = unwrap(await client.POST("/v1/json/user", { body: { id: KAAN, role: "Admin" } }));
    expect(saved.id).toBe(KAAN);
    expect(env.sim.store.users.get(KAAN)?.role).toBe("Admin");
  });

  contract("getUser", "reads a user by id and by username", async () => {
    const byId = unwrap(await client.GET("/v1/json/user", { params: { query: { id: JOHN } } }));
    expect(byId.username).toBe("john.smith@example.com");
    expect(byId.contacts).toHaveLength(5);
    expect(env.sim.requests.at(-1)!.query.apiKey).toBeDefined();
    const byName = unwrap(
      await client.GET("/v1/json/user", { params: { query: { username: "kaan@example.com" } } }),
    );
    expect(byName.id).toBe(KAAN);
  });

  contract("deleteUser", "deletes a user; reading it afterwards is a 404", async () => {
    const answer = unwrap(
      await client.DELETE("/v1/json/user", { params: { query: { id: KAAN } } }),
    );
    expect(answer.status).toBe("successful");
    expect(env.sim.store.users.get(KAAN)).toBeUndefined();
    const after = await client.GET("/v1/json/user", { params: { query: { id: KAAN } } });
    expect(() => unwrap(after)).toThrow(NotFoundError);
  });

  contract("listUsers", "lists a page with limit, offset and sort", async () => {
    const page = unwrap(
      await client.GET("/v1.2/json/user", {
        params: { query: { limit: 2, offset: 1, sortField: "fullName", sortOrder: "DESC" } },
      }),
    );
    const expected = env.sim.store.users
      .list()
      .map((user) => user.fullname)
      .sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()))
      .slice(1, 3);
    expect(page.users?.map((user) => user.fullname)).toEqual(expected);
    expect(env.sim.requests.at(-1)!.query).toMatchObject({ limit: "2", offset: "1" });
  });

  contract("copyNotificationRules", "copies rules to another user", async () => {
    const answer = unwrap(
      await client.POST("/v1/json/copyNotificationRules", {
        body: {
          fromUser: "john.smith@example.com",
          toUsers: ["kaan@example.com"],
          ruleTypes: ["Closed Alert"],
        },
      }),
    );
    expect(answer.status).toBe("process started");
    expect(env.sim.store.users.get(KAAN)?.notificationRules).toContainEqual({
      type: "Closed Alert",
      name: "Tell me when it closes",
    });
  });

  /** The last request carried the key as the GenieKey header only (the log shows it redacted). */
  const sentGenieKeyOnly = () => {
    const request = env.sim.requests.at(-1)!;
    expect(request.headers.authorization).toBeDefined();
    expect(request.query.apiKey).toBeUndefined();
  };
  const sre = () => env.sim.store.access.teams.find((team) => team.name === "SRE")!;
  const schedule = () => env.sim.store.access.schedules.list()[0]!;

  contract("listUsersV2", "lists users with their role object, blocked and verified", async () => {
    const page = unwrap(await client.GET("/v2/users", { params: { query: { limit: 2 } } }));
    expect(page.data).toHaveLength(2);
    expect(page.totalCount).toBe(env.sim.store.users.size);
    expect(page.data?.[0]).toMatchObject({ role: { name: expect.any(String) }, blocked: false });
    sentGenieKeyOnly();
    // The v1 listing of the same store still takes the key in the query, not the header.
    await client.GET("/v1.2/json/user", { params: { query: { limit: 1 } } });
    const v1 = env.sim.requests.at(-1)!;
    expect(v1.query.apiKey).toBeDefined();
    expect(v1.headers.authorization).toBeUndefined();
  });

  contract("listCustomUserRoles", "lists the custom roles", async () => {
    const roles = unwrap(await client.GET("/v2/roles"));
    expect(roles.data?.map((role) => [role.name, role.extendedRole])).toEqual([
      ["Incident Lead", "user"],
    ]);
    sentGenieKeyOnly();
  });

  contract("listTeams", "lists teams without members", async () => {
    const teams = unwrap(await client.GET("/v2/teams"));
    expect(teams.data?.map((team) => team.name).sort()).toEqual(["SRE", "Warehouse"]);
    expect(teams.data?.every((team) => team.members === undefined)).toBe(true);
    sentGenieKeyOnly();
  });

  contract("getTeam", "reads a team's members and roles, by id or by name", async () => {
    const path = { identifier: sre().id };
    const byId = unwrap(await client.GET("/v2/teams/{identifier}", { params: { path } }));
    expect(byId.data?.members?.map((m) => m.role).sort()).toEqual(["admin", "user", "user"]);
    const byName = unwrap(
      await client.GET("/v2/teams/{identifier}", {
        params: { path: { identifier: "SRE" }, query: { identifierType: "name" } },
      }),
    );
    expect(byName.data?.id).toBe(sre().id);
    sentGenieKeyOnly();
    const missing = await client.GET("/v2/teams/{identifier}", {
      params: { path: { identifier: "nope" } },
    });
    expect(() => unwrap(missing)).toThrow(NotFoundError);
  });

  contract("removeTeamMember", "takes a user off a team", async () => {
    const member = sre().members.find((m) => m.role === "user")!;
    unwrap(
      await client.DELETE("/v2/teams/{identifier}/members/{memberIdentifier}", {
        params: { path: { identifier: sre().id, memberIdentifier: member.userId } },
      }),
    );
    expect(sre().members.map((m) => m.userId)).not.toContain(member.userId);
    sentGenieKeyOnly();
  });

  contract("listSchedules", "lists schedules, with rotations only when expanded", async () => {
    const plain = unwrap(await client.GET("/v2/schedules"));
    expect(plain.data?.[0]?.rotations).toBeUndefined();
    const expanded = unwrap(
      await client.GET("/v2/schedules", { params: { query: { expand: ["rotation"] } } }),
    );
    const participants = expanded.data?.[0]?.rotations?.[0]?.participants ?? [];
    expect(participants.map((p) => p.type)).toEqual(["user", "user", "user"]);
    expect(participants.every((p) => p.username?.endsWith("harbourline.example"))).toBe(true);
    sentGenieKeyOnly();
  });

  contract("getOnCalls", "says who is on call: the rotation's first user", async () => {
    const first = schedule().rotations[0]!.participants[0] as { userId: string };
    const path = { identifier: schedule().id };
    const now = unwrap(
      await client.GET("/v2/schedules/{identifier}/on-calls", { params: { path } }),
    );
    expect(now.data?.onCallParticipants?.map((p) => p.id)).toEqual([first.userId]);
    const flat = unwrap(
      await client.GET("/v2/schedules/{identifier}/on-calls", {
        params: { path, query: { flat: true } },
      }),
    );
    expect(flat.data?.onCallRecipients).toEqual([env.sim.store.users.get(first.userId)!.username]);
    sentGenieKeyOnly();
  });

  contract("updateScheduleRotation", "replaces a rotation's participants", async () => {
    const rotation = schedule().rotations[0]!;
    const last = rotation.participants.at(-1) as { userId: string };
    const answer = unwrap(
      await client.PATCH("/v2/schedules/{identifier}/rotations/{id}", {
        params: { path: { identifier: schedule().id, id: rotation.id } },
        body: { participants: [{ type: "user", id: last.userId }] },
      }),
    );
    expect(answer.data?.id).toBe(rotation.id);
    expect(schedule().rotations[0]!.participants).toEqual([{ type: "user", userId: last.userId }]);
    sentGenieKeyOnly();
    // So the one left is on call now.
    const path = { identifier: schedule().id };
    const now = unwrap(
      await client.GET("/v2/schedules/{identifier}/on-calls", { params: { path } }),
    );
    expect(now.data?.onCallParticipants?.map((p) => p.id)).toEqual([last.userId]);
  });

  contract(
    "listEscalations",
    "lists escalations whose rules name a schedule and a user",
    async () => {
      const escalations = unwrap(await client.GET("/v2/escalations"));
      const recipients = escalations.data?.[0]?.rules?.map((rule) => rule.recipient.type);
      expect(recipients).toEqual(["schedule", "user"]);
      sentGenieKeyOnly();
    },
  );

  it("has a contract test for every operation in the opsgenie spec", () => {
    expect(coverage.uncovered()).toEqual([]);
  });
});

describe("checks before sending", () => {
  it.each([
    ["limit 0", { limit: 0 }, "params.query.limit"],
    ["limit 101", { limit: 101 }, "params.query.limit"],
    ["limit 2.5", { limit: 2.5 }, "params.query.limit"],
    ["offset -1", { offset: -1 }, "params.query.offset"],
  ])("refuses a list with %s", async (_label, query, field) => {
    const error = await rejection(client.GET("/v1.2/json/user", { params: { query } }));
    expect(error.field).toBe(field);
    expect(env.sim.requestCount()).toBe(0);
  });

  it.each([
    ["GET", "both id and username", { id: JOHN, username: "john.smith@example.com" }],
    ["GET", "neither id nor username", {}],
    ["DELETE", "both id and username", { id: JOHN, username: "john.smith@example.com" }],
    ["DELETE", "neither id nor username", {}],
  ] as const)("refuses a %s /v1/json/user with %s", async (method, _label, query) => {
    const call =
      method === "GET"
        ? client.GET("/v1/json/user", { params: { query } })
        : client.DELETE("/v1/json/user", { params: { query } });
    const error = await rejection(call);
    expect(error.field).toBe("params.query");
    expect(env.sim.requestCount()).toBe(0);
    expect(env.sim.store.users.get(JOHN)).toBeDefined();
  });

  it("refuses a create without a full name and an update that changes the username", async () => {
    const create = await rejection(
      client.POST("/v1/json/user", { body: { username: "x@example.com", role: "User" } as never }),
    );
    expect(create.field).toBe("body.fullname");
    const update = await rejection(
      client.POST("/v1/json/user", { body: { id: KAAN, username: "new@example.com" } as never }),
    );
    expect(update.field).toBe("body.username");
    const copy = await rejection(
      client.POST("/v1/json/copyNotificationRules", {
        body: { fromUser: "john.smith@example.com", toUsers: [], ruleTypes: ["all"] },
      }),
    );
    expect(copy.field).toBe("body.toUsers");
    expect(env.sim.requestCount()).toBe(0);
  });
});

describe("createOpsgenieClient", () => {
  // Key checks every vendor shares are in tools/conformance (credentials.test.ts).
  it.each([["unknown region", { apiKey: "k", region: "apac" }, "options.region"]])(
    "refuses a %s option",
    (_label, options, field) => {
      let error: unknown;
      try {
        createOpsgenieClient(options as never);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ClientValidationError);
      expect((error as ClientValidationError).field).toBe(field);
    },
  );

  it.each([
    ["apac", 'must be "us" or "eu", got "apac"'],
    ["EU", 'must be "us" or "eu", got "EU"'],
    [5, 'must be "us" or "eu", got "5"'],
    // A long value is cut short, so a key pasted into the wrong option is not echoed whole.
    ["x".repeat(60), `must be "us" or "eu", got "${"x".repeat(39)}`],
  ])("says which regions exist when given %s", (region, message) => {
    let error: unknown;
    try {
      createOpsgenieClient({ apiKey: "k", region } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      vendor: "opsgenie",
      operation: "createOpsgenieClient",
      field: "options.region",
      message: `opsgenie createOpsgenieClient: options.region ${message}`,
    });
  });

  it.each([
    [undefined, "https://api.opsgenie.com/v1.2/json/user"],
    ["us", "https://api.opsgenie.com/v1.2/json/user"],
    ["eu", "https://api.eu.opsgenie.com/v1.2/json/user"],
  ] as const)("region %s selects its base URL", async (region, expected) => {
    let url = "";
    const regional = createOpsgenieClient({
      apiKey: "test-key",
      ...(region === undefined ? {} : { region }),
      // A stand-in fetch: nothing leaves the process.
      fetch: async (request) => {
        url = request.url;
        return Response.json({ users: [] });
      },
    });
    unwrap(await regional.GET("/v1.2/json/user"));
    expect(url.split("?")[0]).toBe(expected);
  });

  it("sends a User-Agent naming this package and version", async () => {
    unwrap(await client.GET("/v1.2/json/user"));
    expect(env.sim.requests.at(-1)!.headers["user-agent"]).toContain(
      `@rollcall/opsgenie-client/${packageJson.version}`,
    );
  });
});
