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

  it("takes front matter only at the top", () => {
    expect(() => parseReleases("y.md", `Intro\n---\n"a": patch\n---\n`)).toThrow(
      "y.md: no front matter",
    );
  });

  it("reads Windows line ends, blank lines, loose spacing and an empty release list", () => {
    const text = `---\r\n\r\n  \r\n"a":minor\r\n  b  :  none  \r\n---\r\n\r\nSummary\r\n`;
    expect([...parseReleases("x.md", text)]).toEqual([
      ["a", "minor"],
      ["b", "none"],
    ]);
    expect([...parseReleases("x.md", "---\n---\n")]).toEqual([]);
  });

  it.each([
    ["trailing words", `"a": major now`],
    ["no bump", `"a":`],
    ["no colon", "just words"],
  ])("refuses a release line with %s, naming it", (_name, line) => {
    const parse = () => parseReleases(".changeset/x.md", `---\n${line}\n---\n`);
    expect(parse).toThrow(ReleaseError);
    expect(parse).toThrow(
      `.changeset/x.md:2: expected "<package>": major|minor|patch|none, got ${JSON.stringify(line)}`,
    );
  });
});

describe("readPendingChangesets", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "rollcall-pending-"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("finds none when there is no .changeset folder", async () => {
    expect(await readPendingChangesets(root)).toEqual([]);
  });

  it("reads every changeset in name order, skipping changesets' README and config", async () => {
    await mkdir(join(root, ".changeset"));
    for (const name of ["z.md", "a.md", "m.md"]) {
      await writeFile(join(root, ".changeset", name), `---\n"${name}": patch\n---\n`);
    }
    await writeFile(join(root, ".changeset/README.md"), "no front matter here");
    await writeFile(join(root, ".changeset/config.json"), "{}");
    const pending = await readPendingChangesets(root);
    expect(pending.map(({ file, releases }) => [file, [...releases]])).toEqual([
      ["a.md", [["a.md", "patch"]]],
      ["m.md", [["m.md", "patch"]]],
      ["z.md", [["z.md", "patch"]]],
    ]);
  });

  it("names the pending file that is malformed", async () => {
    await mkdir(join(root, ".changeset"));
    await writeFile(join(root, ".changeset/bad.md"), '---\n"a": huge\n---\n');
    await expect(readPendingChangesets(root)).rejects.toThrow(".changeset/bad.md:2: expected");
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
    const rerun = await writeSpecChangeset(root, {
      vendorId: "rootly",
      shortHash: "3333333",
      packageName: "@rollcall/rootly-client",
      bump: "major",
      summary: "\n\nRootly spec changes, again\n\n",
    });
    expect(rerun).toBe(written);
    expect(await readFile(join(root, written), "utf8")).toBe(
      `---\n"@rollcall/rootly-client": major\n---\n\nRootly spec changes, again\n`,
    );
    const pending = await readPendingChangesets(root);
    expect(pending.map((changeset) => changeset.file)).toEqual([
      "hand.md",
      "spec-eagle-1111111.md",
      "spec-rootly-3333333.md",
    ]);
  });
});
