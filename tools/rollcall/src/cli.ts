#!/usr/bin/env node
// The `rollcall` binary: built ahead of time (dist/cli.js), so no TypeScript loader runs.
import { main } from "./main";

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Keep-alive sockets to a vendor could hold the process open for seconds after the work is done:
// leave as soon as everything written has been flushed.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
