import type { Connector, OffboardingStep } from "@rollcall/core";
import * as eagle from "@rollcall/eagle-client";
import * as opsgenie from "@rollcall/opsgenie-client";
import * as rootly from "@rollcall/rootly-client";
import type {
  EagleSimulator,
  OpsgenieSimulator,
  RootlySimulator,
  SimulatedVendor,
  UptrendsSimulator,
} from "@rollcall/simulators";
import * as uptrends from "@rollcall/uptrends-client";
import { vi } from "vitest";
import type { AnySimulator } from "./vendors";

const HARBOURLINE = "harbourline.example";
const NOBODY = "nobody.at.all@harbourline.example";
const NO_UUID = "00000000-0000-4000-8000-000000000000";

/** What the offboarding suites need to know about one vendor. Add a row per vendor. */
export interface OffboardingHarness {
  vendor: SimulatedVendor;
  /**
   * Two people of the demo organisation with accounts at this vendor, whose removal the vendor
   * allows. The first one's first step is the one the suites break.
   */
  people: [string, string];
  /** The vendor package's connector: its planner, executor and account pull are under test. */
  connector: Connector;
  /** The route of the write that removes an account, for fault injection. */
  writeRoute: string;
  /**
   * From now on the simulator answers that write with success but keeps every account, as a
   * vendor losing the change would; returns the function that undoes it.
   */
  keepAccounts(sim: AnySimulator): () => void;
  /**
   * One step per action the executor carries out, each naming nobody the simulator has, with the
   * groups of fields that together name its target (blank a whole group: nothing is left to act on).
   */
  ghostSteps: {
    // Each row is also checked against its vendor's own step type (`satisfies`).
    step: OffboardingStep & Readonly<Record<string, unknown>>;
    targets: string[][];
    /** Changes that leave a target the vendor could never have issued, and the field refused. */
    malformed: [field: string, changes: Record<string, string>][];
  }[];
}

/** The store's deletes report success but remove nothing. */
function keepRecords(collection: { delete(id: string): boolean }): () => void {
  const spy = vi.spyOn(collection, "delete").mockReturnValue(true);
  return () => spy.mockRestore();
}

const account = (vendor: string, kind: string, id: string) => ({ vendor, kind, id });

export const OFFBOARDING: OffboardingHarness[] = [
  {
    vendor: "eagle",
    // An administrator who is also in one group, and a member of two groups.
    people: [`ava.chen@${HARBOURLINE}`, `ben.okafor@${HARBOURLINE}`],
    connector: eagle.connector,
    writeRoute: "PUT /api/v1/owners/account",
    keepAccounts(sim) {
      const store = (sim as never as EagleSimulator).store;
      const administrators = store.administrators;
      Object.defineProperty(store, "administrators", {
        configurable: true,
        get: () => administrators,
        set() {},
      });
      const put = vi
        .spyOn(store.groups, "put")
        .mockImplementation((group) => store.groups.get(group._id) ?? group);
      return () => {
        put.mockRestore();
        Object.defineProperty(store, "administrators", {
          configurable: true,
          enumerable: true,
          writable: true,
          value: administrators,
        });
      };
    },
    ghostSteps: [
      {
        step: {
          vendor: "eagle",
          action: "eagle.removeAdministrator",
          account: account("eagle", "eagle.administrator", NOBODY),
          email: NOBODY,
          description: "",
        } satisfies eagle.EagleRemoveAdministrator,
        targets: [["email"]],
        malformed: [["email", { email: "not-an-address" }]],
      },
      {
        step: {
          vendor: "eagle",
          action: "eagle.removeGroupMember",
          account: account("eagle", "eagle.groupMember", NOBODY),
          groupId: "61bac74a84cac62fcbfe2c3c",
          groupName: "Engineering team",
          email: NOBODY,
          description: "",
        } satisfies eagle.EagleRemoveGroupMember,
        targets: [["email"], ["groupId"]],
        malformed: [
          ["email", { email: "not-an-address" }],
          ["groupId", { groupId: "Engineering team" }],
        ],
      },
    ],
  },
  {
    vendor: "rootly",
    people: [`ben.okafor@${HARBOURLINE}`, `sofia.rossi@${HARBOURLINE}`],
    connector: rootly.connector,
    writeRoute: "DELETE /v1/users/{}",
    keepAccounts: (sim) => keepRecords((sim as never as RootlySimulator).store.users),
    ghostSteps: [
      {
        step: {
          vendor: "rootly",
          action: "rootly.deleteUser",
          account: account("rootly", "rootly.user", "999999"),
          userId: "999999",
          description: "",
        } satisfies rootly.RootlyDeleteUser,
        targets: [["userId"]],
        malformed: [["userId", { userId: "317/../318" }]],
      },
      {
        step: {
          vendor: "rootly",
          action: "rootly.removeFromTeam",
          account: account("rootly", "rootly.user", "999999"),
          entitlement: { kind: "team", id: "no-such-team", name: "Nobody's" },
          description: "",
        } satisfies rootly.RootlyRemoveFromTeam,
        // Its targets are nested (entitlement.id, account.id): core's membership tests cover them.
        targets: [],
        malformed: [],
      },
      {
        step: {
          vendor: "rootly",
          action: "rootly.removeFromSchedule",
          account: account("rootly", "rootly.user", "999999"),
          entitlement: { kind: "schedule", id: "no-such-schedule", name: "Nobody's" },
          membershipId: "no-such-entry",
          description: "",
        } satisfies rootly.RootlyRemoveFromSchedule,
        targets: [["membershipId"]],
        malformed: [],
      },
    ],
  },
  {
    vendor: "opsgenie",
    people: [`ben.okafor@${HARBOURLINE}`, `sofia.rossi@${HARBOURLINE}`],
    connector: opsgenie.connector,
    writeRoute: "DELETE /v1/json/user",
    keepAccounts: (sim) => keepRecords((sim as never as OpsgenieSimulator).store.users),
    ghostSteps: [
      {
        step: {
          vendor: "opsgenie",
          action: "opsgenie.deleteUser",
          account: account("opsgenie", "opsgenie.user", NO_UUID),
          userId: NO_UUID,
          username: NOBODY,
          description: "",
        } satisfies opsgenie.OpsgenieDeleteUser,
        // The user is deleted by id, else by username: only without both is there no target.
        targets: [["userId", "username"]],
        malformed: [
          ["userId", { userId: "not-a-uuid" }],
          ["username", { userId: "", username: "not-an-address" }],
        ],
      },
    ],
  },
  {
    vendor: "uptrends",
    people: [`ben.okafor@${HARBOURLINE}`, `marcus.lee@${HARBOURLINE}`],
    connector: uptrends.connector,
    writeRoute: "DELETE /Operator/{}",
    keepAccounts: (sim) => keepRecords((sim as never as UptrendsSimulator).store.operators),
    ghostSteps: [
      {
        step: {
          vendor: "uptrends",
          action: "uptrends.deleteOperator",
          account: account("uptrends", "uptrends.operator", NO_UUID),
          operatorGuid: NO_UUID,
          description: "",
        } satisfies uptrends.UptrendsDeleteOperator,
        targets: [["operatorGuid"]],
        malformed: [["operatorGuid", { operatorGuid: "not-a-guid" }]],
      },
    ],
  },
];
