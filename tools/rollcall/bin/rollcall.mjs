#!/usr/bin/env node
// Runs the TypeScript sources through tsx so the CLI works on Node 20 without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
const code = await main(process.argv.slice(2));
process.exitCode = code;
// Keep-alive sockets to a vendor could hold the process open for seconds after the work is done:
// leave as soon as everything written has been flushed.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
