import { describe, expect, it } from "vitest";
import { styleFor } from "../src/terminal";

describe("styleFor", () => {
  it("colours a terminal", () => {
    expect(styleFor(true, {}).red("x")).toBe("\u001b[31mx\u001b[39m");
  });

  it("never colours a pipe or file", () => {
    expect(styleFor(false, {}).red("x")).toBe("x");
  });

  it("honours NO_COLOR on a terminal", () => {
    expect(styleFor(true, { NO_COLOR: "1" }).bold("x")).toBe("x");
  });
});
