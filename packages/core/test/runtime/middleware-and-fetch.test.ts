// openapi-fetch's middleware and a caller's own fetch on a Rollcall client: middleware reaches every
// method, however its credential is placed, and can be taken off again; a fetch that ignores the
// init it is given still never follows a redirect. Over real loopback HTTP.
import { describe, expect, it } from "vitest";
import type { Middleware } from "openapi-fetch";
import { createApiClient, RedirectError } from "../../src/runtime";
import { API_KEY, fakeVendor } from "./fake-vendor";
import {
  closeAfterEach,
  startScriptedServer,
  type paths,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

describe("middleware and a caller's fetch", () => {
  it("runs middleware on every method until it is ejected", async () => {
    server = await startScriptedServer((seen) =>
      seen.method === "POST"
        ? { status: 201, body: { id: "u1" } }
        : { status: 200, body: { users: [] } },
    );
    // The query credential on GET and the body credential on POST make separate openapi-fetch clients.
    const client = createApiClient<paths>(
      fakeVendor({
        auth: {
          query: { params: { apiKey: API_KEY }, methods: ["GET"] },
          body: { fields: { apiKey: API_KEY }, methods: ["POST"] },
        },
      }),
      { baseUrl: server.baseUrl },
    );
    const marked: Middleware = {
      onRequest({ request }) {
        request.headers.set("X-Marked", "yes");
        return request;
      },
    };
    client.use(marked);
    await client.GET("/users");
    await client.POST("/users", { body: { name: "Ada" } });
    await client.DELETE("/users/{id}", { params: { path: { id: "u1" } } });
    client.eject(marked);
    await client.GET("/users");
    await client.POST("/users", { body: { name: "Ada" } });
    expect(server.seen.map((s) => `${s.method} ${s.headers["x-marked"] ?? "-"}`)).toEqual([
      "GET yes",
      "POST yes",
      "DELETE yes",
      "GET -",
      "POST -",
    ]);
  });

  it("never follows a redirect, even through a fetch that ignores the init it is given", async () => {
    server = await startScriptedServer((seen) =>
      seen.url === "/users"
        ? { status: 302, headers: { location: "/elsewhere" } }
        : { status: 200, body: { users: [] } },
    );
    const client = createApiClient<paths>(fakeVendor(), {
      baseUrl: server.baseUrl,
      fetch: (request) => globalThis.fetch(request),
    });
    const error = await client.GET("/users").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RedirectError);
    expect(server.seen.map((s) => s.url)).toEqual(["/users"]);
  });
});
