// The minimal HTTP server the loopback call-overhead figures talk to: 127.0.0.1, a free port, the
// same small JSON body for every request. Run as a child process; it reports its port over IPC.
import { createServer } from "node:http";
import { SMALL_JSON_BODY } from "./response-stub";

const body = Buffer.from(SMALL_JSON_BODY);
const server = createServer((request, response) => {
  request.resume();
  const jsonApi = request.headers.accept?.includes("application/vnd.api+json") ?? false;
  response.writeHead(200, {
    "content-type": jsonApi ? "application/vnd.api+json" : "application/json",
    "content-length": body.length,
  });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  process.send?.({ port: address.port });
});
// Stop with the parent, whichever way it ends.
process.on("disconnect", () => process.exit(0));
