import { ClientValidationError } from "@rollcall/core";
import { thrownBy } from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import { listAllUsers } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("docs");

// Token, page-size and offboarding-step checks every vendor shares are in tools/conformance
// (credentials.test.ts, validation.test.ts); the email filter is Rootly's own.
describe("Rootly listing checks", () => {
  it("rejects an empty email filter before sending anything", () => {
    const error = thrownBy(() => listAllUsers(env.client(), { email: "" }), ClientValidationError);
    expect(error.field).toBe("options.email");
    expect(env.sim.requests).toHaveLength(0);
  });
});
