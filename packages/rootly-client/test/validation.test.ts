import { ClientValidationError } from "@rollcall/core";
import { thrownBy } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { listAllUsers, pullAccounts } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("docs");

// Token checks every vendor shares are in tools/conformance (credentials.test.ts).
describe("Rootly listing checks", () => {
  it.each([0, -1, 1.5, 1001])("rejects page size %s before sending anything", async (pageSize) => {
    const error = thrownBy(() => listAllUsers(env.client(), { pageSize }), ClientValidationError);
    expect(error.field).toBe("options.pageSize");
    await expect(pullAccounts(env.client(), { pageSize })).rejects.toBeInstanceOf(
      ClientValidationError,
    );
    expect(env.sim.requests).toHaveLength(0);
  });

  it("rejects an empty email filter before sending anything", () => {
    const error = thrownBy(() => listAllUsers(env.client(), { email: "" }), ClientValidationError);
    expect(error.field).toBe("options.email");
    expect(env.sim.requests).toHaveLength(0);
  });
});
