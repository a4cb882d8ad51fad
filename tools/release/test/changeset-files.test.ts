import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseReleases, readPendingChangesets, writeSpecChangeset } from "../src/changeset-files";
import { ReleaseError } from "../src/release-error";

describe("parseReleases", () => {
  it("reads quoted and unquoted package names with their bumps", () => {
    const text = `---\n"@rollcall/core": major\n'@rollcall/eagle-client': minor\nplain: patch\n---\n\nSummary\n`;
    expect([...parseReleases("x.md", text)]).toEqual([
      ["@rollcall/core", "major"],
      ["@rollcall/eagle-client", "minor"],
      ["plain", "patch"],
    ]);
  });

  it("names the file and line of a bad bump", () => {
    const parse = () => parseReleases(".changeset/x.md", `---\n"@rollcall/core": huge\n---\n`);
    expect(parse).toThrow(ReleaseError);
    expect(parse).toThrow(/\.changeset\/x\.md:2: expected "<package>": major\|minor\|patch\|none/);
  });

  it("rejects a file without front matter", () => {
    expect(() => parseReleases("y.md", "just text")).toThrow("y.md: no front matter");
  });
});

describe("writeSpecChangeset", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "rollcall-changesets-"));
    await mkdir(join(root, ".changeset"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("supersedes the vendor's earlier spec changeset but leaves every other changeset alone", async () => {
    await writeFile(join(root, ".changeset/README.md"), "changesets' own note");
    await writeFile(join(root, ".changeset/hand.md"), `---\n"@rollcall/core": patch\n---\n\nFix\n`);
    await writeFile(
      join(root, ".changeset/spec-eagle-1111111.md"),
      `---\n"@rollcall/eagle-client": patch\n---\n\nOld\n`,
    );
    await writeFile(
      join(root, ".changeset/spec-rootly-2222222.md"),
      `---\n"@rollcall/rootly-client": patch\n---\n\nOld\n`,
    );
    const written = await writeSpecChangeset(root, {
      vendorId: "rootly",
      shortHash: "3333333",
      packageName: "@rollcall/rootly-client",
      bump: "minor",
      summary: "Rootly spec changes",
    });
    expect(written).toBe(".changeset/spec-rootly-3333333.md");
    expect((await readdir(join(root, ".changeset"))).sort()).toEqual([
      "README.md",
      "hand.md",
      "spec-eagle-1111111.md",
      "spec-rootly-3333333.md",
    ]);
    expect(await readFile(join(root, written), "utf8")).toBe(
      `---\n"@rollcall/rootly-client": minor\n---\n\nRootly spec changes\n`,
    );
    const pending = await readPendingChangesets(root);
    expect(pending.map((changeset) => changeset.file)).toEqual([
      "hand.md",
      "spec-eagle-1111111.md",
      "spec-rootly-3333333.md",
    ]);
  });
});
