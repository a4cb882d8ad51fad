import { describe, expect, it } from "vitest";
import { allSettledInOrder } from "../../src/index";

const after = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => (fail ? reject(value) : resolve(value)), ms),
  );

describe("allSettledInOrder", () => {
  it("gives every read's value in order, whichever ends first", async () => {
    expect(
      await allSettledInOrder([after(30, "users"), after(1, 2), after(10, ["teams"])]),
    ).toEqual(["users", 2, ["teams"]]);
  });

  it("throws the first failure in order, only once every read has ended", async () => {
    let slowEnded = false;
    const slow = after(40, "schedules").then((value) => ((slowEnded = true), value));
    const error = await allSettledInOrder([
      slow,
      after(20, new Error("second"), true),
      after(1, new Error("third"), true),
    ]).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe("second");
    expect(slowEnded).toBe(true);
  });
});
