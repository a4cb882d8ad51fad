import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiKeyCredentials, BasicCredentials, BearerTokenCredentials } from "../src/credentials";

describe("simulator credentials", () => {
  it("are readable but never printed", () => {
    const all = [
      new ApiKeyCredentials("key-abc-123"),
      new BearerTokenCredentials("token-abc-123"),
      new BasicCredentials("api-user", "pass-abc-123"),
    ];
    expect(all[0]).toHaveProperty("apiKey", "key-abc-123");
    for (const credentials of all) {
      const printed = `${inspect(credentials)} ${JSON.stringify(credentials)} ${inspect({ nested: credentials })}`;
      expect(printed).not.toMatch(/abc-123/);
      expect(printed).toContain("[REDACTED]");
    }
    expect(new BasicCredentials("u", "p").authorization).toBe(
      `Basic ${Buffer.from("u:p").toString("base64")}`,
    );
  });
});
