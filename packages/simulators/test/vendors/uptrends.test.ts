import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { responseExample } from "../../src/spec/spec-examples";
import {
  startUptrends,
  type UptrendsSimulator,
} from "../../src/vendors/uptrends/uptrends-simulator";

let sim: UptrendsSimulator;
beforeEach(async () => {
  sim = await startUptrends({ seed: "docs" });
});
afterEach(async () => {
  await sim.close();
});

function call(
  method: string,
  path: string,
  body?: unknown,
  authorization = sim.credentials.authorization,
) {
  return fetch(`${sim.url}${path}`, {
    method,
    headers: {
      authorization,
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const THIRD = "d2782d76-62e7-4946-a41c-fc7f86c96300";

describe("Uptrends simulator", () => {
  it("serves under /v4 and lists the documented operators as a plain array", async () => {
    expect(sim.url).toMatch(/\/v4$/);
    const operators = (await (await call("GET", "/Operator")).json()) as {
      Email: string;
      Password?: string;
    }[];
    expect(operators.map((operator) => operator.Email)).toEqual([
      "FirstOperator@acme.com",
      "SecondOperator@acme.com",
      "ThirdOperator@acme.com",
    ]);
  });

  it("creates with 201, updates and deletes with 204 and no body, never returning Password", async () => {
    const created = await call("POST", "/Operator", {
      Email: "new@acme.com",
      FullName: "New Op",
      Password: "s3cret-pass",
      AllowNativeLogin: true,
      TimeZoneId: 56,
    });
    expect(created.status).toBe(201);
    const operator = (await created.json()) as {
      OperatorGuid: string;
      Password?: string;
      IsAccountAdministrator: boolean;
    };
    expect(operator.Password).toBeUndefined();
    expect(operator.IsAccountAdministrator).toBe(false);
    const updated = await call("PUT", `/Operator/${operator.OperatorGuid}`, {
      FullName: "Renamed Op",
    });
    expect(updated.status).toBe(204);
    expect(await updated.text()).toBe("");
    expect(sim.store.operators.get(operator.OperatorGuid)?.FullName).toBe("Renamed Op");
    const patched = await call("PATCH", `/Operator/${operator.OperatorGuid}`, { IsOnDuty: false });
    expect(patched.status).toBe(204);
    expect(await patched.text()).toBe("");
    // PATCH changes only what it is sent.
    expect(sim.store.operators.get(operator.OperatorGuid)).toMatchObject({
      FullName: "Renamed Op",
      IsOnDuty: false,
      TimeZoneId: 56,
    });
    expect((await call("DELETE", `/Operator/${operator.OperatorGuid}`)).status).toBe(204);
    expect((await call("GET", `/Operator/${operator.OperatorGuid}`)).status).toBe(404);
    expect(JSON.stringify(sim.requests)).not.toContain("s3cret-pass");
  });

  it("answers body validation errors with 403 and a MessageList, bad parameters with 400", async () => {
    const invalid = await call("POST", "/Operator", { Email: "new@acme.com" });
    expect(invalid.status).toBe(403);
    const body = (await invalid.json()) as { Messages: { Message: string }[] };
    expect(body.Messages[0]?.Message).toContain("FullName");
    // A native-login operator needs a password (the v4 swagger's rule); others do not.
    const nativeWithout = await call("POST", "/Operator", {
      Email: "native@acme.com",
      FullName: "Native Op",
      AllowNativeLogin: true,
    });
    expect(nativeWithout.status).toBe(403);
    const ssoOnly = await call("POST", "/Operator", {
      Email: "sso@acme.com",
      FullName: "SSO Op",
      AllowNativeLogin: false,
      AllowSingleSignon: true,
    });
    expect(ssoOnly.status).toBe(201);
    const badGuid = await call("GET", "/Operator/not-a-guid");
    expect(badGuid.status).toBe(400);
    expect(await badGuid.json()).toMatchObject({
      Messages: [{ Message: expect.stringContaining("path.operatorGuid") }],
    });
  });

  it("lists the spec's operator groups; Everyone holds every operator, and a deleted one leaves", async () => {
    const groups = (await (await call("GET", "/OperatorGroup")).json()) as {
      OperatorGroupGuid: string;
      IsEveryone: boolean;
      IsAdministratorsGroup: boolean;
    }[];
    expect(groups).toEqual(
      responseExample("uptrends", "GET /OperatorGroup", "200", "builtInGroups") as unknown[],
    );
    const membersOf = async (guid: string) =>
      (
        (await (await call("GET", `/OperatorGroup/${guid}/Member`)).json()) as {
          OperatorGuid: string;
        }[]
      )
        .map((member) => member.OperatorGuid)
        .sort();
    const everyone = groups.find((group) => group.IsEveryone)!.OperatorGroupGuid;
    const admins = groups.find((group) => group.IsAdministratorsGroup)!.OperatorGroupGuid;
    const operators = sim.store.operators.list().map((operator) => operator.OperatorGuid);
    expect(await membersOf(everyone)).toEqual([...operators].sort());
    expect(await membersOf(admins)).toEqual(
      (
        responseExample(
          "uptrends",
          "GET /OperatorGroup/{operatorGroupGuid}/Member",
          "200",
          "administrators",
        ) as { OperatorGuid: string }[]
      ).map((m) => m.OperatorGuid),
    );
    expect((await call("DELETE", `/Operator/${THIRD}`)).status).toBe(204);
    expect(await membersOf(everyone)).not.toContain(THIRD);
    expect(
      (await call("GET", "/OperatorGroup/00000000-0000-4000-8000-000000000000/Member")).status,
    ).toBe(404);
  });

  it("refuses to delete the API account's own operator", async () => {
    const response = await call("DELETE", "/Operator/36fad910-6e9f-4886-b1a7-9b4637362cb8");
    expect(response.status).toBe(403);
  });

  it("keeps duty schedules per operator: 201 on create, 204 on update and delete", async () => {
    const before = (await (await call("GET", `/Operator/${THIRD}/DutySchedule`)).json()) as {
      Id: number;
    }[];
    expect(before.map((schedule) => schedule.Id)).toEqual([2272, 2267]);
    const created = await call("POST", `/Operator/${THIRD}/DutySchedule`, {
      ScheduleMode: "Daily",
      StartTime: "08:00",
      EndTime: "16:30",
    });
    // v4 answers 201 without content: the new schedule shows in the list.
    expect(created.status).toBe(201);
    expect(await created.text()).toBe("");
    const after = (await (await call("GET", `/Operator/${THIRD}/DutySchedule`)).json()) as {
      Id: number;
      ScheduleMode: string;
    }[];
    expect(after).toHaveLength(3);
    const { Id } = after.find((schedule) => !before.some((old) => old.Id === schedule.Id))!;
    expect(sim.store.dutySchedules.get(String(Id))?.schedule.ScheduleMode).toBe("Daily");
    const replaced = await call("PUT", `/Operator/${THIRD}/DutySchedule/${Id}`, {
      ScheduleMode: "Weekly",
      WeekDay: "Wednesday",
      StartTime: "08:00",
      EndTime: "16:30",
    });
    expect(replaced.status).toBe(204);
    expect(sim.store.dutySchedules.get(String(Id))?.schedule).toEqual({
      Id,
      ScheduleMode: "Weekly",
      WeekDay: "Wednesday",
      StartTime: "08:00",
      EndTime: "16:30",
    });
    expect((await call("DELETE", `/Operator/${THIRD}/DutySchedule/${Id}`)).status).toBe(204);
    const mixed = await call("POST", `/Operator/${THIRD}/DutySchedule`, {
      ScheduleMode: "Daily",
      WeekDay: "Monday",
      StartTime: "08:00",
      EndTime: "16:30",
    });
    expect(mixed.status).toBe(403);
  });

  it("resolves an operator's TimeZoneId through the Timezone endpoint", async () => {
    const operator = (await (await call("GET", `/Operator/${THIRD}`)).json()) as {
      TimeZoneId: number;
    };
    const zone = await call("GET", `/Timezone/${operator.TimeZoneId}`);
    expect(await zone.json()).toMatchObject({
      TimezoneId: 56,
      Description: "GMT-06:00* Central time",
      OffsetFromUtc: -360,
    });
    expect((await call("GET", "/Timezone/9999")).status).toBe(404);
  });

  it("answers 401 for wrong Basic credentials and redacts the header in the log", async () => {
    const response = await call(
      "GET",
      "/Operator",
      undefined,
      `Basic ${Buffer.from("who:wrong").toString("base64")}`,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ Messages: [{ Message: expect.any(String) }] });
    expect(sim.requests[0]?.headers.authorization).toBe("Basic [REDACTED]");
  });
});
