import { describe, expect, it } from "vitest";
import { atLeast, atMost, failed, info, judged, type Figure } from "../src/figure";
import { renderTable, summarize } from "../src/report-table";

describe("figures and the table", () => {
  it("judges a ratio against an at-least target and a time against an at-most one", () => {
    const row = { section: "overhead" as const, name: "x", value: "1" };
    expect(judged(row, atLeast(0.95, "≥ 0.95×"), 0.96).verdict).toBe("PASS");
    expect(judged(row, atLeast(0.95, "≥ 0.95×"), 0.94).verdict).toBe("MISS");
    expect(judged(row, atMost(2000, "≤ 2 s"), 2500).verdict).toBe("MISS");
    expect(judged(row, atMost(2000, "≤ 2 s"), Number.NaN).verdict).toBe("ERROR");
  });

  it("prints target and verdict beside each figure, with notes numbered underneath", () => {
    const figures: Figure[] = [
      judged(
        {
          section: "bundle",
          name: "core",
          value: "gzip 3.10 kB",
          ratio: 1.5,
          baseline: "openapi-fetch",
        },
        atMost(4000, "≤ 4.00 kB gzip"),
        3100,
      ),
      failed("bundle", "eagle", "package not built"),
      info({ section: "directory", name: "memory", value: "12 MB" }),
    ];
    const table = renderTable(figures);
    const lines = table.split("\n");
    expect(lines[2]).toMatch(
      /bundle\s+core\s+gzip 3\.10 kB\s+1\.50×\s+openapi-fetch\s+≤ 4\.00 kB gzip\s+PASS/,
    );
    expect(lines[3]).toMatch(/eagle \[1\].*ERROR$/);
    expect(table).toContain("[1] package not built");
    expect(summarize(figures)).toBe("1 PASS, 0 MISS, 1 INFO, 1 ERROR");
  });
});
