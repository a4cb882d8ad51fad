// A fifth vendor is a spec, a registry row and one connector: generated into a temporary copy of
// the repo's layout, served over loopback, and shown in a directory built by core's drivers beside
// a shipped vendor — with nothing in the repo edited.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  buildDirectory,
  ClientValidationError,
  executeOffboarding,
  findPerson,
  planOffboarding,
} from "@rollcall/core";
import { connector as rootly } from "@rollcall/rootly-client";
import { startSimulator } from "@rollcall/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";
import { acmeConnector, type Generated } from "./fifth-vendor/connector";
import { generateScratchVendors, type ScratchVendors } from "./support/scratch-vendors";

const HERE = new URL("./fifth-vendor/", import.meta.url);
const KEY = "acme-key-3f9c1e";
const PERSON = "ben.okafor@harbourline.example";

let scratch: ScratchVendors;
let generated: Generated;

/** What `pnpm generate` makes of the spec and the registry row, in a copy of the repo's layout. */
beforeAll(async () => {
  const row = JSON.parse(await readFile(new URL("registry-row.json", HERE), "utf8"));
  const spec = await readFile(new URL("acme.yaml", HERE), "utf8");
  scratch = await generateScratchVendors([{ row, spec }]);
  const client = await scratch.load("acme", "client.ts");
  generated = {
    vendor: (await scratch.load("acme", "vendor.ts")).vendor,
    operations: (await scratch.load("acme", "operations.ts")).operations,
    createAcmeClient: client.createAcmeClient,
    listAllUsers: client.listAllUsers,
    offboarding: await scratch.load("acme", "offboarding.ts"),
  } as Generated;
}, 60_000);
afterAll(() => scratch.remove());

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
    await readFile(join(scratch.root, "packages/acme-client/package.json"), "utf8"),
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
    // Core's preflight reads the new vendor's roles too: its only admin cannot be removed...
    const blocked = planOffboarding(directory, PERSON, planners);
    expect(blocked.blockers.filter((blocker) => blocker.vendor === "acme")).toEqual([
      expect.objectContaining({
        code: "last-admin",
        account: expect.objectContaining({ id: "u-1" }),
      }),
    ]);
    // ...until someone else is one.
    vendor.users[1]!.role = "admin";
    const { accounts: again } = await acme.pullAccounts(acmeClient);
    const rebuilt = buildDirectory([...again, ...pulled[1]!.accounts]);
    const plan = planOffboarding(rebuilt, PERSON, planners);
    expect(plan.blockers.filter((blocker) => blocker.vendor === "acme")).toEqual([]);
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
