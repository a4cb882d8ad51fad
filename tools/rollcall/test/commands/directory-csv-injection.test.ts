// A vendor record is data someone else typed: a name starting with = + - or @ must reach a
// spreadsheet as text, never as a formula (the README's --csv promise).
import { describe, expect, it } from "vitest";
import { runCli } from "../run-cli";
import { rootlyUser } from "../rootly-user";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

function addRootlyUser(id: string, email: string, firstName: string): void {
  demo.sims.rootly.store.users.put(rootlyUser(id, email, firstName));
}

describe("rollcall directory --csv", () => {
  it("writes a cell that would start a formula as text", async () => {
    addRootlyUser("9101", "formula@harbourline.example", '=HYPERLINK("http://x","click")');
    addRootlyUser("9102", "plus@harbourline.example", "+1");
    addRootlyUser("9103", "at@harbourline.example", "@SUM(A1)");
    addRootlyUser("9104", "minus@harbourline.example", "-2");
    const run = await runCli(["directory", "--csv", "--vendor", "rootly"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\r\n");
    const line = (email: string) => lines.find((row) => row.includes(`,${email},`));
    expect(line("formula@harbourline.example")).toMatch(
      /^"'=HYPERLINK\(""http:\/\/x"",""click""\) Smith",formula@harbourline\.example,/,
    );
    expect(line("plus@harbourline.example")).toMatch(/^'\+1 Smith,/);
    expect(line("at@harbourline.example")).toMatch(/^'@SUM\(A1\) Smith,/);
    expect(line("minus@harbourline.example")).toMatch(/^'-2 Smith,/);
    // Ordinary names are left exactly as they are.
    expect(lines[0]).toBe("name,email,rootly");
    expect(lines.slice(1).filter((row) => row.startsWith("'"))).toHaveLength(3);
  });
});
