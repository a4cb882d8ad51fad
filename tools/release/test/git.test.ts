import { describe, expect, it } from "vitest";
import { newestReleaseTag } from "../src/git";

describe("newestReleaseTag", () => {
  const pkg = "@rollcall/rootly-client";

  it("picks the highest version by semver, not by string order", () => {
    const tags = [`${pkg}@1.9.0`, `${pkg}@1.10.0`, `${pkg}@1.2.3`];
    expect(newestReleaseTag(pkg, tags)).toBe(`${pkg}@1.10.0`);
  });

  it("ranks a release above its own prerelease", () => {
    expect(newestReleaseTag(pkg, [`${pkg}@2.0.0`, `${pkg}@2.0.0-beta.1`])).toBe(`${pkg}@2.0.0`);
  });

  it("ignores other packages whose names share a prefix, and non-version suffixes", () => {
    const tags = [`${pkg}-extra@9.0.0`, `${pkg}@latest`, `${pkg}@1.0.0`, "v3.0.0"];
    expect(newestReleaseTag(pkg, tags)).toBe(`${pkg}@1.0.0`);
  });

  it("returns undefined before the first release", () => {
    expect(newestReleaseTag(pkg, ["@rollcall/core@1.0.0", ""])).toBeUndefined();
  });
});
