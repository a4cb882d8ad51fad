// The size budget, enforced like openapi-fetch's size-limit check: bundle each entry with esbuild,
// minify, gzip, and fail when it grows past its budget. Needs the packages built (turbo's test task
// depends on ^build).
import { describe, expect, it } from "vitest";
import { measureBundle } from "../src/bundle-measure";
import { SIZE_BUDGETS } from "../src/size-budget";

describe("size budget (gzip, kB = 1000 B)", () => {
  it.each(SIZE_BUDGETS.map((budget) => [budget.name, budget] as const))(
    "%s stays within its budget",
    async (_name, budget) => {
      const size = await measureBundle(await budget.entry(), budget.external);
      expect(size.gzipBytes).toBeGreaterThan(0);
      expect(size.gzipBytes, `${budget.name}: ${size.gzipBytes} B gzip`).toBeLessThanOrEqual(
        budget.maxGzipBytes,
      );
    },
  );
});
