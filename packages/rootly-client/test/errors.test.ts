import { describe, expect, it } from "vitest";
import { parseRootlyError } from "../src/index";

describe("parseRootlyError", () => {
  it("reads a JSON:API error document, title and detail, with Rootly's code or the status", () => {
    expect(
      parseRootlyError({
        errors: [{ title: "Record not found", status: "404", code: null, detail: null }],
      }),
    ).toEqual({ message: "Record not found", code: "404" });
    expect(
      parseRootlyError({
        errors: [
          {
            title: "Unprocessable Entity",
            status: "422",
            code: "invalid",
            detail: "User must exist",
          },
          { title: "Second", status: "422" },
        ],
      }),
    ).toEqual({ message: "Unprocessable Entity: User must exist; Second", code: "invalid" });
  });

  it("reads the plain 429 body", () => {
    expect(parseRootlyError({ error: "Rate limit exceeded. Try again later." })).toEqual({
      message: "Rate limit exceeded. Try again later.",
    });
  });

  it("leaves other bodies to core's reader", () => {
    for (const body of [null, "text", [], {}, { errors: "nope" }, { errors: [{}] }]) {
      expect(parseRootlyError(body)).toBeUndefined();
    }
  });
});
