import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as a hostile server received it, to check what a client handed over. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface HostileServer {
  /** `http://127.0.0.1:<port>`: every server is its own origin. */
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A loopback server that answers however `behave` likes (stall, drop, lie), after reading the
 * request body. Sockets are destroyed on close, so a stalled answer cannot hold the test open.
 */
export async function startHostileServer(
  behave: (res: ServerResponse, request: Received, index: number) => void,
): Promise<HostileServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(request);
      behave(res, request, received.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Every place in a received request where one of `secrets` shows up; empty when none does. */
export function credentialsIn(request: Received, secrets: readonly string[]): string[] {
  const places: [string, string][] = [
    ["url", request.url],
    ["body", request.body],
    ...Object.entries(request.headers).map(
      ([name, value]) => [`header ${name}`, String(value)] as [string, string],
    ),
  ];
  return places.flatMap(([where, text]) =>
    secrets.some((secret) => text.includes(secret)) ? [where] : [],
  );
}

/** Answers 200 with a small JSON object, what any of the harness calls can read. */
export function answerJson(res: ServerResponse, body: unknown = { ok: true }): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
