import { Worker } from "node:worker_threads";
import { CodegenError } from "./codegen-error";

type Reply = { id: number; output: string } | { id: number; error: string };

/**
 * Formats generated TypeScript with Prettier and the repo's own config (resolved from the output
 * path), so `prettier --check .` agrees with codegen byte for byte. Runs Prettier in a worker
 * thread that starts loading as soon as the formatter is created; close() ends it.
 */
export interface Formatter {
  format(code: string, outputPath: string): Promise<string>;
  close(): Promise<void>;
}

export function createFormatter(): Formatter {
  const worker = new Worker(new URL("./format-worker.mjs", import.meta.url));
  const pending = new Map<number, { resolve: (s: string) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ("output" in reply) waiting?.resolve(reply.output);
    else waiting?.reject(new CodegenError(`Prettier failed: ${reply.error}`));
  });
  worker.on("error", (error) =>
    failAll(new CodegenError(`Prettier worker failed: ${error.message}`)),
  );
  worker.on("exit", () => failAll(new CodegenError("Prettier worker exited early")));
  return {
    format(code, outputPath) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve,
          reject: (error) =>
            reject(new CodegenError(`${outputPath}: ${error.message.replace(/^.*?: /, "")}`)),
        });
        worker.postMessage({ id, code, filepath: outputPath });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
