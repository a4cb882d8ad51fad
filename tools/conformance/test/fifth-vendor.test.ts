// A fifth vendor is a spec, a registry row and one connector: generated into a temporary copy of
// the repo's layout, served over loopback, and shown in a directory built by core's drivers beside
// a shipped vendor — with nothing in the repo edited.
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  buildDirectory,
  ClientValidationError,
  executeOffboarding,
  findPerson,
  planOffboarding,
} from "@rollcall/core";
import { runCodegen } from "@rollcall/codegen/src/codegen.ts";
import { syncSkeletons } from "@rollcall/codegen/src/package-skeleton.ts";
import { REPO_ROOT } from "@rollcall/codegen/src/cli.ts";
import { connector as rootly } from "@rollcall/rootly-client";
import { startSimulator } from "@rollcall/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";
import { acmeConnector, type Generated } from "./fifth-vendor/connector";

const HERE = new URL("./fifth-vendor/", import.meta.url);
const KEY = "acme-key-3f9c1e";
const PERSON = "ben.okafor@harbourline.example";

let root: string;
let generated: Generated;

/** What `pnpm generate` makes of the spec and the registry row, in a copy of the repo's layout. */
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "rollcall-fifth-vendor-"));
  for (const file of [
    "redocly.yaml",
    ".prettierrc.json",
    "tsconfig.base.json",
    "tools/codegen/templates",
  ]) {
    await cp(join(REPO_ROOT, file), join(root, file), { recursive: true });
  }
  const row = JSON.parse(await readFile(new URL("registry-row.json", HERE), "utf8"));
  await mkdir(join(root, "specs"));
  await writeFile(join(root, "specs/vendors.json"), JSON.stringify({ vendors: [row] }));
  await cp(new URL("acme.yaml", HERE), join(root, "specs/acme.yaml"));
  await syncSkeletons(root, [row], false);
  await runCodegen({ root, targets: ["acme"] });
  // What `pnpm install` would link: the package's one runtime dependency of ours.
  await mkdir(join(root, "packages/acme-client/node_modules/@rollcall"), { recursive: true });
  await symlink(
    join(REPO_ROOT, "packages/core"),
    join(root, "packages/acme-client/node_modules/@rollcall/core"),
  );
  const load = (file: string) =>
    import(pathToFileURL(join(root, "packages/acme-client/src/generated", file)).href);
  const client = await load("client.ts");
  generated = {
    vendor: (await load("vendor.ts")).vendor,
    operations: (await load("operations.ts")).operations,
    createAcmeClient: client.createAcmeClient,
    listAllUsers: client.listAllUsers,
  };
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** The vendor itself: users behind an `X-Acme-Key` header, as its spec says. */
async function serveAcme(users: { id: string; email: string; role: string }[]) {
  const seen: string[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen.push(`${request.method} ${request.url}`);
    const answer = (status: number, body?: unknown) => {
      response.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.headers["x-acme-key"] !== KEY) return answer(401, { error: "bad key" });
    const url = new URL(request.url ?? "/", "http://acme.test");
    const id = /^\/users\/([^/]+)$/.exec(url.pathname)?.[1];
    const found = users.findIndex((user) => user.id === id);
    if (url.pathname === "/users" && request.method === "GET") {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      return answer(200, { users: users.slice(offset, offset + limit) });
    }
    if (id === undefined || found < 0) return answer(404, { error: `no user ${id}` });
    if (request.method === "GET") return answer(200, users[found]);
    users.splice(found, 1);
    return answer(204);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, users, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

it("generates its descriptor, operations, client and package skeleton from the spec and the registry row", async () => {
  expect(generated.vendor).toMatchObject({
    id: "acme",
    title: "Acme Ops",
    packageName: "@rollcall/acme-client",
    defaultBaseUrl: "https://api.acme.test",
  });
  // Operations with a parameter to check or paging: the list, and the user id's pattern on both
  // routes that take it.
  expect(Object.keys(generated.operations).sort()).toEqual([
    "DELETE /users/{userId}",
    "GET /users",
    "GET /users/{userId}",
  ]);
  expect(generated.createAcmeClient.name).toBe("createAcmeClient");
  expect(() => generated.createAcmeClient({} as never)).toThrow(
    expect.objectContaining({ name: "ClientValidationError", field: "options.apiKey" }),
  );
  const manifest = JSON.parse(
    await readFile(join(root, "packages/acme-client/package.json"), "utf8"),
  );
  expect(manifest.name).toBe("@rollcall/acme-client");
});

it("joins its accounts with a shipped vendor's in one directory, and offboards through core's drivers", async () => {
  const acme = acmeConnector(generated);
  const vendor = await serveAcme([
    { id: "u-1", email: PERSON.toUpperCase(), role: "admin" },
    { id: "u-2", email: "someone.else@example.com", role: "member" },
  ]);
  const sim = await startSimulator("rootly", { seed: "demo", validateResponses: false });
  try {
    const acmeClient = acme.createClient({ apiKey: KEY }, { baseUrl: vendor.url });
    // Three users, pages of two: the generated listing walks both pages.
    vendor.users.push({ id: "u-3", email: "third@example.com", role: "member" });
    const rootlyClient = rootly.createClient(
      { token: sim.credentials.token },
      { baseUrl: sim.url },
    );
    const pulled = [await acme.pullAccounts(acmeClient), await rootly.pullAccounts(rootlyClient)];
    const directory = buildDirectory(pulled.flatMap((result) => result.accounts));

    const person = findPerson(directory, PERSON);
    expect(person?.accounts.map((account) => account.source.vendor).sort()).toEqual([
      "acme",
      "rootly",
    ]);
    expect(person?.accounts.find((a) => a.source.vendor === "acme")?.role.level).toBe("admin");

    const planners = { [acme.id]: acme.planOffboarding, [rootly.id]: rootly.planOffboarding };
    const plan = planOffboarding(directory, PERSON, planners);
    const step = plan.steps.find((candidate) => candidate.vendor === "acme");
    expect(step).toMatchObject({ action: "acme.deleteUser", userId: "u-1" });

    const result = await executeOffboarding(
      { ...plan, steps: [step!] },
      { [acme.id]: acme.offboardingExecutor(acmeClient) },
    );
    expect(result.ok).toBe(true);
    expect(vendor.users.map((user) => user.id)).toEqual(["u-2", "u-3"]);
    expect(vendor.seen).toContain("GET /users?limit=2&offset=2");
    expect(vendor.seen).toContain("DELETE /users/u-1");
  } finally {
    await Promise.all([vendor.close(), sim.close()]);
  }
});

it("keeps what the spec says: a malformed id is refused before sending, a wrong key is the vendor's 401", async () => {
  const acme = acmeConnector(generated);
  const vendor = await serveAcme([{ id: "u-1", email: PERSON, role: "member" }]);
  try {
    const client = acme.createClient({ apiKey: KEY }, { baseUrl: vendor.url });
    await expect(
      client.GET("/users/{userId}", { params: { path: { userId: "../admin" } } }),
    ).rejects.toBeInstanceOf(ClientValidationError);
    expect(vendor.seen).toEqual([]);

    const wrong = acme.createClient({ apiKey: "not-the-key" }, { baseUrl: vendor.url });
    await expect(acme.pullAccounts(wrong)).rejects.toMatchObject({
      name: "AuthenticationError",
      vendor: "acme",
      status: 401,
      vendorMessage: "bad key",
    });
  } finally {
    await vendor.close();
  }
});
