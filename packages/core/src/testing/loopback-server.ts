import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Runs `use` against a plain HTTP server on 127.0.0.1 answering with `handler` (a purpose-built
 * hostile or scripted vendor), and closes the server however `use` ends.
 */
export async function withLoopbackServer<T>(
  handler: RequestListener,
  use: (baseUrl: string) => Promise<T>,
): Promise<T> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
