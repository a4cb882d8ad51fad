import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { demoOrganisation } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import {
  OPERATOR_KIND,
  createUptrendsClient,
  pullAccounts,
  toAccounts,
  type Operator,
  type PullProgress,
} from "../src/index";
import { useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("demo");

// From specs/uptrends.yaml: the listOperators example, getOperator's Third Operator, the
// createOperator example's culture, and the getTimezone example.
const firstOperator = {
  OperatorGuid: "36fad910-6e9f-4886-b1a7-9b4637362cb8",
  FullName: "First Operator",
  Email: "FirstOperator@acme.com",
  MobilePhone: "",
  IsAccountAdministrator: true,
  BackupEmail: " FirstOperator@gmail.com ",
  IsOnDuty: true,
  SmsProvider: "UseAccountSetting",
  AllowNativeLogin: true,
  AllowSingleSignon: false,
} satisfies Operator;
const thirdOperator = {
  OperatorGuid: "d2782d76-62e7-4946-a41c-fc7f86c96300",
  FullName: "Third Operator",
  Email: "ThirdOperator@acme.com",
  MobilePhone: "+31612345678",
  IsAccountAdministrator: false,
  BackupEmail: "",
  IsOnDuty: false,
  CultureName: "nl-NL",
  TimeZoneId: 56,
  SmsProvider: "SmsProviderUSA",
  UseNumericSender: false,
  AllowNativeLogin: true,
  AllowSingleSignon: false,
} satisfies Operator;
const centralTime = {
  TimezoneId: 56,
  Description: "GMT-06:00* Central time",
  OffsetFromUtc: -360,
  HasDaylightSaving: true,
  DaylightSavingOffset: 60,
};

describe("toAccounts", () => {
  it("normalises the spec's example operators", () => {
    const { accounts, issues } = toAccounts([firstOperator, thirdOperator], {
      timezones: [centralTime],
    });
    expect(issues).toEqual([]);
    const [first, third] = accounts;
    expect(first!.source).toEqual({
      vendor: "uptrends",
      kind: "uptrends.operator",
      id: "36fad910-6e9f-4886-b1a7-9b4637362cb8",
    });
    expect(first!.emails).toEqual([
      { value: "FirstOperator@acme.com", normalized: "firstoperator@acme.com", kind: "primary" },
      { value: " FirstOperator@gmail.com ", normalized: "firstoperator@gmail.com", kind: "backup" },
    ]);
    expect(first!.role).toEqual({ level: "admin", raw: "AccountAdministrator" });
    expect(third!.role).toEqual({ level: "member", raw: "Operator" });
    expect(first!.phones).toEqual([]);
    expect(third!.phones).toEqual([{ raw: "+31612345678", e164: "+31612345678" }]);
    // TimeZoneId 56 resolves to an offset, never to a guessed IANA zone.
    expect(third!.timezone).toEqual({
      iana: null,
      raw: "GMT-06:00* Central time",
      precision: "offset",
      utcOffsetMinutes: -360,
    });
    expect(first!.timezone.precision).toBe("unknown");
    expect(third!.locale).toEqual({ tag: "nl-NL", raw: "nl-NL" });
    expect(first!.locale.tag).toBeNull();
    // Uptrends operators carry no creation time.
    expect(third!.createdAt).toBeNull();
    expect(third!.status).toBe("active");
    expect(third!.extras).toMatchObject({ isOnDuty: false, timeZoneId: 56 });
    expect(third!.provenance).toMatchObject({
      "emails[0]": "Email",
      "phones[0]": "MobilePhone",
      locale: "CultureName",
      role: "IsAccountAdministrator",
    });
  });

  it("records where each field came from, and keeps the on-duty flag and zone id", () => {
    const [first, third] = toAccounts([firstOperator, thirdOperator], {
      timezones: [centralTime],
    }).accounts;
    // Given and family names are split from FullName (and listed in names.derived).
    const names = {
      "names.display": "FullName",
      "names.given": "FullName",
      "names.family": "FullName",
    };
    expect(first!.provenance).toEqual({
      "emails[0]": "Email",
      "emails[1]": "BackupEmail",
      ...names,
      role: "IsAccountAdministrator",
      status: "AllowNativeLogin + AllowSingleSignon",
      "extras.isOnDuty": "IsOnDuty",
    });
    expect(third!.provenance).toEqual({
      "emails[0]": "Email",
      ...names,
      "phones[0]": "MobilePhone",
      timezone: "TimeZoneId → Timezone.Description",
      locale: "CultureName",
      role: "IsAccountAdministrator",
      status: "AllowNativeLogin + AllowSingleSignon",
      "extras.isOnDuty": "IsOnDuty",
      "extras.timeZoneId": "TimeZoneId",
    });
    expect(first!.extras).toEqual({ isOnDuty: true });
    expect(third!.extras).toEqual({ isOnDuty: false, timeZoneId: 56 });
    // Single sign-on off but native login on: the operator can still sign in.
    expect(first!.status).toBe("active");
    const [ssoOnly] = toAccounts({
      ...firstOperator,
      AllowNativeLogin: false,
      AllowSingleSignon: true,
    }).accounts;
    expect(ssoOnly!.status).toBe("active");
  });

  it.each([
    [
      "a description naming one zone, when it agrees with the offset",
      { Description: "GMT+09:00 Osaka, Sapporo, Tokyo", OffsetFromUtc: 540 },
      {
        iana: "Asia/Tokyo",
        raw: "GMT+09:00 Osaka, Sapporo, Tokyo",
        precision: "offset",
        utcOffsetMinutes: 540,
      },
    ],
    [
      "the offset, when the description disagrees with it",
      { Description: "GMT+09:00 Osaka, Sapporo, Tokyo", OffsetFromUtc: 600 },
      {
        iana: null,
        raw: "GMT+09:00 Osaka, Sapporo, Tokyo",
        precision: "offset",
        utcOffsetMinutes: 600,
      },
    ],
    [
      "the offset, with the zone id as raw when there is no description",
      { OffsetFromUtc: 60 },
      { iana: null, raw: 7, precision: "offset", utcOffsetMinutes: 60 },
    ],
    [
      "nothing, when neither the description nor the offset can be read",
      { Description: "Somewhere", OffsetFromUtc: 99_999 },
      { iana: null, raw: 7, precision: "unknown", utcOffsetMinutes: null },
    ],
    [
      "nothing, when the description cannot be read and the offset is null (off-spec)",
      { Description: "Somewhere", OffsetFromUtc: null as never },
      { iana: null, raw: 7, precision: "unknown", utcOffsetMinutes: null },
    ],
  ])(
    "resolves a time zone from %s",
    (_label, fields: { Description?: string; OffsetFromUtc: number }, expected) => {
      const zone = { ...fields, HasDaylightSaving: false };
      const [account] = toAccounts(
        { ...thirdOperator, TimeZoneId: 7 },
        // Entries that are not a zone, or whose id is not a number, are passed over.
        {
          timezones: [
            null as never,
            { ...zone, TimezoneId: "7" } as never,
            { ...zone, TimezoneId: 7 },
          ],
        },
      ).accounts;
      expect(account!.timezone).toEqual(expected);
      expect(account!.provenance.timezone).toBe(
        expected.precision === "unknown" ? undefined : "TimeZoneId → Timezone.Description",
      );
    },
  );

  it("leaves the zone unknown without the table, or for an id the table lacks", () => {
    const [withoutTable] = toAccounts(thirdOperator).accounts;
    expect(withoutTable!.timezone).toMatchObject({ precision: "unknown", raw: 56 });
    const [missing] = toAccounts(
      { ...thirdOperator, TimeZoneId: 999 },
      {
        timezones: new Map([[56, centralTime]]),
      },
    ).accounts;
    expect(missing!.timezone).toMatchObject({ precision: "unknown", raw: 999 });
  });

  it("resolves zones through a table given as a map by TimezoneId", () => {
    const [account] = toAccounts(thirdOperator, {
      timezones: new Map([[56, centralTime]]),
    }).accounts;
    expect(account!.timezone).toMatchObject({ precision: "offset", utcOffsetMinutes: -360 });
  });

  it("skips entries of a zone list that are not zones, and resolves through the rest", () => {
    const [account] = toAccounts(thirdOperator, {
      timezones: [null, "UTC", { TimezoneId: "56" }, centralTime] as never,
    }).accounts;
    expect(account!.timezone).toMatchObject({ precision: "offset", utcOffsetMinutes: -360 });
  });

  it("looks up no zone for a TimeZoneId that is not a number", () => {
    const [account] = toAccounts(
      { ...thirdOperator, TimeZoneId: "56" },
      { timezones: new Map([["56" as never, centralTime]]) },
    ).accounts;
    expect(account!.timezone).toEqual({
      iana: null,
      raw: null,
      precision: "unknown",
      utcOffsetMinutes: null,
    });
  });

  it("reads a v4 record whose account-setting attributes are null", () => {
    // Every attribute of the v4 Operator is optional, and the ones that fall back to the account's
    // setting may be null; the Specified flags say whether the operator has its own value.
    const { accounts, issues } = toAccounts(
      {
        OperatorGuid: "5b0e5d2c-7c1f-4d7e-9a52-0d6c3e1f2a10",
        Hash: "Qm9yaXM=",
        Email: "v4@acme.test",
        CultureName: null,
        CultureNameSpecified: false,
        TimeZoneId: null,
        TimeZoneIdSpecified: false,
        OutgoingPhoneNumberId: null,
        AllowNativeLogin: null,
        AllowSingleSignon: null,
        DefaultDashboard: "UseAccountSpecifiedDashboard",
        SetupMode: "Invitation",
      } satisfies Operator,
      { timezones: [centralTime] },
    );
    expect(issues).toEqual([]);
    const [account] = accounts;
    expect(account!.locale.tag).toBeNull();
    expect(account!.timezone).toMatchObject({ precision: "unknown", raw: null });
    expect(account!.names.display).toBeNull();
    expect(account!.role.level).toBe("unknown");
    expect(account!.status).toBe("active");
    expect(account!.extras).toEqual({});
  });

  it("marks an operator with both sign-in methods off as disabled", () => {
    const [account] = toAccounts({
      ...thirdOperator,
      AllowNativeLogin: false,
      AllowSingleSignon: false,
    }).accounts;
    expect(account!.status).toBe("disabled");
  });

  it("reports broken records as issues instead of throwing", () => {
    const { accounts, issues } = toAccounts([
      null,
      { FullName: "No Guid", Email: "a@acme.test" },
      { OperatorGuid: "g-1", FullName: "No Email", Email: null },
      {
        OperatorGuid: "g-2",
        Email: "nulls@acme.test",
        FullName: null,
        BackupEmail: null,
        TimeZoneId: null,
        IsAccountAdministrator: null,
      },
      firstOperator,
      firstOperator,
    ]);
    expect(accounts.map((a) => a.source.id)).toEqual(["g-2", firstOperator.OperatorGuid]);
    expect(accounts[0]!.role.level).toBe("unknown");
    expect(accounts[0]!.emails).toHaveLength(1);
    expect(issues.map((issue) => [issue.id, issue.reason])).toEqual([
      [undefined, "the operator at index 0 is not an object"],
      [undefined, "the operator at index 1 has no OperatorGuid"],
      ["g-1", "the operator at index 2 has no Email, so it cannot be matched to a person"],
      [
        firstOperator.OperatorGuid,
        "the operator at index 5 repeats the OperatorGuid of an earlier one",
      ],
    ]);
  });
});

describe("pullAccounts", () => {
  it("reads every operator group and its members as grants, Administrators as admins", async () => {
    const pulled = await pullAccounts(env.client());
    const entitlements = pulled.entitlements?.filter((e) => e.kind === "group");
    const grants = pulled.grants?.filter((g) => g.entitlement.kind === "group");
    const groups = env.sim.store.operatorGroups.list();
    expect(entitlements?.map((e) => [e.name, e.privilege, e.vendorWide === true])).toEqual(
      groups.map((group) => [
        group.Description,
        group.IsAdministratorsGroup ? "admin" : "member",
        group.IsAdministratorsGroup,
      ]),
    );
    const held = (grants ?? []).map((g) => [g.entitlement.id, g.account.id, g.privilege]);
    expect(held).toEqual(
      groups.flatMap((group) =>
        env.sim.store
          .membersOf(group)
          .map((guid) => [
            group.OperatorGroupGuid,
            guid,
            group.IsAdministratorsGroup ? "admin" : "member",
          ]),
      ),
    );
    // The roster's Administrators are admins through the group.
    const adminEmails = demoOrganisation.people
      .filter((p) => p.uptrends?.groups?.includes("Administrators"))
      .map((p) => p.uptrends!.email);
    expect(adminEmails.length).toBeGreaterThan(1);
    const emailOf = new Map(env.sim.store.operators.list().map((o) => [o.OperatorGuid, o.Email]));
    expect(
      (grants ?? []).filter((g) => g.privilege === "admin").map((g) => emailOf.get(g.account.id)),
    ).toEqual(expect.arrayContaining(adminEmails));
  });

  it("reads every operator's authorizations as permissions; AccountAdministrator administers the account", async () => {
    const { entitlements, grants } = await pullAccounts(env.client());
    const operators = env.sim.store.operators.list();
    expect(env.sim.requestCount("GET /Operator/{}/Authorization")).toBe(operators.length);
    const permissions = (grants ?? []).filter((g) => g.entitlement.kind === "permission");
    // Exactly what Uptrends lists for each operator, no more.
    expect(
      permissions.map((g) => `${g.account.id} ${g.entitlement.id} ${g.privilege}`).sort(),
    ).toEqual(
      operators
        .flatMap((operator) =>
          env.sim.store
            .authorizationsOf(operator)
            .map(
              (name) =>
                `${operator.OperatorGuid} ${name} ${name === "AccountAdministrator" ? "admin" : "member"}`,
            ),
        )
        .sort(),
    );
    expect(entitlements?.find((e) => e.id === "AccountAdministrator")).toEqual({
      vendor: "uptrends",
      kind: "permission",
      id: "AccountAdministrator",
      name: "AccountAdministrator",
      privilege: "admin",
      vendorWide: true,
    });
    // The roster's extra authorizations arrive with their holders.
    const emailOf = new Map(operators.map((o) => [o.OperatorGuid, o.Email]));
    for (const person of demoOrganisation.people) {
      for (const name of person.uptrends?.authorizations ?? []) {
        const holders = permissions.filter((g) => g.entitlement.id === name);
        expect(holders.map((g) => emailOf.get(g.account.id))).toContain(person.uptrends!.email);
      }
    }
  });

  it("pulls every demo operator and fetches the time-zone table once", async () => {
    const progress: PullProgress<Operator>[] = [];
    const result = await pullAccounts(env.client(), { onPage: (page) => progress.push(page) });
    const people = demoOrganisation.people.filter((p) => p.uptrends);
    expect(result.issues).toEqual([]);
    expect(result.accounts.map((a) => a.emails[0]!.value).sort()).toEqual(
      people.map((p) => p.uptrends!.email).sort(),
    );
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ vendor: "uptrends", page: 1 });
    expect(progress[0]!.items).toHaveLength(people.length);
    expect(env.sim.requestCount("GET /Timezone")).toBe(1);
    expect(env.sim.requestCount("GET /Timezone/{}")).toBe(0);

    // Every operator with a TimeZoneId got an offset; the one on the account's zone did not.
    for (const person of people) {
      const account = result.accounts.find((a) => a.emails[0]!.value === person.uptrends!.email)!;
      expect(account.timezone.precision).toBe(
        person.uptrends!.timeZoneId === null ? "unknown" : "offset",
      );
      const backup = person.uptrends!.backupEmail;
      expect(account.emails.filter((e) => e.kind === "backup").map((e) => e.value)).toEqual(
        backup === "" ? [] : [backup],
      );
    }
  });

  it("fetches the time-zone table again on the next pull (no cache across pulls)", async () => {
    const client = env.client();
    await pullAccounts(client);
    await pullAccounts(client);
    expect(env.sim.requestCount("GET /Timezone")).toBe(2);
  });
});

