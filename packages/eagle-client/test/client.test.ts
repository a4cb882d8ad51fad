import { operationCoverage } from "@rollcall/simulators";
import { NotFoundError, unwrap } from "@rollcall/core";
import { beforeEach, describe, expect, it } from "vitest";
import type { EagleClient } from "../src/index";
import { useEagleSimulator } from "./support/simulator";
import packageJson from "../package.json" with { type: "json" };

// Every contract test names the operation it exercises, so an untested spec operation fails.
const coverage = operationCoverage("eagle");
function contract(operationId: string, name: string, fn: () => Promise<void>): void {
  coverage.cover(operationId);
  it(`${operationId}: ${name}`, fn);
}

const env = useEagleSimulator("docs");
let client: EagleClient;
beforeEach(() => {
  client = env.client();
});

const ENGINEERING = "61bac74a84cac62fcbfe2c3c";

describe("eagle.io contract", () => {
  contract("getOwnerAccount", "reads the owner with administrators and groups", async () => {
    const owner = unwrap(await client.GET("/api/v1/owners/account"));
    expect(owner.accountName).toBe(env.sim.store.owner.accountName);
    expect(owner.administrators?.map((admin) => admin.user)).toEqual(env.sim.store.administrators);
    expect(owner.groups?.map((group) => group._id)).toEqual(
      env.sim.store.groups.list().map((group) => group._id),
    );
  });

  contract("getOwnerAccount", "sends attr comma-separated and gets only those", async () => {
    const owner = unwrap(
      await client.GET("/api/v1/owners/account", { params: { query: { attr: ["_id", "slug"] } } }),
    );
    expect(Object.keys(owner).sort()).toEqual(["_id", "slug"]);
    expect(env.sim.requests.at(-1)?.query.attr).toBe("_id,slug");
  });

  contract("updateOwnerAccount", "renames the account", async () => {
    const owner = unwrap(
      await client.PUT("/api/v1/owners/account", { body: { accountName: "Renamed Inc" } }),
    );
    expect(owner.accountName).toBe("Renamed Inc");
    expect(env.sim.store.owner.accountName).toBe("Renamed Inc");
  });

  contract("updateOwnerAccount", "replaces the administrators list", async () => {
    const owner = unwrap(
      await client.PUT("/api/v1/owners/account", {
        params: { query: { attr: ["administrators"], notify: "FALSE" } },
        body: {
          administrators: [
            { user: "rlewis@company.com" },
            { user: "new@company.com", name: { first: "New", last: "User" } },
          ],
        },
      }),
    );
    const added = owner.administrators?.find((admin) => admin.user === "new@company.com");
    expect(added?.profileActivateUrl).toMatch(/^https:\/\//);
    expect(env.sim.store.administrators).toEqual(["rlewis@company.com", "new@company.com"]);
  });

  contract("createOwnerGroups", "creates a group and answers every group", async () => {
    const groups = unwrap(
      await client.POST("/api/v1/owners/account/groups", {
        body: [{ name: "On call", users: [{ user: "rlewis@company.com" }] }],
      }),
    );
    expect(groups.map((group) => group.name)).toEqual(["Engineering team", "On call"]);
    const created = env.sim.store.groups.find((group) => group.name === "On call");
    expect(created?.users).toEqual(["rlewis@company.com"]);
  });

  contract("updateOwnerGroup", "renames a group and sets its members", async () => {
    const group = unwrap(
      await client.PUT("/api/v1/owners/account/groups/{id}", {
        params: { path: { id: ENGINEERING } },
        body: { name: "Platform", users: [{ user: "rlewis@company.com" }] },
      }),
    );
    expect(group).toMatchObject({ _id: ENGINEERING, name: "Platform" });
    expect(env.sim.store.groups.get(ENGINEERING)?.users).toEqual(["rlewis@company.com"]);
  });

  contract("deleteOwnerGroup", "deletes a group; it is gone afterwards", async () => {
    const answer = unwrap(
      await client.DELETE("/api/v1/owners/account/groups/{id}", {
        params: { path: { id: ENGINEERING } },
      }),
    );
    expect(answer.status.code).toBe(200);
    expect(env.sim.store.groups.get(ENGINEERING)).toBeUndefined();
    const again = await client.DELETE("/api/v1/owners/account/groups/{id}", {
      params: { path: { id: ENGINEERING } },
    });
    expect(() => unwrap(again)).toThrow(NotFoundError);
  });

  contract("getOwnerAccountUsage", "reads usage with float numbers", async () => {
    const usage = unwrap(await client.GET("/api/v1/owners/account/usage"));
    expect(usage).toEqual(env.sim.store.usage);
    expect(usage.total?.source?.usage).toBe(32.4);
  });

  it("has a contract test for every operation in the eagle spec", () => {
    expect(coverage.uncovered()).toEqual([]);
  });
});

describe("createEagleClient", () => {
  it("sends the key as X-Api-Key and a User-Agent naming this package and version", async () => {
    unwrap(await client.GET("/api/v1/owners/account/usage"));
    const headers = env.sim.requests.at(-1)!.headers;
    expect(headers["x-api-key"]).toBeDefined();
    expect(headers["user-agent"]).toContain(`@rollcall/eagle-client/${packageJson.version}`);
  });

  it("answers an error with the vendor's message", async () => {
    const result = await client.PUT("/api/v1/owners/account/groups/{id}", {
      params: { path: { id: "0123456789abcdef01234567" } },
      body: { name: "Nope" },
    });
    const error = (() => {
      try {
        unwrap(result);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).vendorMessage).toBe("Resource not found");
  });
});
