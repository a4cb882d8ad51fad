// Prettier in a worker thread: importing it and warming its printer takes about as long as
// linting, so it happens in parallel with the main thread's lint and type generation.
// Plain JS so the worker needs no TypeScript loader.
//
// Parser babel-ts, not typescript (which `prettier --check` infers for .ts): it formats codegen's
// output about twice as fast, and for this output (interfaces, type aliases, object literals,
// JSDoc) both print the same bytes — a codegen test and the repo's format:check hold it to that.
import { parentPort } from "node:worker_threads";

const PARSER = "babel-ts";

const prettierReady = import("prettier").then(async (prettier) => {
  // Warm-up: the first format of a file pays for JIT compilation of parser and printer.
  await prettier.format("/** a */\nexport interface A { b?: { c: string } }\n", {
    parser: PARSER,
  });
  return prettier;
});

parentPort?.on("message", async ({ id, code, filepath }) => {
  try {
    const prettier = await prettierReady;
    const options = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {};
    const output = await prettier.format(code, { ...options, filepath, parser: PARSER });
    parentPort?.postMessage({ id, output });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
