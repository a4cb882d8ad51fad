import { describe, expect, it } from "vitest";
import { recordHooks } from "../../src/testing/hook-recorder";

describe("recordHooks", () => {
  it("keeps every payload from every hook, in order, until cleared", () => {
    const recorder = recordHooks();
    recorder.hooks.onRequest({ attempt: 1 });
    recorder.hooks.onRetry({ attempt: 1 });
    recorder.hooks.onResponse({ status: 200 });
    recorder.hooks.onError({ kind: "server" });
    expect(recorder.payloads).toEqual([
      { attempt: 1 },
      { attempt: 1 },
      { status: 200 },
      { kind: "server" },
    ]);
    recorder.clear();
    expect(recorder.payloads).toEqual([]);
  });

  it("names the payload that shows a secret, without showing the secret", () => {
    const secret = "sk_live_abc123";
    const recorder = recordHooks();
    recorder.hooks.onRequest({ url: "https://x.test/users" });
    recorder.hooks.onError({ url: `https://x.test/users?apiKey=${secret}` });
    const leaks = recorder.leaks([secret]);
    expect(leaks).toEqual([
      "payload #1: inspect shows secret #0",
      "payload #1: JSON shows secret #0",
    ]);
    expect(leaks.join(" ")).not.toContain(secret);
    expect(recorder.leaks(["not-there"])).toEqual([]);
  });
});
