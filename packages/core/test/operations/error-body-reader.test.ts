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

  it("joins a list's messages with the shape's separator, and reads a code given alone", () => {
    expect(read({ error: [{ message: "No" }, "junk", { message: " again " }] })).toEqual({
      message: "No | again",
      code: undefined,
    });
    expect(read({ error: { code: " E42 " } })).toEqual({ message: undefined, code: "E42" });
    expect(read({ error: { code: 0 } })).toEqual({ message: undefined, code: 0 });
    expect(read({ errors: [{ title: "A" }, { title: "B", code: "E2" }] })).toEqual({
      message: "A; B",
      code: "E2",
    });
    const codeOnly = errorBodyReader([{ at: "fault", code: ["id"] }]);
    expect(codeOnly({ fault: { id: "F1", message: "ignored" } })).toEqual({
      message: undefined,
      code: "F1",
    });
  });

  it("follows a dotted path to the fields", () => {
    const nested = errorBodyReader([{ at: "data.fault", message: ["text"], code: ["id"] }]);
    expect(nested({ data: { fault: { text: "Gone", id: 7 } } })).toEqual({
      message: "Gone",
      code: 7,
    });
    expect(nested({ data: "fault" })).toBeUndefined();
    expect(nested({ fault: { text: "Gone" } })).toBeUndefined();
  });
});
