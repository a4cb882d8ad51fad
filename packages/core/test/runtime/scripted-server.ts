import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** What the server saw for one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * One scripted answer: status, headers and body, or "hang" (never answer), "destroy" (reset), or
 * "stall-body" (a 200 JSON head and the start of a body, then nothing).
 */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string | object }
  | "hang"
  | "destroy"
  | "stall-body";

/**
 * A loopback HTTP server on 127.0.0.1, port 0, answering from a script: `replies[i]` for the i-th
 * request, the last reply repeating. Records every request it saw.
 */
export async function startScriptedServer(
  replies: readonly Reply[] | ((seen: SeenRequest, index: number) => Reply),
) {
  const seen: SeenRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(request);
      const index = seen.length - 1;
      const reply =
        typeof replies === "function"
          ? replies(request, index)
          : (replies[Math.min(index, replies.length - 1)] ?? { status: 500 });
      if (reply === "hang" || reply === "stall-body") {
        hanging.add(res);
        if (reply === "stall-body") {
          res.writeHead(200, { "content-type": "application/json" });
          res.write('{"users": [');
        }
        return;
      }
      if (reply === "destroy") {
        req.socket.destroy();
        return;
      }
      const body =
        reply.body === undefined
          ? ""
          : typeof reply.body === "string"
            ? reply.body
            : JSON.stringify(reply.body);
      const headers: Record<string, string> = { ...reply.headers };
      if (typeof reply.body === "object" && !("content-type" in headers)) {
        headers["content-type"] = "application/json";
      }
      res.writeHead(reply.status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A started scripted server, as {@link startScriptedServer} returns it. */
export type ScriptedServer = Awaited<ReturnType<typeof startScriptedServer>>;

/** Closes the test's server after each test of the file: `closeAfterEach(() => server)`. */
export function closeAfterEach(current: () => ScriptedServer | undefined): void {
  afterEach(async () => {
    await current()?.close();
  });
}

/** A hand-written `paths` for a fake vendor, in the shape openapi-typescript generates. */
export interface paths {
  "/users": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: {
        query?: { limit?: number; offset?: number };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { users: { id: string }[] } };
        };
        default: {
          headers: { [name: string]: unknown };
          content: { "application/json": { error: string } };
        };
      };
    };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { "application/json": { name: string } } };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: { "application/json": { id: string } };
        };
        default: {
          headers: { [name: string]: unknown };
          content: { "application/json": { error: string } };
        };
      };
    };
    put?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/users/{id}": {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { id: string } };
        };
      };
    };
    put: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: { content: { "application/json": { name: string } } };
      responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
    };
    delete: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
    };
    post?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
