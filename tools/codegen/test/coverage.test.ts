import { describe, expect, it } from "vitest";
import { findCoverageGaps, parseCoverageManifest } from "../src/coverage";

const document = {
  paths: { "/users/{userId}": { get: {}, delete: {} } },
  components: {
    schemas: {
      Base: { properties: { id: {} } },
      User: { allOf: [{ $ref: "#/components/schemas/Base" }, { properties: { email: {} } }] },
    },
  },
};

describe("findCoverageGaps", () => {
  it("passes when endpoints, schemas and properties (through allOf and $ref) are present", () => {
    const manifest = parseCoverageManifest(
      {
        vendor: "x",
        source: "docs",
        endpoints: ["GET /users/{id}"],
        schemas: { User: ["id", "email"] },
      },
      "m.json",
    );
    expect(findCoverageGaps(manifest, document)).toEqual([]);
  });

  it("names each missing endpoint, schema and property", () => {
    const manifest = parseCoverageManifest(
      {
        vendor: "x",
        source: "docs",
        endpoints: ["PUT /users/{id}", "GET /teams"],
        schemas: { User: ["name"], Team: [] },
      },
      "m.json",
    );
    expect(findCoverageGaps(manifest, document)).toEqual([
      "endpoint PUT /users/{id} is not in the spec",
      "endpoint GET /teams is not in the spec",
      'schema User does not declare property "name"',
      "schema Team is not in components.schemas",
    ]);
  });

  it("rejects a malformed manifest naming the field", () => {
    expect(() =>
      parseCoverageManifest(
        { vendor: "x", source: "s", endpoints: ["users"], schemas: {} },
        "m.json",
      ),
    ).toThrow('m.json: endpoints[0] must look like "GET /path"');
  });
});
