// What codegen writes for `x-rollcall-offboarding`: a deletion step, its planner and its executor
// from the DELETE operation, and a clear CodegenError for every malformed extension.
import { describe, expect, it } from "vitest";
import { CodegenError } from "../src/codegen-error";
import { offboardingFacts, offboardingSource } from "../src/offboarding-module";
import type { Vendor } from "../src/registry";

const vendor = { id: "acme", title: "Acme Ops", spec: "specs/acme.yaml" } as Vendor;

const extension = {
  kind: "acme.member",
  action: "acme.removeMember",
  step: "memberId",
  readBack: "getMember",
  describe: "Remove Acme member {login} (id {id}).",
};

const specWith = (
  offboarding: unknown,
  schema: object = { type: "string", format: "uuid" },
  more: object = {},
) => ({
  vendor,
  document: {
    paths: {
      "/members/{memberId}": {
        parameters: [{ $ref: "#/components/parameters/Member" }],
        get: { operationId: "getMember", responses: {} },
        delete: {
          operationId: "deleteMember",
          "x-rollcall-offboarding": offboarding,
          responses: {},
        },
        ...more,
      },
    },
    components: {
      parameters: { Member: { name: "memberId", in: "path", required: true, schema } },
    },
  },
});

const problemsOf = (spec: ReturnType<typeof specWith>): readonly string[] => {
  try {
    offboardingFacts(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return (error as CodegenError).lines;
  }
  throw new Error("expected a CodegenError");
};

describe("x-rollcall-offboarding", () => {
  it("reads the step, the route, the path parameter and its id format", () => {
    const { readBack: _checked, ...facts } = extension;
    expect(offboardingFacts(specWith(extension))).toEqual({
      ...facts,
      path: "/members/{memberId}",
      parameter: "memberId",
      format: { uuid: true },
    });
    expect(
      offboardingFacts(specWith(extension, { type: "string", pattern: "^m-[0-9]+$" }))?.format,
    ).toEqual({
      pattern: "^m-[0-9]+$",
    });
    expect(offboardingFacts(specWith(extension, { type: "string" }))?.format).toBeUndefined();
  });

  it("writes a typed step, a planner and an executor that reads the record back", () => {
    const source = offboardingSource(specWith(extension), "application/json");
    expect(source).toContain("export interface AcmeRemoveMember extends OffboardingStep {");
    expect(source).toContain('readonly action: "acme.removeMember";');
    expect(source).toContain("readonly memberId: string;");
    expect(source).toContain('export const OFFBOARDED_KIND = "acme.member";');
    expect(source).toContain(
      "description: `Remove Acme member ${login ?? source.id} (id ${source.id}).`",
    );
    expect(source).toContain("format: UUID_FORMAT");
    expect(source).toContain('client.DELETE("/members/{memberId}", target(step))');
    expect(source).toContain('client.GET("/members/{memberId}", target(step))');
    expect(source).toContain('ApiClient<paths, "application/json">');
  });

  it("keeps template syntax in the description text, not code", () => {
    const source = offboardingSource(
      specWith({ ...extension, describe: "Drop `${process.env.KEY}` member {id}" }),
      "application/json",
    );
    expect(source).toContain("description: `Drop \\`\\${process.env.KEY}\\` member ${source.id}`");
  });

  it("writes an empty module for a vendor without it", () => {
    expect(offboardingSource(specWith(undefined), "application/json")).toMatch(
      /no x-rollcall-offboarding[\s\S]*export \{\};/,
    );
  });

  it.each([
    [{ ...extension, step: "member-id" }, ".step must be an identifier"],
    [{ ...extension, action: "other.removeMember" }, '.action must start with "acme."'],
    [{ ...extension, describe: "Remove someone." }, ".describe must name the record as {id}"],
    [
      { ...extension, readBack: "listMembers" },
      ".readBack must be the operationId of the GET on the same path",
    ],
    [{ ...extension, kind: 7 }, ".kind must be a string"],
    [{ ...extension, extra: true }, ".extra is not an offboarding key"],
    ["delete", "must be an object with kind, action, step, readBack, describe"],
  ])("refuses %j", (offboarding, message) => {
    const problems = problemsOf(specWith(offboarding));
    expect(problems.join("\n")).toContain(
      `specs/acme.yaml: paths["/members/{memberId}"].delete["x-rollcall-offboarding"] ${message}`,
    );
  });

  it("refuses it on an operation other than DELETE", () => {
    const spec = specWith(undefined, undefined, {
      put: { operationId: "putMember", "x-rollcall-offboarding": extension, responses: {} },
    });
    expect(problemsOf(spec).join("\n")).toContain(
      '.put["x-rollcall-offboarding"] is only for DELETE operations',
    );
  });
});

describe("x-rollcall-offboarding: where the record's id comes from", () => {
  const withParameters = (pathLevel: unknown[], operationLevel: unknown[]) => {
    const spec = specWith(extension);
    const item = (spec.document.paths as any)["/members/{memberId}"];
    item.parameters = pathLevel;
    item.delete.parameters = operationLevel;
    return spec;
  };
  const member = { $ref: "#/components/parameters/Member" };
  const force = { name: "force", in: "query", schema: { type: "boolean" } };

  it("takes the id from a path parameter declared on the DELETE itself, ignoring query parameters", () => {
    expect(offboardingFacts(withParameters([force], [member]))).toMatchObject({
      parameter: "memberId",
      format: { uuid: true },
    });
  });

  it.each([
    ["no path parameter", [force], []],
    [
      "two path parameters",
      [member],
      [{ name: "teamId", in: "path", required: true, schema: { type: "string" } }],
    ],
  ])("refuses a DELETE with %s", (_case, pathLevel, operationLevel) => {
    expect(problemsOf(withParameters(pathLevel, operationLevel))).toEqual([
      'specs/acme.yaml: paths["/members/{memberId}"].delete["x-rollcall-offboarding"] needs a DELETE with exactly one path parameter',
    ]);
  });

  it("refuses a readBack when the path has no GET, instead of crashing", () => {
    const spec = specWith(extension);
    delete (spec.document.paths as any)["/members/{memberId}"].get;
    expect(problemsOf(spec)).toEqual([
      'specs/acme.yaml: paths["/members/{memberId}"].delete["x-rollcall-offboarding"] .readBack must be the operationId of the GET on the same path',
    ]);
  });

  it("lists every known key when refusing an unknown one", () => {
    expect(problemsOf(specWith({ ...extension, extra: true }))).toEqual([
      'specs/acme.yaml: paths["/members/{memberId}"].delete["x-rollcall-offboarding"] .extra is not an offboarding key (known: kind, action, step, readBack, describe)',
    ]);
  });

  it("refuses a second x-rollcall-offboarding in the same spec", () => {
    const spec = specWith(extension);
    (spec.document.paths as any)["/teams/{memberId}"] = (spec.document.paths as any)[
      "/members/{memberId}"
    ];
    expect(problemsOf(spec)).toEqual(["specs/acme.yaml: more than one x-rollcall-offboarding"]);
  });

  it("skips a path item that is not an object", () => {
    const spec = specWith(extension);
    (spec.document.paths as any)["/broken"] = null;
    expect(offboardingFacts(spec)?.path).toBe("/members/{memberId}");
  });

  it("writes no id format check, and imports none, for an id with neither format nor pattern", () => {
    const source = offboardingSource(specWith(extension, { type: "string" }), "application/json");
    expect(source).toContain('target: (step) => ({ field: "memberId", value: step.memberId }),');
    expect(source).not.toContain("format:");
    expect(source).not.toContain("UUID_FORMAT");
    expect(source).toContain("import { deletionExecutor, deletionPlanner, type ApiClient");
  });
});
