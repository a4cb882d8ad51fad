import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What a publish sent: the manifest npm derived from package.json, and the tarball. */
export interface PublishedVersion {
  readonly name: string;
  readonly version: string;
  readonly manifest: Record<string, any>;
  readonly tarball: Buffer;
}

/**
 * An npm registry on loopback that knows no packages and accepts every publish, so
 * `changeset publish` runs end to end without anything leaving the machine.
 */
export class FakeRegistry {
  readonly published: PublishedVersion[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeRegistry> {
    let registry: FakeRegistry | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (request.method === "PUT") {
          registry?.record(Buffer.concat(chunks).toString("utf8"));
          response.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}');
          return;
        }
        // Every package is unknown: changesets then publishes each one.
        response
          .writeHead(404, { "content-type": "application/json" })
          .end('{"error":"Not found"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    registry = new FakeRegistry(server, `http://127.0.0.1:${port}/`);
    return registry;
  }

  private record(body: string): void {
    const document = JSON.parse(body) as {
      name: string;
      versions: Record<string, Record<string, any>>;
      _attachments: Record<string, { data: string }>;
    };
    for (const [version, manifest] of Object.entries(document.versions)) {
      const attachment = Object.values(document._attachments)[0];
      this.published.push({
        name: document.name,
        version,
        manifest,
        tarball: Buffer.from(attachment?.data ?? "", "base64"),
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
