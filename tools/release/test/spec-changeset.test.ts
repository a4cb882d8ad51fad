import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TempRepo } from "./support/temp-repo";

const PACKAGE = "@rollcall/rootly-client";
const DIRECTORY = "packages/rootly-client";

const registry = {
  vendors: [
    {
      id: "rootly",
      title: "Rootly",
      spec: "specs/rootly.yaml",
      package: PACKAGE,
      directory: DIRECTORY,
      defaultBaseUrl: "https://api.rootly.com",
    },
  ],
};

const releasedSpec = `openapi: 3.1.0
info:
  title: Rootly
  version: "1"
paths:
  /v1/incidents/{id}/assign_role_to_user:
    post:
      operationId: assignRoleToUser
      summary: Assign a role to a user
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [user_id]
              properties:
                user_id: { type: integer }
      responses:
        "200":
          description: The incident
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
`;

const edits = {
  "a new required request field": {
    from: "              required: [user_id]\n              properties:\n                user_id: { type: integer }\n",
    to: "              required: [user_id, role]\n              properties:\n                user_id: { type: integer }\n                role: { type: string }\n",
    bump: "major",
    version: "2.0.0",
    heading: "### Major Changes",
    line: "BREAKING: POST /v1/incidents/{id}/assign_role_to_user › request body (application/json) › role — new required request field",
  },
  "a new endpoint": {
    from: "paths:\n",
    to: 'paths:\n  /v1/users:\n    get:\n      operationId: listUsers\n      responses:\n        "200":\n          description: Users\n',
    bump: "minor",
    version: "1.1.0",
    heading: "### Minor Changes",
    line: "ADDITIVE: GET /v1/users — new operation",
  },
  "a changed description": {
    from: "          description: The incident\n",
    to: "          description: The incident, with its new role assignment\n",
    bump: "patch",
    version: "1.0.1",
    heading: "### Patch Changes",
    line: "DESCRIPTIVE: POST /v1/incidents/{id}/assign_role_to_user › responses.200.description — documentation changed",
  },
} as const;

/** A repository one release in: rootly-client 1.0.0 tagged, no changesets pending. */
async function releasedRepo(): Promise<TempRepo> {
  const repo = await TempRepo.create();
  await repo.copyWorkspaceManifests();
  for (const file of await readdir(join(repo.root, ".changeset"))) {
    if (file.endsWith(".md")) await repo.exec("rm", [join(".changeset", file)]);
  }
  const manifest = await repo.readJson(`${DIRECTORY}/package.json`);
  await repo.write(
    `${DIRECTORY}/package.json`,
    `${JSON.stringify({ ...manifest, version: "1.0.0" }, null, 2)}\n`,
  );
  await repo.write("specs/vendors.json", JSON.stringify(registry, null, 2));
  await repo.write("specs/rootly.yaml", releasedSpec);
  await repo.commitAll("release rootly-client 1.0.0");
  await repo.git("tag", `${PACKAGE}@1.0.0`);
  return repo;
}

async function pendingSpecChangesets(repo: TempRepo): Promise<string[]> {
  return (await readdir(join(repo.root, ".changeset"))).filter((file) => file.startsWith("spec-"));
}

