import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for eagle.io's owner endpoint, for answers the simulator never gives: an owner without
 * the lists a key below Account level cannot see, a write whose answer has lost a group, an owner
 * that changes between two reads.
 */
export interface OwnerServer {
  readonly url: string;
  readonly methods: string[];
  /** The body of each PUT, parsed. */
  readonly puts: unknown[];
  close(): Promise<void>;
}

/**
 * Answers the first read with `owner`, later reads with `rereads` (default: `owner`), and every
 * write with `written` (default: `owner`).
 */
export async function serveOwner(
  owner: unknown,
  written: unknown = owner,
  rereads: unknown = owner,
): Promise<OwnerServer> {
  const methods: string[] = [];
  const puts: unknown[] = [];
  const http: Server = createServer((request, response) => {
    methods.push(request.method ?? "");
    const reads = methods.filter((method) => method === "GET").length;
    let body = "";
    request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      if (request.method === "PUT") puts.push(JSON.parse(body));
      const answer = request.method === "PUT" ? written : reads > 1 ? rereads : owner;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    methods,
    puts,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
