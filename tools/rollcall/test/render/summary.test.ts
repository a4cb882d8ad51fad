// The summary under `rollcall directory` for a record the demo organisation never has: one an
// adapter could not read and cannot name by id (an Uptrends operator without an OperatorGuid).
// Rendered directly from the directory the command would build.
import { buildDirectory } from "@rollcall/core";
import { toAccounts } from "@rollcall/uptrends-client";
import { describe, expect, it } from "vitest";
import type { PulledDirectory } from "../../src/pull";
import { renderSummary } from "../../src/render/summary";
import { text } from "./printed-text";

describe("the directory summary", () => {
  it("lists an unreadable record without an id by vendor and kind alone", () => {
    const adapted = toAccounts([{ Email: "ada@example.com", FullName: "Ada" }]);
    expect(adapted.accounts).toEqual([]);
    expect(adapted.issues.map((issue) => [issue.id, issue.reason])).toEqual([
      [undefined, expect.stringMatching(/OperatorGuid/)],
    ]);
    const directory = buildDirectory([], { issues: adapted.issues });
    const pulled = {
      pulls: [{ vendor: "uptrends", status: "ok", source: "test", pages: 1, ...adapted }],
      directory,
      partial: false,
    } as unknown as PulledDirectory;
    expect(text(renderSummary(pulled)).slice(-2)).toEqual([
      "Records that could not be read: 1",
      `  uptrends uptrends.operator: ${adapted.issues[0]!.reason}`,
    ]);
  });
});
