// A response body as the caller asked for it: parsed JSON however many chunks it came in, raw bytes,
// a Blob of the served type, an unread stream, and a copy for middleware that reads it first.
// Over real loopback HTTP.
import { describe, expect, it } from "vitest";
import { fakeClient } from "./fake-vendor";
import { closeAfterEach, startScriptedServer, type ScriptedServer } from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

const users = { users: [{ id: "u1" }, { id: "ü2" }] };
const served = JSON.stringify(users);

describe("response bodies", () => {
  it("parses a large JSON body that arrives in many chunks", async () => {
    const many = {
      users: Array.from({ length: 5000 }, (_, i) => ({ id: `user-${i}-${"x".repeat(40)}` })),
    };
    server = await startScriptedServer([{ status: 200, body: many }]);
    const { data } = await fakeClient(server.baseUrl).GET("/users");
    expect(data).toEqual(many);
  });

  it("gives the raw bytes, or a Blob with the served content type, when the call asks", async () => {
    const type = "application/json; charset=utf-8";
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": type }, body: served },
    ]);
    const client = fakeClient(server.baseUrl);
    const bytes = (await client.GET("/users", { parseAs: "arrayBuffer" })).data as unknown;
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(bytes as ArrayBuffer)).toBe(served);
    const blob = (await client.GET("/users", { parseAs: "blob" })).data as unknown as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe(type);
    expect(await blob.text()).toBe(served);
    const text = (await client.GET("/users", { parseAs: "text" })).data as unknown;
    expect(text).toBe(served);
  });

  it("hands a stream over unread when the call asks for one", async () => {
    server = await startScriptedServer([{ status: 200, body: users }]);
    const { data } = await fakeClient(server.baseUrl).GET("/users", { parseAs: "stream" });
    expect(data).toBeInstanceOf(ReadableStream);
    expect(await new Response(data as unknown as ReadableStream).json()).toEqual(users);
  });

  it("lets middleware read a copy of the body, and still returns the parsed data", async () => {
    server = await startScriptedServer([{ status: 200, body: users }]);
    const client = fakeClient(server.baseUrl);
    const copies: unknown[] = [];
    client.use({
      async onResponse({ response }) {
        copies.push(await response.clone().json());
        copies.push(await response.clone().text());
      },
    });
    const { data } = await client.GET("/users");
    expect(data).toEqual(users);
    expect(copies).toEqual([users, served]);
  });
});
