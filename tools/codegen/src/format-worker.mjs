// Prettier in a worker thread: importing it and warming its TypeScript printer takes about as long
// as linting, so it happens in parallel with the main thread's lint and type generation.
// Plain JS so the worker needs no TypeScript loader.
import { parentPort } from "node:worker_threads";

const prettierReady = import("prettier").then(async (prettier) => {
  // Warm-up: the first format of a file pays for JIT compilation of parser and printer.
  await prettier.format("/** a */\nexport interface A { b?: { c: string } }\n", {
    parser: "typescript",
  });
  return prettier;
});

parentPort?.on("message", async ({ id, code, filepath }) => {
  try {
    const prettier = await prettierReady;
    const options = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {};
    const output = await prettier.format(code, { ...options, filepath, parser: "typescript" });
    parentPort?.postMessage({ id, output });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