describe("spec:changeset", () => {
  const repos: TempRepo[] = [];
  afterEach(async () => {
    await Promise.all(repos.splice(0).map((repo) => repo.remove()));
  });

  it("writes nothing and passes --check when the spec matches the release", async () => {
    const repo = await releasedRepo();
    repos.push(repo);
    const written = await repo.specChangeset();
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain("unchanged — no changeset");
    expect(await pendingSpecChangesets(repo)).toEqual([]);
    expect((await repo.specChangeset("--check")).code).toBe(0);
  }, 60_000);

  it.each(Object.entries(edits))(
    "turns %s into a changeset that changeset version applies",
    async (_name, edit) => {
      const repo = await releasedRepo();
      repos.push(repo);
      const spec = await repo.read("specs/rootly.yaml");
      expect(spec).toContain(edit.from);
      await repo.write("specs/rootly.yaml", spec.replace(edit.from, edit.to));

      const guard = await repo.specChangeset("--check");
      expect(guard.code).toBe(1);
      expect(guard.stderr).toContain(
        `${PACKAGE}: specs/rootly.yaml changed since ${PACKAGE}@1.0.0`,
      );

      const written = await repo.specChangeset();
      expect(written.code, written.stderr).toBe(0);
      const [file, ...others] = await pendingSpecChangesets(repo);
      expect(others).toEqual([]);
      expect(file).toMatch(/^spec-rootly-[0-9a-f]{7}\.md$/);
      const changeset = await repo.read(`.changeset/${file}`);
      expect(changeset).toMatch(new RegExp(`^---\\n"${PACKAGE}": ${edit.bump}\\n---\\n`));
      expect(changeset).toContain(`- ${edit.line}`);
      expect((await repo.specChangeset("--check")).code).toBe(0);

      const versioned = await repo.changeset(["version"]);
      expect(versioned.code, versioned.stderr).toBe(0);
      expect((await repo.readJson(`${DIRECTORY}/package.json`)).version).toBe(edit.version);
      const changelog = await repo.read(`${DIRECTORY}/CHANGELOG.md`);
      expect(changelog).toContain(`## ${edit.version}\n\n${edit.heading}`);
      expect(changelog).toContain(edit.line);
    },
    90_000,
  );

  it("replaces its own earlier changeset when the spec is edited again", async () => {
    const repo = await releasedRepo();
    repos.push(repo);
    const description = edits["a changed description"];
    const endpoint = edits["a new endpoint"];
    const once = releasedSpec.replace(description.from, description.to);
    await repo.write("specs/rootly.yaml", once);
    await repo.specChangeset();
    await repo.write("specs/rootly.yaml", once.replace(endpoint.from, endpoint.to));
    await repo.specChangeset();
    const files = await pendingSpecChangesets(repo);
    expect(files).toHaveLength(1);
    const changeset = await repo.read(`.changeset/${files[0]}`);
    expect(changeset).toContain(`"${PACKAGE}": minor`);
    expect(changeset).toContain(description.line);
    expect(changeset).toContain(endpoint.line);
  }, 60_000);

  it("compares with --base when given, and with the spec's first commit before any release", async () => {
    const repo = await releasedRepo();
    repos.push(repo);
    await repo.git("tag", "-d", `${PACKAGE}@1.0.0`);
    const edit = edits["a new endpoint"];
    await repo.write("specs/rootly.yaml", releasedSpec.replace(edit.from, edit.to));
    await repo.commitAll("add an endpoint");
    const head = (await repo.git("rev-parse", "HEAD")).trim();

    const sinceHead = await repo.specChangeset("--base", head);
    expect(sinceHead.stdout).toContain("unchanged — no changeset");

    const sinceFirst = await repo.specChangeset();
    expect(sinceFirst.stdout).toMatch(new RegExp(`${PACKAGE}: minor`));
    expect(await repo.read(`.changeset/${(await pendingSpecChangesets(repo))[0]}`)).toContain(
      "since first commit of specs/rootly.yaml",
    );
  }, 60_000);

  it("lets any pending changeset naming the package satisfy --check", async () => {
    const repo = await releasedRepo();
    repos.push(repo);
    await repo.write("specs/rootly.yaml", releasedSpec.replace("Assign a role", "Give a role"));
    expect((await repo.specChangeset("--check")).code).toBe(1);
    await repo.write(".changeset/hand-written.md", `---\n"${PACKAGE}": patch\n---\n\nReworded.\n`);
    expect((await repo.specChangeset("--check")).code).toBe(0);
  }, 60_000);

  it("reports a broken spec as a clear error naming the file", async () => {
    const repo = await releasedRepo();
    repos.push(repo);
    await repo.write("specs/rootly.yaml", "openapi: 3.1.0\npaths: [unclosed\n");
    const result = await repo.specChangeset("--check");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("spec-changeset: specs/rootly.yaml: cannot be parsed");
  }, 60_000);

  it("rejects unknown options with usage", async () => {
    const repo = await releasedRepo();
    repos.push(repo);
    const result = await repo.specChangeset("--chek");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: spec-changeset");
  }, 60_000);
});
