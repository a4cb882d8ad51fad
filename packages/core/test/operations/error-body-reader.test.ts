// The reader of a vendor's error-body shapes (the spec's x-rollcall-error-body), as the generated
// client factories use it: first shape that yields something wins, else the common reader's turn.
import { describe, expect, it } from "vitest";
import { errorBodyReader } from "../../src/operations";

describe("errorBodyReader", () => {
  const read = errorBodyReader([
    { message: ["error"] },
    { at: "errors", message: ["title", "detail"], code: ["code", "status"] },
    { at: "error", message: ["message"], code: ["code"], separator: " | " },
  ]);

  it("reads the first shape that yields a message or a code, joining a list's messages", () => {
    expect(read({ error: " Slow down " })).toEqual({ message: "Slow down", code: undefined });
    expect(
      read({
        errors: [
          { title: "Invalid", detail: "Email taken", code: null, status: "422" },
          { title: "Second" },
        ],
      }),
    ).toEqual({ message: "Invalid: Email taken; Second", code: "422" });
    expect(read({ error: { message: "No", code: 405 } })).toEqual({ message: "No", code: 405 });
  });

  it("gives nothing for bodies no shape describes, so the common reader gets a try", () => {
    for (const body of [null, "text", [], {}, { errors: "x" }, { errors: [{}] }, { error: " " }])
      expect(read(body)).toBeUndefined();
  });
});
