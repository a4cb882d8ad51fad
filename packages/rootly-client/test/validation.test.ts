import { ClientValidationError } from "@rollcall/core";
import { thrownBy } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import {
  createRootlyClient,
  listAllUsers,
  pullAccounts,
  type RootlyClientOptions,
} from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("docs");

describe("Rootly client-side checks", () => {
  it.each([
    ["missing", undefined, /options\.token is required/],
    ["empty", "", /options\.token must not be empty/],
    ["not a string", 42, /options\.token must be a string/],
    ["with a newline", "abc\ndef", /options\.token must not contain whitespace/],
  ])("rejects a %s token, naming the option", (_label, token, message) => {
    const error = thrownBy(
      () => createRootlyClient({ token, baseUrl: env.sim.url } as unknown as RootlyClientOptions),
      ClientValidationError,
    );
    expect(error.field).toBe("options.token");
    expect(error.message).toMatch(message);
    if (typeof token === "string" && token !== "") expect(error.message).not.toContain(token);
    expect(env.sim.requests).toHaveLength(0);
  });

  it("rejects options that are not an object", () => {
    const error = thrownBy(
      () => createRootlyClient(null as unknown as RootlyClientOptions),
      ClientValidationError,
    );
    expect(error.field).toBe("options");
  });

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
