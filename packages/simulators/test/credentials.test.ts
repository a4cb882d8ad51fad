import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { SimulatorCredentials, type Credentials } from "../src/credentials";

describe("simulator credentials", () => {
  const fields = [
    { name: "username", secret: false },
    { name: "password", secret: true },
  ] as const;

  it("are readable by the client's option names but never printed", () => {
    const credentials = new SimulatorCredentials(
      fields,
      { username: "api-user", password: "pass-abc-123" },
      { authorization: "Basic c2VjcmV0LWFiYy0xMjM=", encodedSecrets: ["c2VjcmV0LWFiYy0xMjM="] },
    ) as Credentials<"username" | "password">;
    expect(credentials.username).toBe("api-user");
    expect(credentials.password).toBe("pass-abc-123");
    const printed = [
      inspect(credentials),
      JSON.stringify(credentials),
      inspect({ nested: credentials }),
      JSON.stringify({ ...credentials }),
    ].join(" ");
    expect(printed).not.toMatch(/abc-123|c2VjcmV0/);
    expect(printed).toContain("[REDACTED]");
    expect(printed).toContain("api-user");
  });

  it("say which of them are secret, with every encoding a scrubber must know", () => {
    const credentials = new SimulatorCredentials(
      fields,
      { username: "api-user", password: "pass" },
      { encodedSecrets: ["encoded"] },
    );
    expect(credentials.names).toEqual(["username", "password"]);
    expect(credentials.secretNames).toEqual(["password"]);
    expect(credentials.secretValues()).toEqual(["pass", "encoded"]);
    expect(credentials.describeForDevelopment()).toBe("username=api-user password=pass");
  });
});
