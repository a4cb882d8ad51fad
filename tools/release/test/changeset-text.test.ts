// What a maintainer reviews after `pnpm spec:changeset`: the bump in the front matter and one
// changelog line per change, breaking first. (spec-changeset.test.ts runs the real command in a
// git repository; this drives the same functions in-process, from two fixture specs.)
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeSpecChangeset } from "../src/changeset-files";
import { describeChanges, versionBumpFor, type SpecChange } from "../src/spec-change";
import { changesetSummary } from "../src/spec-changeset";
import { classify, jsonResponse, spec } from "./support/spec-fixtures";

const vendor = {
  id: "acme",
  title: "Acme",
  spec: "specs/acme.yaml",
  package: "@rollcall/acme-client",
  directory: "packages/acme-client",
};

const change = (level: SpecChange["level"], location: string): SpecChange => ({
  level,
  location,
  message: `${level} edit`,
});

describe("the changelog lines", () => {
  it("lists breaking changes first, then additive, then descriptive, each in the order found", () => {
    const changes = [
      change("descriptive", "d1"),
      change("additive", "a1"),
      change("breaking", "b1"),
      change("additive", "a2"),
      change("breaking", "b2"),
    ];
    expect(describeChanges(changes)).toEqual([
      "BREAKING: b1 — breaking edit",
      "BREAKING: b2 — breaking edit",
      "ADDITIVE: a1 — additive edit",
      "ADDITIVE: a2 — additive edit",
      "DESCRIPTIVE: d1 — descriptive edit",
    ]);
  });

  it("asks for the largest bump any change needs, and none for no change", () => {
    expect(versionBumpFor([])).toBeUndefined();
    expect(versionBumpFor([change("descriptive", "d")])).toBe("patch");
    expect(versionBumpFor([change("descriptive", "d"), change("additive", "a")])).toBe("minor");
    expect(versionBumpFor([change("additive", "a"), change("breaking", "b")])).toBe("major");
  });

  it("heads the summary with the vendor, the spec and the release it was compared with", () => {
    const changes = [change("additive", "a"), change("breaking", "b")];
    expect(
      changesetSummary({
        vendor,
        base: { rev: "v1", label: "@rollcall/acme-client@1.0.0" },
        changes,
      }),
    ).toBe(
      [
        "Acme spec changes (specs/acme.yaml since @rollcall/acme-client@1.0.0):",
        "",
        "- BREAKING: b — breaking edit",
        "- ADDITIVE: a — additive edit",
      ].join("\n"),
    );
    expect(changesetSummary({ vendor, base: undefined, changes: [] })).toBe(
      "Acme spec changes (specs/acme.yaml):\n",
    );
  });
});

describe("the changeset file for a spec edit", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "rollcall-changeset-text-"));
    await mkdir(join(root, ".changeset"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("bumps minor for a new response field plus a summary, and says both", async () => {
    const user = { type: "object", properties: { id: { type: "string" } } };
    const before = spec({
      "/users": { get: { operationId: "listUsers", responses: jsonResponse(user) } },
    });
    const after = structuredClone(before) as any;
    after.paths["/users"].get.summary = "List users";
    after.paths["/users"].get.responses["200"].content["application/json"].schema.properties.email =
      { type: "string" };
    const changes = await classify(before, after);
    const bump = versionBumpFor(changes);
    expect(bump).toBe("minor");
    const file = await writeSpecChangeset(root, {
      vendorId: vendor.id,
      shortHash: "abc1234",
      packageName: vendor.package,
      bump: bump!,
      summary: changesetSummary({ vendor, base: { rev: "v1", label: "v1" }, changes }),
    });
    expect(await readFile(join(root, file), "utf8")).toBe(
      [
        "---",
        '"@rollcall/acme-client": minor',
        "---",
        "",
        "Acme spec changes (specs/acme.yaml since v1):",
        "",
        "- ADDITIVE: GET /users › 200 response (application/json) › email — new optional response field",
        "- DESCRIPTIVE: GET /users › summary — documentation changed",
        "",
      ].join("\n"),
    );
  });
});
