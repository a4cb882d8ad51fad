import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { startScriptedServer } from "./scripted-server";

// The built package, as `require("@rollcall/core")` and `import("@rollcall/core")` load it. Turbo
// builds core before its tests; run `pnpm --filter @rollcall/core build` first when running by hand.
const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

// One script for both module systems: create a client with the built code and make one call.
const callScript = (load: string) => `
${load}
const client = core.createApiClient(
  { vendor: "fakevendor", packageName: "@rollcall/fake-client", packageVersion: "1.0.0",
    baseUrl: process.env.BASE_URL, auth: { headers: { "X-Api-Key": "k" } } },
  { retry: false },
);
client.GET("/users").then(({ data, response }) => {
  console.log(JSON.stringify({ status: response.status, data }));
}, (error) => { console.error(error); process.exitCode = 1; });
`;

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the built package", () => {
  it.each([
    ["require()", `const core = require(${JSON.stringify(dist("index.cjs"))});`, "index.cjs"],
    ["import()", `const core = await import(${JSON.stringify(dist("index.js"))});`, "index.js"],
  ])("creates a client and makes a call when loaded with %s", async (_label, load, file) => {
    expect(existsSync(dist(file)), `${file} is missing: build @rollcall/core first`).toBe(true);
    server = await startScriptedServer([{ status: 200, body: { users: [{ id: "u1" }] } }]);
    const args = file.endsWith(".cjs")
      ? ["-e", callScript(load)]
      : ["--input-type=module", "-e", callScript(load)];
    const { stdout } = await run(process.execPath, args, {
      env: { ...process.env, BASE_URL: server.baseUrl },
    });
    expect(JSON.parse(stdout.trim())).toEqual({ status: 200, data: { users: [{ id: "u1" }] } });
    expect(server.seen[0]?.headers["x-api-key"]).toBe("k");
  });
});
