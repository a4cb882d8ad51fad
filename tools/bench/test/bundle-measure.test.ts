import { describe, expect, it } from "vitest";
import { exportedNames, measureBundle, reexport } from "../src/bundle-measure";

describe("measureBundle", () => {
  it("counts a bundled dependency, and leaves it out when marked external", async () => {
    const entry = `export { default } from "openapi-fetch";`;
    const bundled = await measureBundle(entry, []);
    const external = await measureBundle(entry, ["openapi-fetch"]);
    expect(bundled.minBytes).toBeGreaterThan(external.minBytes * 10);
    expect(bundled.gzipBytes).toBeLessThan(bundled.minBytes);
  });

  it("names what a module exports, without its types", async () => {
    const names = await exportedNames(new URL("../src/statistics.ts", import.meta.url).pathname);
    expect(names).toEqual(["median", "rotated"]);
  });

  it("fails on an entry that imports something missing, rather than measuring nothing", async () => {
    await expect(measureBundle(reexport(["nope"], "./does-not-exist"), [])).rejects.toThrow();
  });
});