describe("pullAccounts against a hand-made account", () => {
  /**
   * Serves `operators` at GET /Operator, the one-zone table at GET /Timezone, `groups` at GET
   * /OperatorGroup, `members` for every group and `authorizations` for every operator; counts paths.
   */
  async function pullFrom(
    operators: unknown[],
    groups: unknown[] = [],
    members: unknown[] = [],
    authorizations: unknown = [],
  ) {
    const paths: string[] = [];
    const server = createServer((request, response) => {
      paths.push(request.url ?? "");
      const url = request.url ?? "";
      const body =
        url === "/Timezone"
          ? [centralTime]
          : url === "/OperatorGroup"
            ? groups
            : url.startsWith("/OperatorGroup/")
              ? members
              : url.endsWith("/Authorization")
                ? authorizations
                : operators;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createUptrendsClient({
        username: "api-user",
        password: "api-pass",
        baseUrl: `http://127.0.0.1:${port}`,
      });
      return { ...(await pullAccounts(client)), paths };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("does not fetch the time-zone table when no operator has a TimeZoneId", async () => {
    const { accounts, paths } = await pullFrom([firstOperator]);
    expect(accounts.map((account) => account.source.id)).toEqual([firstOperator.OperatorGuid]);
    expect(paths).toEqual([
      "/Operator",
      "/OperatorGroup",
      `/Operator/${firstOperator.OperatorGuid}/Authorization`,
    ]);
  });

  it("reports a broken entry of the list as an issue and still resolves the others' zones", async () => {
    const { accounts, issues, paths } = await pullFrom([null, thirdOperator]);
    expect(issues.map((issue) => issue.reason)).toEqual([
      "the operator at index 0 is not an object",
    ]);
    expect(accounts[0]!.timezone.utcOffsetMinutes).toBe(-360);
    expect(paths).toEqual([
      "/Operator",
      "/Timezone",
      "/OperatorGroup",
      `/Operator/${thirdOperator.OperatorGuid}/Authorization`,
    ]);
  });

  it("reads each group's members; the Administrators group's hold it as admins of the account", async () => {
    const admins = "6b9a4d2f-3c5e-4f70-9bac-1d2e3f4a5b6c";
    const { grants, entitlements, issues, paths } = await pullFrom(
      [firstOperator],
      [
        { OperatorGroupGuid: admins, Description: "Administrators", IsAdministratorsGroup: true },
        { Description: "lost its id" },
      ],
      [{ OperatorGuid: firstOperator.OperatorGuid }, null],
    );
    expect(paths).toEqual([
      "/Operator",
      "/OperatorGroup",
      `/OperatorGroup/${admins}/Member`,
      `/Operator/${firstOperator.OperatorGuid}/Authorization`,
    ]);
    expect(entitlements).toEqual([
      {
        vendor: "uptrends",
        kind: "group",
        id: admins,
        name: "Administrators",
        privilege: "admin",
        vendorWide: true,
      },
    ]);
    expect(grants).toEqual([
      {
        account: { vendor: "uptrends", kind: OPERATOR_KIND, id: firstOperator.OperatorGuid },
        entitlement: { vendor: "uptrends", kind: "group", id: admins },
        privilege: "admin",
        via: "GET /OperatorGroup/{operatorGroupGuid}/Member",
      },
    ]);
    expect(issues.map((issue) => issue.reason)).toEqual([
      "the operator group at index 1 has no id, so its members are not known",
    ]);
  });

  it("reads a group entry that is not an object as an issue, asking for no members", async () => {
    const { issues, paths } = await pullFrom([firstOperator], [null]);
    expect(issues.map((issue) => issue.reason)).toEqual([
      "the operator group at index 0 has no id, so its members are not known",
    ]);
    expect(paths.filter((path) => path.startsWith("/OperatorGroup/"))).toEqual([]);
  });

  it("asks no authorizations for an operator without an OperatorGuid, and reports it", async () => {
    const { accounts, issues, paths } = await pullFrom([
      firstOperator,
      { ...firstOperator, OperatorGuid: "" },
    ]);
    expect(accounts.map((account) => account.source.id)).toEqual([firstOperator.OperatorGuid]);
    expect(issues.map((issue) => issue.reason)).toEqual([
      "the operator at index 1 has no OperatorGuid",
    ]);
    expect(paths.filter((path) => path.endsWith("/Authorization"))).toEqual([
      `/Operator/${firstOperator.OperatorGuid}/Authorization`,
    ]);
  });

  it("grants nothing from an authorization answer that is not a list of names", async () => {
    for (const answer of [{ AccountAdministrator: true }, "AccountAdministrator", [7, null, {}]]) {
      const { grants, entitlements, issues } = await pullFrom([firstOperator], [], [], answer);
      expect(grants).toEqual([]);
      expect(entitlements).toEqual([]);
      // Nor does it invent an unreadable authorization to report.
      expect(issues).toEqual([]);
    }
  });
});
