// An error nothing else expected still ends as one line on stderr, secrets removed, and exit 1.
import { describe, expect, it } from "vitest";
import { main } from "../src/main";
import { useDemoSimulators } from "./demo-simulators";

const demo = useDemoSimulators();

describe("main", () => {
  it("reports an unexpected failure in one scrubbed line and exits 1", async () => {
    const token = demo.env.ROOTLY_API_TOKEN!;
    let stderr = "";
    const code = await main(["directory", "--vendor", "rootly"], {
      writeOut: () => {
        throw new Error(`EIO: stdout is gone\n(while writing for ${token})`);
      },
      writeErr: (text) => void (stderr += text),
      outIsTty: false,
      errIsTty: false,
      env: demo.env,
    });
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(
      "rollcall: Error: EIO: stdout is gone (while writing for [REDACTED])",
    );
  });
});
