import { NotFoundError, unwrap } from "@rollcall/core";
import { operationCoverage } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import type { UptrendsClient } from "../src/index";
import { THIRD_OPERATOR, useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("both");
// Every contract test names the operation it exercises, so an untested spec operation fails.
const coverage = operationCoverage("uptrends");
function contract(operationId: string, fn: () => Promise<void>): void {
  coverage.cover(operationId);
  it(`${operationId} round-trips through the typed client`, fn);
}

async function newOperator(client: UptrendsClient) {
  return unwrap(
    await client.POST("/Operator", {
      body: { FullName: "Fifth Operator", Email: "FifthOperator@acme.test", TimeZoneId: 56 },
    }),
  );
}

describe("Uptrends contract", () => {
  contract("listOperators", async () => {
    const operators = unwrap(await env.client().GET("/Operator"));
    expect(operators.map((o) => o.OperatorGuid).sort()).toEqual(
      env.sim.store.operators
        .list()
        .map((o) => o.OperatorGuid)
        .sort(),
    );
    expect(operators.some((o) => "Password" in o)).toBe(false);
  });

  contract("createOperator", async () => {
    const client = env.client();
    const { response } = await client.POST("/Operator", {
      body: { FullName: "Fifth Operator", Email: "FifthOperator@acme.test" },
    });
    expect(response.status).toBe(201);
    const created = await newOperator(env.client()).catch((error: unknown) => error);
    // The same address twice is a validation failure (403) with Uptrends' message.
    expect(created).toMatchObject({
      name: "BadRequestError",
      status: 403,
      vendorMessage: "An operator with this e-mail address already exists.",
    });
    const stored = env.sim.store.operators.find((o) => o.Email === "FifthOperator@acme.test");
    expect(stored?.FullName).toBe("Fifth Operator");
    const read = unwrap(
      await client.GET("/Operator/{operatorGuid}", {
        params: { path: { operatorGuid: stored!.OperatorGuid } },
      }),
    );
    expect(read.Email).toBe("FifthOperator@acme.test");
  });

  it("createOperator refuses native login without a password, as the v4 swagger says", async () => {
    const client = env.client();
    const body = { FullName: "Sixth Operator", Email: "SixthOperator@acme.test" };
    // @ts-expect-error AllowNativeLogin: true needs a Password
    const refused = await client.POST("/Operator", { body: { ...body, AllowNativeLogin: true } });
    expect(refused.response.status).toBe(403);
    expect(JSON.stringify(refused.error)).toContain("Password");
    expect(env.sim.store.operators.find((o) => o.Email === body.Email)).toBeUndefined();
    const created = unwrap(
      await client.POST("/Operator", {
        body: { ...body, AllowNativeLogin: true, Password: "correct-horse-battery-staple" },
      }),
    );
    expect(created).toMatchObject({ Email: body.Email, AllowNativeLogin: true });
    expect(created).not.toHaveProperty("Password");
  });

  contract("listOperatorGroups", async () => {
    const groups = unwrap(await env.client().GET("/OperatorGroup"));
    expect(groups).toEqual(
      env.sim.store.operatorGroups.list().map(({ members: _members, ...group }) => group),
    );
    expect(groups.filter((group) => group.IsAdministratorsGroup)).toHaveLength(1);
  });

  contract("listOperatorGroupMembers", async () => {
    const [everyone] = env.sim.store.operatorGroups.filter((group) => group.IsEveryone);
    const members = unwrap(
      await env.client().GET("/OperatorGroup/{operatorGroupGuid}/Member", {
        params: { path: { operatorGroupGuid: everyone!.OperatorGroupGuid } },
      }),
    );
    expect(members.map((member) => member.OperatorGuid).sort()).toEqual(
      env.sim.store.operators
        .list()
        .map((operator) => operator.OperatorGuid)
        .sort(),
    );
    const missing = await env.client().GET("/OperatorGroup/{operatorGroupGuid}/Member", {
      params: { path: { operatorGroupGuid: "00000000-0000-4000-8000-000000000000" } },
    });
    expect(() => unwrap(missing)).toThrow(NotFoundError);
  });

  contract("listOperatorAuthorizations", async () => {
    const list = async (operatorGuid: string) =>
      env.client().GET("/Operator/{operatorGuid}/Authorization", {
        params: { path: { operatorGuid } },
      });
    const administrator = env.sim.store.operators.find((o) => o.IsAccountAdministrator)!;
    expect(unwrap(await list(administrator.OperatorGuid))).toEqual(
      expect.arrayContaining(["AccountAccess", "AccountAdministrator"]),
    );
    const other = env.sim.store.operators.find((o) => !o.IsAccountAdministrator)!;
    expect(unwrap(await list(other.OperatorGuid))).toContain("AccountAccess");
    const missing = await list("00000000-0000-4000-8000-000000000000");
    expect(() => unwrap(missing)).toThrow(NotFoundError);
  });

  contract("getOperator", async () => {
    const operator = unwrap(
      await env.client().GET("/Operator/{operatorGuid}", {
        params: { path: { operatorGuid: THIRD_OPERATOR } },
      }),
    );
    expect(operator).toMatchObject({ FullName: "Third Operator", TimeZoneId: 56 });
  });

  contract("updateOperator", async () => {
    const result = await env.client().PUT("/Operator/{operatorGuid}", {
      params: { path: { operatorGuid: THIRD_OPERATOR } },
      body: { FullName: "Third Operator Renamed", TimeZoneId: null },
    });
    // 204 without a body is success, not a parse error.
    expect(result.response.status).toBe(204);
    expect(unwrap(result)).toBeUndefined();
    expect(env.sim.store.operators.get(THIRD_OPERATOR)).toMatchObject({
      FullName: "Third Operator Renamed",
      TimeZoneId: null,
    });
  });

  contract("patchOperator", async () => {
    const before = env.sim.store.operators.get(THIRD_OPERATOR)!;
    const result = await env.client().PATCH("/Operator/{operatorGuid}", {
      params: { path: { operatorGuid: THIRD_OPERATOR } },
      body: { IsOnDuty: true, TimeZoneId: null },
    });
    expect(result.response.status).toBe(204);
    expect(unwrap(result)).toBeUndefined();
    const read = unwrap(
      await env.client().GET("/Operator/{operatorGuid}", {
        params: { path: { operatorGuid: THIRD_OPERATOR } },
      }),
    );
    // Only the attributes sent change; the rest are kept.
    expect(read).toMatchObject({ IsOnDuty: true, TimeZoneId: null });
    expect(read).toMatchObject({
      FullName: before.FullName,
      Email: before.Email,
      MobilePhone: before.MobilePhone,
      SmsProvider: before.SmsProvider,
    });
    const unknown = await env.client().PATCH("/Operator/{operatorGuid}", {
      params: { path: { operatorGuid: "00000000-0000-4000-8000-000000000000" } },
      body: { IsOnDuty: false },
    });
    expect(() => unwrap(unknown)).toThrow(NotFoundError);
  });

  contract("deleteOperator", async () => {
    const client = env.client();
    const created = await newOperator(client);
    const path = { params: { path: { operatorGuid: created.OperatorGuid! } } };
    const result = await client.DELETE("/Operator/{operatorGuid}", path);
    expect(result.response.status).toBe(204);
    expect(env.sim.store.operators.get(created.OperatorGuid!)).toBeUndefined();
    expect(() => unwrap(result)).not.toThrow();
    const gone = await client.GET("/Operator/{operatorGuid}", path);
    expect(() => unwrap(gone)).toThrow(NotFoundError);
  });

  contract("listOperatorDutySchedules", async () => {
    const schedules = unwrap(
      await env.client().GET("/Operator/{operatorGuid}/DutySchedule", {
        params: { path: { operatorGuid: THIRD_OPERATOR } },
      }),
    );
    expect(schedules).toEqual(env.sim.store.schedulesOf(THIRD_OPERATOR));
    expect(schedules.length).toBeGreaterThan(0);
  });

  contract("createOperatorDutySchedule", async () => {
    const client = env.client();
    const path = { params: { path: { operatorGuid: THIRD_OPERATOR } } };
    const before = unwrap(await client.GET("/Operator/{operatorGuid}/DutySchedule", path));
    const result = await client.POST("/Operator/{operatorGuid}/DutySchedule", {
      ...path,
      body: { ScheduleMode: "Weekly", WeekDay: "Thursday", StartTime: "08:00", EndTime: "16:30" },
    });
    // v4 answers 201 without content: success, and the new schedule shows in the list.
    expect(result.response.status).toBe(201);
    expect(unwrap(result)).toBeUndefined();
    const after = unwrap(await client.GET("/Operator/{operatorGuid}/DutySchedule", path));
    const added = after.filter((schedule) => !before.some((old) => old.Id === schedule.Id));
    expect(added).toEqual([
      {
        Id: expect.any(Number),
        ScheduleMode: "Weekly",
        WeekDay: "Thursday",
        StartTime: "08:00",
        EndTime: "16:30",
      },
    ]);
  });

  contract("updateOperatorDutySchedule", async () => {
    const [schedule] = env.sim.store.schedulesOf(THIRD_OPERATOR);
    const result = await env
      .client()
      .PUT("/Operator/{operatorGuid}/DutySchedule/{dutyScheduleId}", {
        params: { path: { operatorGuid: THIRD_OPERATOR, dutyScheduleId: schedule!.Id } },
        body: { ScheduleMode: "Daily", StartTime: "22:00", EndTime: "23:59" },
      });
    expect(result.response.status).toBe(204);
    expect(env.sim.store.dutySchedules.get(String(schedule!.Id))?.schedule).toEqual({
      Id: schedule!.Id,
      ScheduleMode: "Daily",
      StartTime: "22:00",
      EndTime: "23:59",
    });
  });

  contract("deleteOperatorDutySchedule", async () => {
    const [schedule] = env.sim.store.schedulesOf(THIRD_OPERATOR);
    const result = await env
      .client()
      .DELETE("/Operator/{operatorGuid}/DutySchedule/{dutyScheduleId}", {
        params: { path: { operatorGuid: THIRD_OPERATOR, dutyScheduleId: schedule!.Id } },
      });
    expect(result.response.status).toBe(204);
    expect(env.sim.store.dutySchedules.get(String(schedule!.Id))).toBeUndefined();
  });

  contract("listTimezones", async () => {
    const zones = unwrap(await env.client().GET("/Timezone"));
    expect(zones.map((z) => z.TimezoneId)).toEqual(
      env.sim.store.timezones.list().map((z) => z.TimezoneId),
    );
  });

  contract("getTimezone", async () => {
    const zone = unwrap(
      await env.client().GET("/Timezone/{timezoneId}", { params: { path: { timezoneId: 56 } } }),
    );
    expect(zone).toMatchObject({ TimezoneId: 56, OffsetFromUtc: -360 });
  });

  it("sends Basic auth, Accept: application/json and a versioned User-Agent", async () => {
    await env.client().GET("/Timezone");
    const [request] = env.sim.requests;
    expect(request!.status).toBe(200);
    expect(request!.headers.accept).toBe("application/json");
    expect(request!.headers["user-agent"]).toMatch(
      new RegExp(`^@rollcall/uptrends-client/${packageJson.version.replaceAll(".", "\\.")}( |$)`),
    );
  });

  it("has a contract test for every operation in the uptrends spec", () => {
    expect(coverage.uncovered()).toEqual([]);
  });
});
