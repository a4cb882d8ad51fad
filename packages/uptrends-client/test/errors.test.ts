import { describe, expect, it } from "vitest";
import { parseUptrendsError } from "../src/index";

describe("parseUptrendsError", () => {
  it("joins every message of a MessageList", () => {
    expect(
      parseUptrendsError({
        Messages: [{ Message: "Email is required." }, { Message: " FullName is required. " }],
      }),
    ).toEqual({ message: "Email is required.; FullName is required." });
  });

  it("leaves other bodies to core's reader", () => {
    for (const body of [null, "text", [], {}, { Messages: [] }, { Messages: [{ Code: 1 }] }]) {
      expect(parseUptrendsError(body)).toBeUndefined();
    }
  });
});
